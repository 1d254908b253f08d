/** Helpers for the print tests: what the content says should be printed (read straight from content/ with js-yaml and
 * ordered as the schemas define `order`, not by the site's own code), and what a PDF printed by Chromium actually
 * contains (poppler's pdfinfo and pdftotext). */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import yaml from 'js-yaml';
import jsQR from 'jsqr';
import sharp from 'sharp';

const run = promisify(execFile);

/** The front matter of a Markdown file, or a whole YAML file, as data. */
export function frontMatter(source: string): Record<string, unknown> {
  const block = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source)?.[1] ?? source;
  return (yaml.load(block) ?? {}) as Record<string, unknown>;
}

export interface ExpectedQa {
  id: string;
  question: string;
  /** Site path the QR code must open: the recording when one reads this Q&A, else the Q&A page. */
  target: string;
}

const mdFiles = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((f) => /\.mdx?$/.test(f) && !/(^|\/)_/.test(f))
        .sort()
    : [];
const entries = (content: string, folder: string) =>
  mdFiles(join(content, folder)).map((f) => ({
    id: f.replace(/\.mdx?$/, ''),
    fm: frontMatter(readFileSync(join(content, folder, f), 'utf8')),
  }));

/** The topic ids, from content/topics/. */
export function topicIds(content: string): string[] {
  return mdFiles(join(content, 'topics')).map((f) => f.replace(/\.mdx?$/, ''));
}

/** Slogans of every topic, in topic order. */
export function slogans(content: string): { topic: string; text: string }[] {
  return entries(content, 'topics')
    .sort((a, b) => Number(a.fm['order']) - Number(b.fm['order']))
    .flatMap(({ id, fm }) => ((fm['slogans'] as string[] | undefined) ?? []).map((text) => ({ topic: id, text })));
}

/** Every Q&A of a topic in the order the schemas define: languages by their `order` (Vietnamese first), then each
 * Q&A's `order` within its topic and language. A Q&A read by a recording (named from either side) points at it. */
export function expectedQa(content: string, topic: string): ExpectedQa[] {
  const languages = readdirSync(join(content, 'languages')).filter((f) => f.endsWith('.yaml'));
  const langOrder = new Map(
    languages.map((f) => [
      f.replace(/\.yaml$/, ''),
      Number(frontMatter(readFileSync(join(content, 'languages', f), 'utf8'))['order']),
    ]),
  );
  const recordings = entries(content, 'audio');
  const lang = (fm: Record<string, unknown>) => String(fm['lang'] ?? 'vi');
  const rank = (fm: Record<string, unknown>) => [langOrder.get(lang(fm))!, Number(fm['order'])] as const;
  return entries(content, 'qa')
    .filter(({ fm }) => fm['topic'] === topic)
    .sort((a, b) => rank(a.fm)[0] - rank(b.fm)[0] || rank(a.fm)[1] - rank(b.fm)[1])
    .map(({ id, fm }) => {
      const linked = recordings.filter(
        (r) => r.id === fm['audio'] || ((r.fm['qa'] as string[] | undefined) ?? []).includes(id),
      );
      // One recording per Q&A in the content tested; which of several wins is the site's rule, not checked here.
      if (linked.length > 1)
        throw new Error(`${id} is read by ${linked.length} recordings: the test expects one at most`);
      return {
        id,
        question: String(fm['question']),
        target: linked[0] ? `/ban-nghe/${linked[0].id}/` : `/hoi-dap/${id}/`,
      };
    });
}

/** Page count and each page's size in points. */
export async function pdfPages(file: string): Promise<{ width: number; height: number }[]> {
  const { stdout } = await run('pdfinfo', ['-f', '1', '-l', '9999', file]);
  return [...stdout.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/gm)].map((m) => ({
    width: Number(m[1]),
    height: Number(m[2]),
  }));
}

/** Text of the PDF (or of one page), whitespace collapsed and NFC-normalised so wrapped lines compare as one. */
export async function pdfText(file: string, pageNo?: number): Promise<string> {
  const range = pageNo ? ['-f', String(pageNo), '-l', String(pageNo)] : [];
  const { stdout } = await run('pdftotext', [...range, '-enc', 'UTF-8', file, '-'], { maxBuffer: 64 << 20 });
  return flat(stdout);
}

export const flat = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

/** Every word with its box, per page, in points from the top-left corner. */
export async function pdfWords(
  file: string,
): Promise<{ page: number; width: number; word: string; xMin: number; xMax: number }[]> {
  const { stdout } = await run('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { maxBuffer: 64 << 20 });
  const words: { page: number; width: number; word: string; xMin: number; xMax: number }[] = [];
  let page = 0;
  let width = 0;
  for (const m of stdout.matchAll(
    /<page width="([\d.]+)"|<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g,
  )) {
    if (m[1]) {
      page += 1;
      width = Number(m[1]);
    } else words.push({ page, width, word: m[4]!, xMin: Number(m[2]), xMax: Number(m[3]) });
  }
  return words;
}

/** Reads a QR code from a screenshot (PNG) with jsQR, a maintained decoder. */
export async function decodeQr(png: Buffer): Promise<string | undefined> {
  const { data, info } = await sharp(png)
    .flatten({ background: '#fff' })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data;
}
