/** Helpers for the print tests: what the content says should be printed (read straight from content/, not from the
 * site's own code), and what a PDF printed by Chromium actually contains (poppler's pdfinfo and pdftotext). */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import jsQR from 'jsqr';
import type { Browser } from 'playwright-core';
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

/** Dark pixels of a PNG, widened by one pixel so two rasterisers' antialiasing of one outline overlaps, cropped to
 * their bounding box. */
async function inkMask(png: Buffer): Promise<{ ink: Uint8Array; width: number; height: number; count: number }> {
  const { data, info } = await sharp(png).flatten({ background: '#fff' }).greyscale().raw().toBuffer({
    resolveWithObject: true,
  });
  const { width, height } = info;
  let [x0, y0, x1, y1] = [width, height, -1, -1];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (data[y * width + x]! < 140)
        [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
    }
  }
  if (x1 < 0) return { ink: new Uint8Array(0), width: 0, height: 0, count: 0 };
  const w = x1 - x0 + 3;
  const h = y1 - y0 + 3;
  const ink = new Uint8Array(w * h);
  let count = 0;
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      if (data[y * width + x]! >= 140) continue;
      for (let dy = 0; dy < 3; dy++) for (let dx = 0; dx < 3; dx++) ink[(y - y0 + dy) * w + (x - x0 + dx)] = 1;
    }
  }
  for (const v of ink) count += v;
  return { ink, width: w, height: h, count };
}

/** How much two renderings of the same text agree, from 0 to 1: the Dice coefficient of their (widened) dark pixels,
 * aligned by their ink's bounding box and then the best of shifts up to `shift` pixels. The same glyphs drawn by two
 * rasterisers (poppler, Chromium) agree closely; empty boxes where letters should be do not. Both images must be at
 * the same resolution. */
export async function inkAgreement(a: Buffer, b: Buffer, shift = 4): Promise<number> {
  const [p, q] = await Promise.all([inkMask(a), inkMask(b)]);
  if (p.count === 0 || q.count === 0) return 0;
  let best = 0;
  for (let sy = -shift; sy <= shift; sy++) {
    for (let sx = -shift; sx <= shift; sx++) {
      let both = 0;
      for (let y = 0; y < p.height; y++) {
        const qy = y + sy;
        if (qy < 0 || qy >= q.height) continue;
        for (let x = 0; x < p.width; x++) {
          const qx = x + sx;
          if (qx >= 0 && qx < q.width && p.ink[y * p.width + x] && q.ink[qy * q.width + qx]) both += 1;
        }
      }
      best = Math.max(best, (2 * both) / (p.count + q.count));
    }
  }
  return best;
}

/** One booklet Q&A as the PDF prints it (poppler) and as Chromium shows the same page on screen with the print
 * styles, at the same resolution and width, and how closely the two agree (inkAgreement). The Q&A is found in the PDF
 * by its printed number ("Câu 8."), the way a reader would find it. */
export async function qaPrintedAsOnScreen(
  browser: Browser,
  siteUrl: string,
  bookletPath: string,
  pdf: string,
  qaId: string,
): Promise<{ agreement: number; screen: Buffer; printed: Buffer }> {
  const dpi = 150;
  const context = await browser.newContext({
    viewport: { width: Math.floor((180 * 96) / 25.4), height: 1100 },
    deviceScaleFactor: dpi / 96,
  });
  try {
    const page = await context.newPage();
    await page.goto(siteUrl + bookletPath);
    await page.emulateMedia({ media: 'print' });
    const text = page.locator(`[data-qa="${qaId}"] .booklet-qa-text`);
    const number = /^\S+ (\d+)\./.exec(await text.locator('h2').innerText())?.[1];
    const box = await text.boundingBox();
    if (!number || !box) throw new Error(`${bookletPath}: no numbered Q&A ${qaId}`);
    const screen = await text.screenshot();

    const { stdout } = await run('pdftotext', ['-bbox', '-enc', 'UTF-8', pdf, '-'], { maxBuffer: 64 << 20 });
    let pageNo = 0;
    let previous: { word: string; x: number; y: number } | undefined;
    let at: { page: number; x: number; y: number } | undefined;
    for (const m of stdout.matchAll(/<page width|<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)) {
      if (!m[1]) {
        pageNo += 1;
        continue;
      }
      if (previous?.word === 'Câu' && m[3] === `${number}.`) at = { page: pageNo, x: previous.x, y: previous.y };
      previous = { word: m[3]!, x: Number(m[1]), y: Number(m[2]) };
    }
    if (!at) throw new Error(`${pdf}: "Câu ${number}." not found`);
    // The block's box, from its first word, with a margin for the line's leading (CSS px are 0.75 pt).
    const scale = dpi / 72;
    const margin = 6;
    const printed = await sharp(await pdfPagePng(pdf, at.page, dpi))
      .extract({
        left: Math.round((at.x - margin) * scale),
        top: Math.round((at.y - margin) * scale),
        width: Math.round((box.width * 0.75 + 2 * margin) * scale),
        height: Math.round((box.height * 0.75 + 2 * margin) * scale),
      })
      .png()
      .toBuffer();
    return { agreement: await inkAgreement(screen, printed), screen, printed };
  } finally {
    await context.close();
  }
}
