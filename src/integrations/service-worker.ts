/** Stamps public/sw.js with a hash of the built pages, so a deploy that changes any page installs a new worker
 * (which takes over at once and drops the old shell cache), and a rebuild that changes nothing does not. Run again
 * on a stamped site (by `npm run offline`, after it writes the offline copy's link into two pages), it re-stamps.
 * With the residents' inbox (LOA_BAN_INBOX=1) sw.js imports sw-hop-thu.js, stamped with the question form's scripts
 * to keep for offline use; without it that file is removed, so the worker is the plain reading one. */
import type { BuildDone } from './build-done';
import { createHash } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtFiles } from '../lib/built-files.ts';
import { siteInbox } from '../inbox/config.ts';
import { scriptClosure } from '../lib/script-closure.ts';
import { editorUrls } from '../lib/urls.ts';

const INBOX_WORKER = 'sw-hop-thu.js';
/** Pages read at once. */
const BATCH = 64;
/** The line that carries the version: '__VERSION__' in public/sw.js, a hash once stamped. */
const VERSION_LINE = /^const VERSION = '(?:__VERSION__|[0-9a-f]{12})';$/m;
/** Where the inbox worker is imported; gone once stamped. */
const INBOX_MARK = '// __INBOX__\n';

export async function stampServiceWorker({ dir }: Pick<BuildDone, 'dir'>): Promise<void> {
  const root = fileURLToPath(dir);
  const hash = createHash('sha256');
  // The editing app is not the residents' site: a new CMS page must not make every resident download a new worker.
  const pages = (await builtFiles(root, /\.html$/)).filter(
    (p) => !p.slice(root.length).startsWith(editorUrls.app().slice(1)),
  );
  // Read a batch at a time (the disk and the thread pool work in parallel), hashed in the pages' sorted order.
  for (let i = 0; i < pages.length; i += BATCH) {
    const batch = pages.slice(i, i + BATCH);
    const bytes = await Promise.all(batch.map((page) => readFile(page)));
    batch.forEach((page, j) => hash.update(page.slice(root.length)).update(bytes[j]!));
  }
  const sw = join(root, 'sw.js');
  const source = await readFile(sw, 'utf8');
  if (!VERSION_LINE.test(source)) throw new Error("public/sw.js: thiếu dòng const VERSION = '__VERSION__';");
  const firstStamp = source.includes('__VERSION__');
  if (firstStamp && !source.includes(INBOX_MARK)) throw new Error('public/sw.js: thiếu chỗ đánh dấu // __INBOX__.');
  const inbox = siteInbox().enabled;
  const stamped = source
    .replace(VERSION_LINE, `const VERSION = '${hash.digest('hex').slice(0, 12)}';`)
    .replace(INBOX_MARK, inbox ? `importScripts('/${INBOX_WORKER}');\n` : '');
  await writeFile(sw, stamped);
  if (!firstStamp) return;

  const inboxWorker = join(root, INBOX_WORKER);
  if (!inbox) return rm(inboxWorker, { force: true });
  // The form's scripts and every chunk they import: what a question written with no signal needs.
  const astro = join(root, '_astro');
  const assets = await scriptClosure(astro, /^ask-form\.[\w-]+\.js$/);
  if (assets.length < 1) throw new Error(`${INBOX_WORKER}: không tìm thấy mã của mẫu câu hỏi trong _astro/.`);
  const worker = await readFile(inboxWorker, 'utf8');
  await writeFile(inboxWorker, worker.replace('__INBOX_ASSETS__', JSON.stringify(assets.map((f) => `/_astro/${f}`))));
}
