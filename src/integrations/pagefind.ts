/** Builds the search index at the end of every `astro build` (never a postbuild script: a plain build ships search).
 * Pagefind's Node API indexes the `data-pagefind-body` of entry pages, after our rewrite of their text: folded twins
 * for "đ" words and Khmer segmented into exact tokens (src/lib/search). Only the index and Pagefind's JS API are
 * kept; our own UI (src/pages/tim-kiem/) replaces Pagefind's UI bundles, which are deleted so none can be linked. */
import type { BuildDone } from './build-done';
import { inWorker } from './in-worker.ts';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { close, createIndex } from 'pagefind';
import { builtFiles } from '../lib/built-files.ts';
import { rewriteText, withoutStyles } from '../lib/search/html.ts';
import { indexText } from '../lib/search/query.ts';

/** Pagefind output we do not serve: its ready-made UIs. */
const UNUSED = /^pagefind-(?:ui|component-ui|modular-ui|highlight)\b/;
/** Pages handed to Pagefind at once: keeps memory flat on a 5,000-page site. */
const BATCH = 64;
/** Word locations per index chunk (Pagefind's default is 20,000, about 22 KB compressed here). A query loads one
 * chunk per word, so small chunks keep the first search within its 90 KB budget; the cost is a few more requests
 * and a longer chunk list in the metadata file. Read by the Pagefind binary when the service starts. */
const CHUNK_LOCATIONS = '4000';

/** "hoi-dap/x/index.html" → "/hoi-dap/x/" (the site uses directory URLs with a trailing slash). */
function pageUrl(root: string, file: string): string {
  const path = relative(root, file).split(sep).join('/');
  return `/${path.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** The step, in a worker thread of its own (in-worker.ts): reading and rewriting 20,000 pages allocates hundreds of
 * MB, and collecting that garbage in Astro's 2 GB heap is slow. */
export const searchIndex = (args: BuildDone) => inWorker('src/integrations/pagefind.ts', 'searchIndexHere', args);

/** The step, on the calling thread. */
export async function searchIndexHere({ dir, logger }: BuildDone): Promise<void> {
  const root = fileURLToPath(dir);
  process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'] ??= CHUNK_LOCATIONS;
  try {
    // One index for every language: residents search Khmer, Tày and Vietnamese pages from the same box, and the
    // index must not split by <html lang>.
    // Breadcrumbs and player controls are chrome, not content (Pagefind already skips nav, footer and forms).
    const { index, errors } = await createIndex({ forceLanguage: 'vi', excludeSelectors: ['.crumbs', '.player'] });
    if (!index) throw new Error(`Pagefind không khởi động được: ${errors.join('; ')}`);
    const files = await builtFiles(root, /\.html$/);
    let pages = 0;
    for (let i = 0; i < files.length; i += BATCH) {
      const batch = files.slice(i, i + BATCH);
      const htmls = await Promise.all(batch.map((file) => readFile(file, 'utf8')));
      // Handed over in file order (the service indexes in arrival order), so the same site gives the same index.
      const results = await Promise.all(
        batch.map(async (file, j) => {
          if (!htmls[j]!.includes('data-pagefind-body')) return undefined;
          const added = await index.addHTMLFile({
            url: pageUrl(root, file),
            content: rewriteText(withoutStyles(htmls[j]!), indexText),
          });
          if (added.errors.length > 0) throw new Error(`Pagefind: ${relative(root, file)}: ${added.errors.join('; ')}`);
          return added;
        }),
      );
      pages += results.filter(Boolean).length;
    }
    const written = await index.writeFiles({ outputPath: join(root, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
    for (const name of await readdir(join(root, 'pagefind'))) {
      if (UNUSED.test(name)) await rm(join(root, 'pagefind', name), { force: true });
    }
    if (pages === 0) logger.warn('Không có trang nào có data-pagefind-body: ô tìm kiếm sẽ không tìm thấy gì.');
    else logger.info(`Đã lập chỉ mục tìm kiếm cho ${pages} trang.`);
  } finally {
    await close();
  }
}
