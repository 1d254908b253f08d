/** Helpers for the print tests: what the content says should be printed (read straight from content/, not from the
 * site's own code), and what a PDF printed by Chromium actually contains (poppler's pdfinfo and pdftotext). */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import jsQR from 'jsqr';
import sharp from 'sharp';

const run = promisify(execFile);

/** Scalar fields and simple lists of a Markdown/YAML front matter: enough for ids, orders and references. */
export function frontMatter(source: string): Record<string, string | string[]> {
  const block = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source)?.[1] ?? source;
  const out: Record<string, string | string[]> = {};
  let list: string[] | undefined;
  for (const line of block.split(/\r?\n/)) {
    if (/^\s*#/.test(line) || !line.trim()) continue;
    const item = /^\s+-\s+(.*)$/.exec(line);
    if (item && list) {
      list.push(unquote(item[1]!));
      continue;
    }
    const field = /^([A-Za-z]\w*):\s*(.*)$/.exec(line);
    if (field) {
      const value = field[2]!.replace(/\s+#.*$/, '');
      if (value === '' || value === '[]') out[field[1]!] = list = [];
      else {
        out[field[1]!] = unquote(value);
        list = undefined;
      }
    } else list = undefined;
  }
  return out;
}
const unquote = (v: string) =>
  v
    .trim()
    .replace(/^"(.*)"$/, '$1')
    .replace(/^'(.*)'$/, '$1')
    .replace(/\\"/g, '"');

export interface ExpectedQa {
  id: string;
  question: string;
  /** Site path the QR code must open: the recording when one reads this Q&A, else the Q&A page. */
  target: string;
}

const mdFiles = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.mdx?$/.test(f) && !/(^|\/)_/.test(f))
    : [];

/** The topic ids, from content/topics/. */
export function topicIds(content: string): string[] {
  return mdFiles(join(content, 'topics')).map((f) => f.replace(/\.mdx?$/, ''));
}

/** Slogans of every topic, in topic order. */
export function slogans(content: string): { topic: string; text: string }[] {
  return mdFiles(join(content, 'topics'))
    .map((f) => ({ id: f.replace(/\.mdx?$/, ''), fm: frontMatter(readFileSync(join(content, 'topics', f), 'utf8')) }))
    .sort((a, b) => Number(a.fm['order']) - Number(b.fm['order']))
    .flatMap(({ id, fm }) => ((fm['slogans'] as string[] | undefined) ?? []).map((text) => ({ topic: id, text })));
}

/** Every Q&A of a topic in the order a booklet must print them (language order, then `order`). */
export function expectedQa(content: string, topic: string): ExpectedQa[] {
  const langOrder = new Map(
    readdirSync(join(content, 'languages'))
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => [
        f.replace(/\.yaml$/, ''),
        Number(frontMatter(readFileSync(join(content, 'languages', f), 'utf8'))['order']),
      ]),
  );
  const recordings = mdFiles(join(content, 'audio')).map((f) => {
    const fm = frontMatter(readFileSync(join(content, 'audio', f), 'utf8'));
    return { id: f.replace(/\.mdx?$/, ''), lang: String(fm['lang']), qa: (fm['qa'] as string[] | undefined) ?? [] };
  });
  return mdFiles(join(content, 'qa'))
    .map((f) => ({ id: f.replace(/\.mdx?$/, ''), fm: frontMatter(readFileSync(join(content, 'qa', f), 'utf8')) }))
    .filter(({ fm }) => fm['topic'] === topic)
    .sort(
      (a, b) =>
        (langOrder.get(String(a.fm['lang'] ?? 'vi')) ?? 0) - (langOrder.get(String(b.fm['lang'] ?? 'vi')) ?? 0) ||
        Number(a.fm['order']) - Number(b.fm['order']),
    )
    .map(({ id, fm }) => {
      const lang = String(fm['lang'] ?? 'vi');
      const linked = recordings.filter((r) => r.id === fm['audio'] || r.qa.includes(id));
      const recording = linked.find((r) => r.id === fm['audio']) ?? linked.find((r) => r.lang === lang) ?? linked[0];
      return {
        id,
        question: String(fm['question']),
        target: recording ? `/ban-nghe/${recording.id}/` : `/hoi-dap/${id}/`,
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

/** The fonts of a PDF as pdffonts lists them. */
export async function pdfFonts(
  file: string,
): Promise<{ name: string; family: string; type: string; embedded: boolean; unicode: boolean }[]> {
  const { stdout } = await run('pdffonts', [file]);
  return stdout
    .split('\n')
    .slice(2)
    .filter((line) => line.trim())
    .map((line) => {
      // name, then a type of one or more words, then encoding, emb, sub, uni, object number, generation.
      const m = /^(\S+)\s+(.+?)\s{2,}(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(line);
      if (!m) throw new Error(`pdffonts: unreadable line "${line}"`);
      const name = m[1]!;
      return {
        name,
        family: name.replace(/^[A-Z]{6}\+/, '').replace(/-.*$/, ''),
        type: m[2]!,
        embedded: m[4] === 'yes',
        unicode: m[6] === 'yes',
      };
    });
}

/** Raster images in a PDF (pdfimages -list): QR codes and rules must stay vector, so printed booklets have none. */
export async function pdfImageCount(file: string): Promise<number> {
  const { stdout } = await run('pdfimages', ['-list', file]);
  return stdout
    .split('\n')
    .slice(2)
    .filter((line) => line.trim()).length;
}

/** The document information pdfinfo reads (Title, Author, CreationDate…). */
export async function pdfInfo(file: string): Promise<Record<string, string>> {
  const { stdout } = await run('pdfinfo', ['-isodates', file]);
  return Object.fromEntries(
    [...stdout.matchAll(/^([A-Za-z ]+):\s*(.*)$/gm)].map((m) => [m[1]!.trim(), m[2]!.trim()] as const),
  );
}

/** One page of a PDF as poppler renders it (pdftoppm), as a PNG. */
export async function pdfPagePng(file: string, pageNo: number, dpi = 150): Promise<Buffer> {
  const { stdout } = await run(
    'pdftoppm',
    ['-png', '-r', String(dpi), '-f', String(pageNo), '-l', String(pageNo), file],
    { encoding: 'buffer', maxBuffer: 256 << 20 },
  );
  return stdout;
}

const MM = 72 / 25.4;

/** Every QR code printed in a PDF, in reading order, decoded from poppler's rendering of the page. Each code is found
 * by its caption ("Quét mã để …", which sits right under it) and cut out of the page, small size first (booklet Q&A,
 * banners: 28 mm) then large (covers, leaflets: 40 mm): jsQR reads one code per image. */
export async function pdfQrCodes(file: string, captionWord = 'Quét'): Promise<(string | undefined)[]> {
  const { stdout } = await run('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { maxBuffer: 64 << 20 });
  const anchors: { page: number; x: number; y: number }[] = [];
  let page = 0;
  for (const m of stdout.matchAll(/<page width|<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)) {
    if (!m[1]) page += 1;
    else if (m[3] === captionWord) anchors.push({ page, x: Number(m[1]), y: Number(m[2]) });
  }
  anchors.sort((a, b) => a.page - b.page || a.y - b.y);
  const dpi = 150;
  const scale = dpi / 72;
  const pages = new Map<number, Buffer>();
  const codes: (string | undefined)[] = [];
  for (const anchor of anchors) {
    if (!pages.has(anchor.page)) pages.set(anchor.page, await pdfPagePng(file, anchor.page, dpi));
    const png = pages.get(anchor.page)!;
    const { width = 0, height = 0 } = await sharp(png).metadata();
    let decoded: string | undefined;
    for (const size of [28, 40]) {
      const left = Math.max(0, Math.round((anchor.x - 3 * MM) * scale));
      const top = Math.max(0, Math.round((anchor.y - (size + 3) * MM) * scale));
      const region = {
        left,
        top,
        width: Math.min(width - left, Math.round((size + 6) * MM * scale)),
        height: Math.min(height - top, Math.round((size + 3) * MM * scale)),
      };
      decoded = await decodeQr(await sharp(png).extract(region).png().toBuffer());
      if (decoded) break;
    }
    codes.push(decoded);
  }
  return codes;
}
