/** Writes .br and .gz beside every text file of the build, so nginx (gzip_static) and CDNs serve compressed bytes
 * without compressing per request. Runs last: after search, audio and the service worker have written their files. */
import type { BuildDone } from './build-done';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { builtFiles } from '../lib/built-files';
import { brotliQuality, compressible, precompress } from '../lib/precompress';

/** Files compressed at once: enough to keep libuv's thread pool busy without holding the whole site in memory. */
const BATCH = 32;

export async function precompressFiles({ dir, logger }: BuildDone): Promise<void> {
  const root = fileURLToPath(dir);
  const files = await builtFiles(root, compressible);
  const sizes = await Promise.all(files.map(async (f) => (await stat(f)).size));
  const quality = brotliQuality(sizes.reduce((a, b) => a + b, 0));
  let before = 0;
  let after = 0;
  for (let i = 0; i < files.length; i += BATCH) {
    await Promise.all(
      files.slice(i, i + BATCH).map(async (file) => {
        const data = await readFile(file);
        const { br, gz } = await precompress(data, quality);
        await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
        before += data.length;
        after += br.length;
      }),
    );
  }
  logger.info(
    `Đã nén trước ${files.length} tệp: ${Math.round(before / 1000)} KB → ${Math.round(after / 1000)} KB (brotli ${quality}).`,
  );
}
