/** Stamps public/sw.js with a hash of the built pages, so a deploy that changes any page installs a new worker
 * (which takes over at once and drops the old shell cache), and a rebuild that changes nothing does not. */
import type { BuildDone } from './build-done';
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtFiles } from '../lib/built-files';
import { editorUrls } from '../lib/urls';

export async function stampServiceWorker({ dir }: BuildDone): Promise<void> {
  const root = fileURLToPath(dir);
  const hash = createHash('sha256');
  // The editing app is not the residents' site: a new CMS page must not make every resident download a new worker.
  const pages = (await builtFiles(root, /\.html$/)).filter(
    (p) => !p.slice(root.length).startsWith(editorUrls.app().slice(1)),
  );
  for (const page of pages) hash.update(page.slice(root.length)).update(await readFile(page));
  const sw = join(root, 'sw.js');
  const source = await readFile(sw, 'utf8');
  if (!source.includes('__VERSION__')) throw new Error('public/sw.js: thiếu chỗ đánh dấu __VERSION__.');
  await writeFile(sw, source.replace('__VERSION__', hash.digest('hex').slice(0, 12)));
}
