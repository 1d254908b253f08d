/** Builds the search index at the end of every `astro build` (never a postbuild script: a plain build ships search).
 * Pagefind's Node API indexes the `data-pagefind-body` of entry pages, after our rewrite of their text: folded twins
 * for "đ" words and Khmer segmented into exact tokens (src/lib/search). Only the index and Pagefind's JS API are
 * kept; our own UI (src/pages/tim-kiem/) replaces Pagefind's UI bundles, which are deleted so none can be linked. */
import type { BuildDone } from './build-done';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { close, createIndex } from 'pagefind';
import { builtFiles } from '../lib/built-files';
import { precompress } from '../lib/precompress';
import { rewriteText } from '../lib/search/html';
import { indexText } from '../lib/search/query';

/** Pagefind output we do not serve: its ready-made UIs. */
const UNUSED = /^pagefind-(?:ui|component-ui|modular-ui|highlight)\b/;
/** Pages handed to Pagefind at once: keeps memory flat on a 5,000-page site. */
const BATCH = 64;
/** Word locations per index chunk (Pagefind's default is 20,000, about 22 KB compressed here). A query loads the
 * chunk of each of its words, and the words of a resident's query are scattered over the alphabet, so a six-word
 * query loads about six chunks whatever their size: small chunks make it cheap. Measured on the real site, six words
 * ("dieu tra dan toc thieu so 2024"): 4,000 locations load 5 chunks, 25 KB; 1,000 load 7 chunks, 10.4 KB, for a
 * metadata file 0.3 KB larger. Read by the Pagefind binary when the service starts; an unstable setting, so
 * src/integrations/pagefind.test.ts fails if Pagefind stops honouring it. */
export const CHUNK_LOCATIONS = '1000';
/** Pagefind's WebAssembly as Pagefind writes it: gzip inside (55 KB for the 127 KB module). */
const WASM = /^wasm\.[a-z-]+\.pagefind$/;

/** The signature Pagefind puts at the start of every file once decompressed. */
export const DECOMPRESSED = 'pagefind_dcd';
const isGzip = (data: Buffer) => data[0] === 0x1f && data[1] === 0x8b;

/** "hoi-dap/x/index.html" → "/hoi-dap/x/" (the site uses directory URLs with a trailing slash). */
function pageUrl(root: string, file: string): string {
  const path = relative(root, file).split(sep).join('/');
  return `/${path.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** Stores the WebAssembly module uncompressed, with .br and .gz copies beside it like every text file: brotli sends
 * 47 KB where Pagefind's own gzip sends 55 KB, the largest part of a first search. Pagefind's loader takes either
 * form (a file that already starts with its "pagefind_dcd" signature is used as is, which is also how it reads a
 * file a server decompressed); src/integrations/pagefind.test.ts pins that. */
async function unwrapWasm(file: string): Promise<void> {
  const stored = await readFile(file);
  const raw = isGzip(stored) ? gunzipSync(stored) : stored;
  if (raw.subarray(0, DECOMPRESSED.length).toString('latin1') !== DECOMPRESSED) {
    throw new Error(`Pagefind: ${file}: không nhận ra định dạng tệp WebAssembly (thiếu chữ ký "${DECOMPRESSED}").`);
  }
  const { br, gz } = await precompress(raw);
  await Promise.all([writeFile(file, raw), writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
}

export async function searchIndex({ dir, logger }: BuildDone): Promise<void> {
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
            content: rewriteText(htmls[j]!, indexText),
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
      if (WASM.test(name)) await unwrapWasm(join(root, 'pagefind', name));
    }
    if (pages === 0) logger.warn('Không có trang nào có data-pagefind-body: ô tìm kiếm sẽ không tìm thấy gì.');
    else logger.info(`Đã lập chỉ mục tìm kiếm cho ${pages} trang.`);
  } finally {
    await close();
  }
}
