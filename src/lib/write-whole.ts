import { rename, writeFile } from 'node:fs/promises';

/** Temporary names made by this process so far: two writes of the same file (two built files with the same bytes
 * share one cache entry) never share a temporary name. */
let temps = 0;

/** Writes `data` at `file` through a temporary name and a rename, so a build cut short never leaves half a file for
 * the next build to trust (the precompression and PDF caches). */
export async function writeWhole(file: string, data: Uint8Array): Promise<void> {
  const temp = `${file}.${process.pid}-${temps++}.tmp`;
  await writeFile(temp, data);
  await rename(temp, file);
}
