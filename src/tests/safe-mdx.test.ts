/** The safe-content check inside a real `astro build`: an editor's unsafe .mdx explainer or .md Q&A stops the build
 * with the file and line, and the rest of the content still builds. */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, copyContent, type BuildResult } from './helpers/build';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

/** Inserts `lines` after the front matter of `file` and returns the 1-based line where they start. */
async function inject(file: string, lines: string[]): Promise<number> {
  const text = await readFile(file, 'utf8');
  const end = text.indexOf('\n---', 3) + '\n---\n'.length;
  const before = text.slice(0, end);
  await writeFile(file, `${before}\n${lines.join('\n')}\n${text.slice(end)}`);
  return before.split('\n').length + 1;
}

/** A build folder of its own; the helper keeps its content cache beside outDir, so both go when the test ends. */
async function outDir(): Promise<string> {
  const work = await mkdtemp(join(tmpdir(), 'loa-ban-safe-mdx-'));
  dirs.push(work);
  return join(work, 'out', 'dist');
}

async function firstFile(dir: string, ext: string): Promise<string> {
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith(ext) && !entry.name.startsWith('_'))
      return join(entry.parentPath, entry.name);
  }
  throw new Error(`no ${ext} file under ${dir}`);
}

describe('safe content in astro build', () => {
  let mdx: string;
  let md: string;
  let at: number;
  let line: number;
  let result: BuildResult;
  // One build for both kinds of file: the check reads the whole content folder before building and reports every
  // file at once. In a hook, whose time limit allows for waiting on other test files' builds on a busy machine.
  beforeAll(async () => {
    const content = await copyContent();
    dirs.push(content);
    const explainer = await firstFile(join(content, 'explainers'), '.mdx');
    mdx = explainer.slice(content.length + 1);
    at = await inject(explainer, [
      "import Evil from '../../src/evil.astro'",
      '',
      '<script>alert(1)</script>',
      '',
      'Hai cộng hai là {2 + 2}.',
      '',
      '<Evil />',
    ]);
    const qa = await firstFile(join(content, 'qa'), '.md');
    md = qa.slice(content.length + 1);
    line = await inject(qa, ['<iframe src="https://example.org/"></iframe>', '', '<p onclick="alert(1)">Bấm</p>']);
    result = await build({ outDir: await outDir(), contentDir: content });
  });

  it('fails on an explainer (.mdx) with an import, a script, an expression and an unknown component, naming each line', () => {
    expect(result.code).not.toBe(0);
    expect(result.output).toContain(`content/${mdx}:${at}: không được dùng "import"`);
    expect(result.output).toContain(`content/${mdx}:${at + 2}: không được chèn thẻ <script>`);
    expect(result.output).toContain(`content/${mdx}:${at + 4}: không được dùng biểu thức JavaScript {2 + 2}`);
    expect(result.output).toContain(`content/${mdx}:${at + 6}: thành phần <Evil> không được phép`);
  });

  it('fails on a Q&A (.md) with a raw iframe and an onclick attribute, in the same report', () => {
    expect(result.output).toContain(`content/${md}:${line}: không được chèn thẻ <iframe>`);
    expect(result.output).toContain(`content/${md}:${line + 2}: <p> có thuộc tính "onclick"`);
  });
});
