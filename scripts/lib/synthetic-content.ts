/** Synthetic content for the benchmarks: a copy of the real content plus `n` Q&A made of real answer sentences,
 * reshuffled, spread over the real topics, so page weight and index size are realistic. The build checks every
 * figure against the cited documents, so the made-up Q&A take only sentences without digits, and a letter code
 * instead of a number. */
import { cp, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

export async function syntheticContent(n: number, name: string): Promise<string> {
  // Inside the project, so the MDX modules compiled from it resolve Astro's runtime from node_modules.
  const base = join(root, 'node_modules/.cache/loa-ban/content');
  await mkdir(base, { recursive: true });
  const dir = await mkdtemp(join(base, `${name}-${n}-`));
  await cp(join(root, 'content'), dir, { recursive: true });
  const qaDir = join(root, 'content/qa');
  const files = (await readdir(qaDir, { recursive: true })).filter((f) => f.endsWith('.md'));
  const bodies = await Promise.all(
    files.map(async (f) => (await readFile(join(qaDir, f), 'utf8')).split(/^---$/m)[2]!.trim()),
  );
  const sentences = bodies
    .flatMap((b) => b.split(/(?<=\.)\s+/))
    .filter((s) => s.length > 20 && !s.startsWith('-') && !/\d/.test(s));
  /** 0 → "a", 25 → "z", 26 → "ba": a unique code with no digit in it. */
  const code = (i: number): string => (i < 26 ? '' : code(Math.floor(i / 26))) + String.fromCharCode(97 + (i % 26));
  const topics = (await readdir(join(dir, 'topics'))).map((f) => f.replace(/\.md$/, ''));
  await mkdir(join(dir, 'qa/bench'), { recursive: true });
  for (let i = 0; i < n; i++) {
    const pick = (k: number) => sentences[(i * 7 + k * 13) % sentences.length]!;
    await writeFile(
      join(dir, 'qa/bench', `cau-${i}.md`),
      `---\nquestion: "Câu hỏi thử ${code(i)}: ${pick(5).slice(0, 60).replace(/"/g, '')}?"\ntopic: ${topics[i % topics.length]}\nlang: vi\norder: ${1000 + i}\nsources:\n  - qd-628-tctk-2023\nupdated: 2026-11-22\n---\n\n${[pick(0), pick(1), pick(2), '', pick(3), pick(4)].join(' ')}\n`,
    );
  }
  return dir;
}
