/** Writes .br and .gz beside every text file of the build, so nginx (gzip_static) and CDNs serve compressed bytes
 * without compressing per request. Runs last: after search, audio and the service worker have written their files.
 *
 * Compressed outputs are kept in the build's cache folder (Astro's `cacheDir`), named by the SHA-256 of the file's
 * bytes under a folder named by the settings and the compressor versions, so a file whose bytes did not change since
 * the last build is not compressed again, and a cached output can never belong to other bytes, another quality or
 * another zlib/brotli. The site's .br and .gz are hard links to those entries: a build writes each compressed byte
 * once, and a second build links what it reuses instead of reading and writing it (20,000 Q&A: 220 MB each way).
 * Entries the build did not use are dropped, so the cache holds one build. */
import type { BuildDone } from './build-done';
import { createHash } from 'node:crypto';
import { copyFile, link, mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtFiles } from '../lib/built-files.ts';
import { brotliQuality, compressible, gzipLevel, precompress } from '../lib/precompress.ts';
import { editorUrls } from '../lib/urls.ts';
import { writeWhole } from '../lib/write-whole.ts';

/** Files compressed at once: enough to keep libuv's thread pool busy without holding the whole site in memory. */
const IN_FLIGHT = 16;
/** Bumped when what is written for the same bytes changes other than by quality or compressor version. */
const CACHE_FORMAT = 3;

/** The cache folder for one setting: quality, gzip level and the compressors Node links (process.versions). */
export function cacheFolder(cacheDir: string, quality: number, level: number): string {
  const tag = `v${CACHE_FORMAT}-br${quality}-gz${level}-brotli${process.versions['brotli'] ?? '?'}-zlib${process.versions.zlib}`;
  return join(cacheDir, 'loa-ban-precompress', tag);
}

/** Puts cache entry `entry` at `file` as a hard link, or as a copy where the two folders cannot share a file (another
 * file system, or a file system without hard links). A file already there (a build into a folder that was not
 * emptied) is replaced, never written through, so no write can reach the cache. */
async function place(entry: string, file: string): Promise<void> {
  await rm(file, { force: true });
  try {
    await link(entry, file);
  } catch {
    await copyFile(entry, file);
  }
}

/** Brotli quality and gzip level for the editing app (/bien-tap/, 7 MB of Decap CMS): editors download it once and
 * keep it, and at quality 11 it would add about 10 s to every fresh build. It is left out of the text that decides
 * the residents' setting, which it would otherwise push past the 8 MB where every page loses brotli 11. */
export const EDITOR_SETTING = { quality: 6, level: 6 } as const;

/** The step (build-done.ts runs it in a process of its own). */
export async function precompressFiles({ dir, logger, cacheDir }: BuildDone): Promise<void> {
  const root = fileURLToPath(dir);
  const relative = (f: string) => f.slice(root.length).replace(/^\//, '');
  const editors = editorUrls.app().slice(1);
  const forEditors = (f: string) => relative(f).startsWith(editors);
  // One listing of the folder serves both the files to compress and the outputs left by deleted files.
  const everything = await builtFiles(root, /./);
  const present = new Set(everything);
  const files = everything.filter((f) => compressible.test(f));
  // Chosen by the residents' text alone.
  const sizes = await Promise.all(files.filter((f) => !forEditors(f)).map(async (f) => (await stat(f)).size));
  const text = sizes.reduce((a, b) => a + b, 0);
  const quality = brotliQuality(text);
  const level = gzipLevel(text);
  const residents = cacheFolder(cacheDir, quality, level);
  const editing = cacheFolder(cacheDir, EDITOR_SETTING.quality, EDITOR_SETTING.level);
  const folders = [...new Set([residents, editing])];
  await Promise.all(folders.map((f) => mkdir(f, { recursive: true })));
  // Read once, so a file not in the cache costs no failed read. Entries are "<folder>/<sha256>.br" and ".gz".
  const cached = new Set(
    (await Promise.all(folders.map(async (f) => (await readdir(f)).map((k) => join(f, k))))).flat(),
  );
  const used = new Set<string>();
  let before = 0;
  let after = 0;
  let reused = 0;
  const one = async (file: string) => {
    const data = await readFile(file);
    const [setting, folder] = forEditors(file) ? [EDITOR_SETTING, editing] : [{ quality, level }, residents];
    const entry = join(folder, createHash('sha256').update(data).digest('hex'));
    const [br, gz] = [`${entry}.br`, `${entry}.gz`];
    if (cached.has(br) && cached.has(gz)) reused += 1;
    else {
      // Two built files with the same bytes share one entry: the first makes it, the second waits for it.
      if (!making.has(br)) making.set(br, make(data, setting, br, gz));
      await making.get(br);
    }
    used.add(br).add(gz);
    await Promise.all([place(br, `${file}.br`), place(gz, `${file}.gz`)]);
    before += data.length;
    after += (await stat(br)).size;
  };
  /** Entries (by their .br) being written by this build. */
  const making = new Map<string, Promise<void>>();
  const make = async (data: Buffer, setting: { quality: number; level: number }, br: string, gz: string) => {
    const out = await precompress(data, setting.quality, setting.level);
    await Promise.all([writeWhole(br, out.br), writeWhole(gz, out.gz)]);
  };
  // A few files in flight at once, each taking the next as it finishes, so one large file (a booklet, the editor's
  // bundle) never holds the others back.
  let next = 0;
  const worker = async () => {
    for (let file = files[next++]; file; file = files[next++]) await one(file);
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  // A file deleted since the last build into this folder (when it was not emptied) must not leave its .br/.gz
  // to be served.
  const orphans = everything.filter(
    (f) => /\.(?:br|gz)$/.test(f) && compressible.test(f.slice(0, -3)) && !present.has(f.slice(0, -3)),
  );
  await Promise.all(orphans.map((f) => rm(f, { force: true })));
  // The cache keeps this build's outputs only, under this build's settings.
  const parent = join(residents, '..');
  for (const folder of await readdir(parent)) {
    if (!folders.includes(join(parent, folder))) await rm(join(parent, folder), { recursive: true, force: true });
  }
  for (const folder of folders) {
    const stale = (await readdir(folder)).filter((name) => !used.has(join(folder, name)));
    await Promise.all(stale.map((name) => rm(join(folder, name), { force: true })));
  }
  logger.info(
    `Đã nén trước ${files.length} tệp (${reused} tệp không đổi lấy lại từ bộ nhớ đệm): ` +
      `${Math.round(before / 1000)} KB → ${Math.round(after / 1000)} KB (brotli ${quality}, gzip ${level}).`,
  );
}
