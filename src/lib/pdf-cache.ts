/** The PDF step's cache (src/integrations/pdf.ts): what makes a cached PDF valid for this build, and how an entry is
 * stored. A PDF is decided by the page's HTML as Astro wrote it, the files Chromium loaded for it (CSS, images), the
 * browser, the fonts it can find, how it was asked to print and what pdf-lib added. The files loaded are only known
 * after a first print, so an entry is looked up by a key over everything else and holds the list of those files with
 * the hash of their bytes: it is reused only if every one of them still has the same bytes. */
import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Bumped when an entry's layout or what it means changes; also names the cache folder. */
export const CACHE_FORMAT = 1;

/** What decides a PDF's bytes, apart from the files the page loads. */
export interface PdfKeyInputs {
  /** Site path of the page ("/in/x/"): relative addresses in the HTML resolve against it. */
  path: string;
  /** The page as Astro wrote it, PDF blocks not filled: what Chromium prints. */
  html: string;
  /** The browser, as `chromium --version` states it. */
  chromium: string;
  /** fontsStamp() of the machine's fonts and fontconfig settings: a font installed changes the glyphs used. */
  fonts: string;
  /** Anything else that shapes the bytes: print and context options, playwright-core and pdf-lib versions, the source
   * of the code that prints and finishes the PDF. Compared as a whole. */
  settings: string;
  /** The creation date written in the PDF, only when it is fixed (SOURCE_DATE_EPOCH): then a build must give the
   * same bytes as a fresh one. Otherwise a cached PDF keeps the date it was printed, when it was created. */
  created?: Date | undefined;
}

/** The entry's name: SHA-256 over the inputs, each length-prefixed so no two sets of inputs run together. */
export function pdfKey(inputs: PdfKeyInputs): string {
  const hash = createHash('sha256');
  const parts = [
    `format ${CACHE_FORMAT}`,
    inputs.path,
    inputs.chromium,
    inputs.fonts,
    inputs.settings,
    inputs.created ? inputs.created.toISOString() : 'created when printed',
    inputs.html,
  ];
  for (const part of parts) {
    hash.update(`${Buffer.byteLength(part)}:`);
    hash.update(part);
  }
  return hash.digest('hex');
}

/** A file Chromium was served while printing: its site path and the SHA-256 of its bytes, or null when it was
 * answered 404 (a file that appears later changes the print too). */
export interface Served {
  path: string;
  sha256: string | null;
}

/** A cached PDF and what the build states about it without reading it again. */
export interface PdfEntry {
  pdf: Uint8Array;
  pages: number;
  /** Fonts the PDF embeds, for the unexpected-font warning a reused PDF must still give. */
  fonts: string[];
  served: Served[];
}

/** One file per entry, so a hit is one read: the header's length (4 bytes), the header as JSON, the PDF. */
export function packEntry(entry: PdfEntry): Buffer {
  const header = Buffer.from(JSON.stringify({ pages: entry.pages, fonts: entry.fonts, served: entry.served }));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(header.length);
  return Buffer.concat([length, header, entry.pdf]);
}

/** The entry, or undefined for bytes that are not one (a damaged file is printed again rather than trusted). */
export function unpackEntry(data: Uint8Array): PdfEntry | undefined {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (bytes.length < 4) return undefined;
  const length = bytes.readUInt32BE(0);
  if (4 + length > bytes.length) return undefined;
  let header: unknown;
  try {
    header = JSON.parse(bytes.subarray(4, 4 + length).toString('utf8'));
  } catch {
    return undefined;
  }
  const { pages, fonts, served } = (header ?? {}) as Partial<PdfEntry>;
  const pdf = bytes.subarray(4 + length);
  const isServed = (s: unknown) =>
    typeof (s as Served)?.path === 'string' &&
    ((s as Served).sha256 === null || typeof (s as Served).sha256 === 'string');
  if (
    !Number.isInteger(pages) ||
    pages! < 1 ||
    !Array.isArray(fonts) ||
    !fonts.every((f) => typeof f === 'string') ||
    !Array.isArray(served) ||
    !served.every(isServed) ||
    pdf.subarray(0, 5).toString('latin1') !== '%PDF-'
  ) {
    return undefined;
  }
  return { pdf, pages: pages!, fonts, served };
}

/** The first file an entry was printed with whose bytes this build changed (or added, or removed), undefined when
 * none did and the entry can be reused. `hashOf` gives a site path's SHA-256 in this build's output, null if absent. */
export async function changedFile(
  served: Served[],
  hashOf: (path: string) => Promise<string | null>,
): Promise<string | undefined> {
  for (const file of served) {
    if ((await hashOf(file.path)) !== file.sha256) return file.path;
  }
  return undefined;
}

/** Where fontconfig finds fonts and its settings on Debian and Ubuntu (fonts.conf's <dir>s and the user's). */
export function fontDirs(home: string | undefined, dataHome?: string, configHome?: string): string[] {
  const dirs = ['/etc/fonts', '/usr/share/fonts', '/usr/local/share/fonts'];
  if (home) {
    dirs.push(join(home, '.fonts'), join(dataHome ?? join(home, '.local/share'), 'fonts'));
    dirs.push(join(configHome ?? join(home, '.config'), 'fontconfig'));
  }
  return dirs;
}

/** A hash of every file under `dirs` (path, size, modification time, through symbolic links): installing or removing
 * a font, or changing fontconfig's rules, changes it. Stat calls only, a few milliseconds for a few hundred fonts. */
export async function fontsStamp(dirs: string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const dir of dirs) {
    let names: string[];
    try {
      names = (await readdir(dir, { recursive: true })).sort();
    } catch {
      hash.update(`${dir} absent\n`);
      continue;
    }
    hash.update(`${dir}\n`);
    for (const name of names) {
      try {
        const info = await stat(join(dir, name));
        if (info.isFile()) hash.update(`${name} ${info.size} ${info.mtimeMs}\n`);
      } catch {
        hash.update(`${name} broken\n`);
      }
    }
  }
  return hash.digest('hex');
}
