/** Builds the search index after every build (a build-done step: src/integrations/build-done.ts).
 * Pagefind's Node API indexes the `data-pagefind-body` of entry pages, after our rewrite of their text: folded twins
 * for "đ" words and Khmer segmented into exact tokens (src/lib/search). Only the index and Pagefind's JS API are
 * kept; our own UI (src/pages/tim-kiem/) replaces Pagefind's UI bundles, which are deleted so none can be linked. */
import type { BuildDone } from './build-done';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { transform } from 'esbuild';
import { close, createIndex } from 'pagefind';
import { builtFiles } from '../lib/built-files.ts';
import { brotliQuality, precompress } from '../lib/precompress.ts';
import { rewriteText, withoutStyles } from '../lib/search/html.ts';
import { indexText } from '../lib/search/query.ts';

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
/** Files every first search downloads whatever the query, which Pagefind writes gzipped (level 6 or so): its
 * WebAssembly (55 KB gzip, 47 KB brotli) and the metadata (on a 5,000-page site 35 KB gzip, 23 KB brotli: a hash and
 * a word count per page). Stored plain, with .br and .gz copies beside them like every text file. */
const UNWRAP = /^(?:wasm\.[a-z-]+\.pagefind|pagefind\.[a-z-]+_[0-9a-f]+\.pf_meta)$/;
/** Folders of the chunks a query loads one per word (and per filter), unwrapped the same way: brotli sends them 18 %
 * lighter (5,000 pages: 189 KB of chunks in gzip, 155 KB in brotli). Fragments (one per result shown, 0.5–2 KB each,
 * and one file per page) stay as Pagefind writes them. */
const UNWRAP_DIRS = ['index', 'filter'];
/** Pagefind's loader, minified again (47 KB → 32 KB, 12.1 KB → 10.3 KB brotli). */
const LOADER = 'pagefind.js';

/** The signature Pagefind puts at the start of every file once decompressed. */
export const DECOMPRESSED = 'pagefind_dcd';
const isGzip = (data: Buffer) => data[0] === 0x1f && data[1] === 0x8b;

/** Does Pagefind's loader, as Pagefind wrote it, read a metadata file and a WebAssembly module that are already
 * decompressed? Its decompress() returns a file that starts with the signature as is (that is also how it reads a
 * file a server decompressed), and both loads go through it. An internal of Pagefind 1.x: the build refuses to
 * unwrap the files when an upgrade changes it, rather than ship a search that cannot start. */
export function loaderTakesDecompressed(loader: string): boolean {
  return (
    /decompress\(data[^)]*\)\{if\(this\.decoder\.decode\(data\.slice\(0,12\)\)==="pagefind_dcd"\)\{return data\.slice\(12\);\}/.test(
      loader,
    ) &&
    /this\.searchMeta=this\.decompress\(new Uint8Array\(\w+\),"Pagefind metadata"\)/.test(loader) &&
    /const final_wasm=this\.decompress\(new Uint8Array\(\w+\),"Pagefind WebAssembly"\)/.test(loader)
  );
}

