/** Stamps public/sw.js with a hash of the built pages, so a deploy that changes any page installs a new worker
 * (which takes over at once and drops the old shell cache), and a rebuild that changes nothing does not. Run again
 * on a stamped site (by `npm run offline`, after it writes the offline copy's link into two pages), it re-stamps. */
import type { BuildDone } from './build-done';
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtFiles } from '../lib/built-files.ts';

/** The line that carries the version: '__VERSION__' in public/sw.js, a hash once stamped. */
const VERSION_LINE = /^const VERSION = '(?:__VERSION__|[0-9a-f]{12})';$/m;

export async function stampServiceWorker({ dir }: Pick<BuildDone, 'dir'>): Promise<void> {
  const root = fileURLToPath(dir);
  const hash = createHash('sha256');
  const pages = await builtFiles(root, /\.html$/);
  for (const page of pages) hash.update(page.slice(root.length)).update(await readFile(page));
  const sw = join(root, 'sw.js');
  const source = await readFile(sw, 'utf8');
  if (!VERSION_LINE.test(source)) throw new Error("public/sw.js: thiếu dòng const VERSION = '__VERSION__';");
  await writeFile(sw, source.replace(VERSION_LINE, `const VERSION = '${hash.digest('hex').slice(0, 12)}';`));
}
