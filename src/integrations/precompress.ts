/** Writes .br and .gz beside every text file of the build, so nginx (gzip_static) and CDNs serve compressed bytes
 * without compressing per request. Runs last: after search, audio and the service worker have written their files.
 *
 * Compressed outputs are kept in the build's cache folder (Astro's `cacheDir`), named by the SHA-256 of the file's
 * bytes under a folder named by the settings and the compressor versions, so a file whose bytes did not change since
 * the last build is copied back instead of compressed again, and a cached output can never belong to other bytes,
 * another quality or another zlib/brotli. Entries the build did not use are dropped, so the cache holds one build. */
import type { BuildDone } from './build-done';
import { inWorker } from './in-worker.ts';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtFiles } from '../lib/built-files.ts';
import { brotliQuality, compressible, gzipLevel, precompress } from '../lib/precompress.ts';

/** Files compressed at once: enough to keep libuv's thread pool busy without holding the whole site in memory. */
const IN_FLIGHT = 16;
/** Bumped when what is written for the same bytes changes other than by quality or compressor version. */
const CACHE_FORMAT = 2;

/** The cache folder for one setting: quality, gzip level and the compressors Node links (process.versions). */
export function cacheFolder(cacheDir: string, quality: number, level: number): string {
  const tag = `v${CACHE_FORMAT}-br${quality}-gz${level}-brotli${process.versions['brotli'] ?? '?'}-zlib${process.versions.zlib}`;
  return join(cacheDir, 'loa-ban-precompress', tag);
}

/** One cache entry per file: brotli's length (4 bytes), brotli, gzip. One file, so a hit is one read. */
function pack(br: Buffer, gz: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(br.length);
  return Buffer.concat([head, br, gz]);
}

function unpack(entry: Buffer): { br: Buffer; gz: Buffer } {
  const length = entry.readUInt32BE(0);
  return { br: entry.subarray(4, 4 + length), gz: entry.subarray(4 + length) };
}

/** Writes `data` at `file` through a temporary name, so a build cut short never leaves half a cached file. */
let temps = 0;
async function writeWhole(file: string, data: Buffer) {
  // Unique per write: two built files with the same bytes share one cache entry and may be written at once.
  const temp = `${file}.${process.pid}-${temps++}.tmp`;
  await writeFile(temp, data);
  await rename(temp, file);
}

/** The step, in a worker thread of its own (in-worker.ts). */
export const precompressFiles = (args: BuildDone) =>
  inWorker('src/integrations/precompress.ts', 'precompressHere', args);

/** The step, on the calling thread. */
export async function precompressHere({ dir, logger, cacheDir }: BuildDone): Promise<void> {
  const root = fileURLToPath(dir);
  // One listing of the folder serves both the files to compress and the outputs left by deleted files.
  const everything = await builtFiles(root, /./);
  const present = new Set(everything);
  const files = everything.filter((f) => compressible.test(f));
  const sizes = await Promise.all(files.map(async (f) => (await stat(f)).size));
  const text = sizes.reduce((a, b) => a + b, 0);
  const quality = brotliQuality(text);
  const level = gzipLevel(text);
  const cache = cacheFolder(cacheDir, quality, level);
  await mkdir(cache, { recursive: true });
  // Read once, so a file not in the cache costs no failed read.
  const cached = new Set(await readdir(cache));
  const used = new Set<string>();
  let before = 0;
  let after = 0;
  let reused = 0;
  const one = async (file: string) => {
    const data = await readFile(file);
    const key = createHash('sha256').update(data).digest('hex');
    used.add(key);
    let br: Buffer;
    let gz: Buffer;
    if (cached.has(key)) {
      ({ br, gz } = unpack(await readFile(join(cache, key))));
      reused += 1;
    } else {
      ({ br, gz } = await precompress(data, quality, level));
      cached.add(key);
      await writeWhole(join(cache, key), pack(br, gz));
    }
    await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
    before += data.length;
    after += br.length;
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
  const parent = join(cache, '..');
  for (const folder of await readdir(parent)) {
    if (join(parent, folder) !== cache) await rm(join(parent, folder), { recursive: true, force: true });
  }
  const stale = (await readdir(cache)).filter((name) => !used.has(name));
  await Promise.all(stale.map((name) => rm(join(cache, name), { force: true })));
  logger.info(
    `Đã nén trước ${files.length} tệp (${reused} tệp không đổi lấy lại từ bộ nhớ đệm): ` +
      `${Math.round(before / 1000)} KB → ${Math.round(after / 1000)} KB (brotli ${quality}, gzip ${level}).`,
  );
}