/** "hoi-dap/x/index.html" → "/hoi-dap/x/" (the site uses directory URLs with a trailing slash). */
function pageUrl(root: string, file: string): string {
  const path = relative(root, file).split(sep).join('/');
  return `/${path.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** A Pagefind file as stored, uncompressed. */
async function opened(file: string): Promise<Buffer> {
  const stored = await readFile(file);
  const raw = isGzip(stored) ? gunzipSync(stored) : stored;
  if (raw.subarray(0, DECOMPRESSED.length).toString('latin1') !== DECOMPRESSED) {
    throw new Error(`Pagefind: ${file}: không nhận ra định dạng tệp (thiếu chữ ký "${DECOMPRESSED}").`);
  }
  return raw;
}

/** Stores Pagefind files uncompressed, with .br and .gz copies beside each, brotli at the quality the site's own
 * precompression would use for that much text (src/lib/precompress.ts). */
async function unwrap(files: string[]): Promise<void> {
  const raws: Buffer[] = [];
  for (let i = 0; i < files.length; i += BATCH) {
    raws.push(...(await Promise.all(files.slice(i, i + BATCH).map(opened))));
  }
  const quality = brotliQuality(raws.reduce((sum, r) => sum + r.length, 0));
  for (let i = 0; i < files.length; i += BATCH) {
    await Promise.all(
      files.slice(i, i + BATCH).map(async (file, j) => {
        const raw = raws[i + j]!;
        const { br, gz } = await precompress(raw, quality);
        await Promise.all([writeFile(file, raw), writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
      }),
    );
  }
}

/** Unwraps the files every search loads and minifies the loader, after checking the loader still reads them. */
async function slimFirstSearch(out: string): Promise<void> {
  const loader = await readFile(join(out, LOADER), 'utf8');
  if (!loaderTakesDecompressed(loader)) {
    throw new Error(
      `Pagefind ${/pagefind_version="([^"]+)"/.exec(loader)?.[1] ?? '?'}: ${LOADER} không còn đọc được tệp đã giải nén; ` +
        'xem lại bước giải nén trong src/integrations/pagefind.ts.',
    );
  }
  await unwrap((await readdir(out)).filter((name) => UNWRAP.test(name)).map((name) => join(out, name)));
  for (const dir of UNWRAP_DIRS) {
    if (!existsSync(join(out, dir))) continue;
    // Our own .br/.gz copies are skipped: a build into a folder that was not emptied finds the last build's beside them.
    const names = (await readdir(join(out, dir))).filter((name) => !/\.(?:br|gz)$/.test(name));
    await unwrap(names.map((name) => join(out, dir, name)));
  }
  const { code } = await transform(loader, { minify: true, format: 'esm', target: 'es2022' });
  await writeFile(join(out, LOADER), code);
}

/** The step (build-done.ts runs it in a process of its own). */
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
    // Pages go to Pagefind's indexer (a process of its own, on one core) in file order, as each batch is read: the
    // service indexes in arrival order, so the same site gives the same index. The next batch is read and rewritten
    // while the indexer works on the last; waiting for each batch before reading the next left it idle 15 % of the
    // time (20,000 Q&A). Two batches in flight keep memory flat.
    const inFlight: Promise<number>[] = [];
    let pages = 0;
    for (let i = 0; i < files.length; i += BATCH) {
      const batch = files.slice(i, i + BATCH);
      const htmls = await Promise.all(batch.map((file) => readFile(file, 'utf8')));
      const added = batch.flatMap((file, j) => {
        if (!htmls[j]!.includes('data-pagefind-body')) return [];
        const content = rewriteText(withoutStyles(htmls[j]!), indexText);
        return [
          index.addHTMLFile({ url: pageUrl(root, file), content }).then(({ errors }) => {
            if (errors.length > 0) throw new Error(`Pagefind: ${relative(root, file)}: ${errors.join('; ')}`);
          }),
        ];
      });
      const done = Promise.all(added).then(() => added.length);
      // Awaited below; until then a failure must not count as unhandled and end the process without its message.
      done.catch(() => undefined);
      inFlight.push(done);
      if (inFlight.length > 1) pages += await inFlight.shift()!;
    }
    for (const batch of inFlight) pages += await batch;
    // The indexer peaks while it writes (20,000 Q&A: 1.4–1.6 GB) and this process only waits: the garbage of handing
    // the pages over (50–110 MB) is collected first rather than kept beside it. gc() is there when the step runs in
    // its own process (in-child.ts starts it with --expose-gc).
    (globalThis as { gc?: () => void }).gc?.();
    const written = await index.writeFiles({ outputPath: join(root, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
    for (const name of await readdir(join(root, 'pagefind'))) {
      if (UNUSED.test(name)) await rm(join(root, 'pagefind', name), { force: true });
    }
    await slimFirstSearch(join(root, 'pagefind'));
    if (pages === 0) logger.warn('Không có trang nào có data-pagefind-body: ô tìm kiếm sẽ không tìm thấy gì.');
    else logger.info(`Đã lập chỉ mục tìm kiếm cho ${pages} trang.`);
  } finally {
    await close();
  }
}
