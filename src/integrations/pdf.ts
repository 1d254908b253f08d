/** Prints every print page (a page whose head declares `<link rel="alternate" type="application/pdf">`) to that PDF
 * with the system Chromium, then fills in the PDF blocks of every page (src/lib/pdf-links.ts) with the real page
 * count and size. First of the build-done steps, so the search index, the service-worker stamp and precompression
 * all see the final pages.
 *
 * Chromium because it is the browser the print stylesheet is written and tested for, so the PDF is exactly what
 * "In ra giấy" prints: CSS paged media (@page sizes, named landscape pages, page counters), real embedded fonts
 * through fontconfig, and inline SVG QR codes kept as vector paths. It is driven through playwright-core (no browser
 * download); pdf-lib adds the metadata Chromium does not set (src/lib/pdf-metadata.ts).
 *
 * Pages are served to Chromium from the output folder through request interception, not a server: nothing listens
 * on a port and no request can leave the machine. Without Chromium the build warns once and succeeds, and every
 * page whose PDF could not be made keeps the text it has for "no PDF", so no page links a file that does not exist.
 *
 * A second build reprints only what changed. Each PDF is kept in the build's cache folder (Astro's `cacheDir`,
 * `loa-ban-pdf/v<CACHE_FORMAT>/`, one file per PDF named by SHA-256, written through a temporary name), keyed on the
 * page's HTML as Astro wrote it, its path, the Chromium version, the machine's fonts, the print settings and the code
 * and libraries that make the bytes (src/lib/pdf-cache.ts). An entry also lists every file of the output folder
 * Chromium was served for that page (CSS, images) with the hash of its bytes, and is reused only if each still has
 * those bytes. The creation date is a cached PDF's own (when it was printed), except under SOURCE_DATE_EPOCH, where
 * it is part of the key so the build stays reproducible. The Chromium version comes from `chromium --version` (a
 * 70 ms process that opens no browser): when every page hits, no browser is launched. Without Chromium, PDFs whose
 * page did not change since the last printing build are still served (they are what that Chromium printed from the
 * same inputs), and only the others go without. Entries this build did not use are dropped: the cache holds one
 * build. */
import type { BuildDone } from './build-done';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { mkdir, readdir, readFile, realpath, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism, homedir } from 'node:os';
import { dirname, join, normalize, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Browser, BrowserContext } from 'playwright-core';
import { builtFiles } from '../lib/built-files.ts';
import { chromePath, launch } from '../lib/chromium.ts';
import { formatBytes } from '../lib/format.ts';
import { fromRoot } from '../lib/paths.ts';
import { finishPdf, unexpectedFonts } from '../lib/pdf-metadata.ts';
import { fillPdfBlocks, hasPdfBlocks, printedAs, type PdfFacts } from '../lib/pdf-links.ts';
import {
  CACHE_FORMAT,
  changedFile,
  fontDirs,
  fontsStamp,
  packEntry,
  pdfKey,
  unpackEntry,
  type PdfKeyInputs,
  type Served,
} from '../lib/pdf-cache.ts';
import { buildTime } from '../lib/build-time.ts';
import { writeWhole } from '../lib/write-whole.ts';

/** Origin the pages are loaded from inside Chromium; every request to it is answered from the output folder. */
const ORIGIN = 'https://pdf.loa-ban.invalid';
/** HTML files read at once while looking for PDF blocks. */
const BATCH = 64;
/** Pages printed at once. */
const PARALLEL = Math.max(1, Math.min(3, availableParallelism()));
/** Cached PDFs checked and copied at once. */
const REUSED_IN_FLIGHT = 8;
/** HTML past which a page is printed alone: Chromium's renderer takes about a gigabyte to lay out a 10 MB booklet, and
 * two at once pushed a 20,000-Q&A build past 5 GB (npm run bench, stage peaks). */
const LARGE_PAGE = 1_000_000;
/** How every page is printed. Tagged, with an outline from the headings: screen readers and PDF viewers can follow
 * the Q&A. */
const PRINT_OPTIONS = { format: 'A4', preferCSSPageSize: true, tagged: true, outline: true } as const;
/** Scripts off: a PDF is the page as HTML and CSS make it. */
const CONTEXT_OPTIONS = { javaScriptEnabled: false } as const;
/** The code whose changes change a PDF's bytes (besides the libraries' versions): this file, Chromium's flags and
 * the metadata. */
const PRINTING_CODE = ['src/integrations/pdf.ts', 'src/lib/chromium.ts', 'src/lib/pdf-metadata.ts'];
/** In the cache folder: the Chromium version of the last build that had one, so a build without it can still tell
 * which entries that Chromium printed. */
const LAST_CHROMIUM = 'chromium-version';

/** A print page to make a PDF of. */
interface Job {
  /** Site path of the page. */
  path: string;
  /** Site path of its PDF. */
  pdf: string;
  /** Size of its HTML in bytes: large pages print alone. */
  bytes: number;
  /** Its cache entry's name; undefined when no Chromium version is known, so nothing can be reused. */
  key: string | undefined;
}

/** "in/x/index.html" → "/in/x/". */
function pagePath(root: string, file: string): string {
  const path = relative(root, file).split(sep).join('/');
  return `/${path.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** The file of the output folder a site path is answered with (a folder's index.html), undefined outside it. */
function servedFile(root: string, sitePath: string): string | undefined {
  const file = normalize(join(root, sitePath));
  if (file !== root && !file.startsWith(root + sep)) return undefined;
  return existsSync(file) && statSync(file).isDirectory() ? join(file, 'index.html') : file;
}

/** The SHA-256 of what a site path is answered with in this build's output, null for a 404; each file read once. */
function outputHashes(root: string): (sitePath: string) => Promise<string | null> {
  const known = new Map<string, Promise<string | null>>();
  return (sitePath) => {
    let hash = known.get(sitePath);
    if (!hash) {
      const file = servedFile(root, sitePath);
      hash = file
        ? readFile(file).then(
            (bytes) => createHash('sha256').update(bytes).digest('hex'),
            () => null,
          )
        : Promise.resolve(null);
      known.set(sitePath, hash);
    }
    return hash;
  };
}

/** The Chromium the build would launch, as it states its version; undefined without one. The version is asked of the
 * executable (`--version` prints it and exits, no browser is started), not of a launched browser, so a build whose
 * pages all hit the cache launches none. An executable that does not answer is known by its path, size and date. */
async function chromiumVersion(): Promise<string | undefined> {
  let executable: string;
  try {
    executable = chromePath();
  } catch {
    return undefined;
  }
  try {
    const { stdout } = await promisify(execFile)(executable, ['--version'], { timeout: 30_000 });
    if (stdout.trim()) return stdout.trim();
  } catch {
    // Known by its file below.
  }
  const real = await realpath(executable);
  const info = await stat(real);
  return `${real} ${info.size} ${info.mtimeMs}`;
}

/** Everything else that shapes a PDF's bytes, as one string for the key. */
async function printSettings(): Promise<string> {
  const require = createRequire(fromRoot('package.json'));
  const version = (name: string) => (require(`${name}/package.json`) as { version: string }).version;
  const code = createHash('sha256');
  for (const file of PRINTING_CODE) code.update(await readFile(fromRoot(file)));
  return JSON.stringify({
    print: PRINT_OPTIONS,
    context: CONTEXT_OPTIONS,
    viewport: 'default',
    playwright: version('playwright-core'),
    pdfLib: version('pdf-lib'),
    code: code.digest('hex'),
  });
}

/** The cache folder of this entry format. */
export const pdfCacheFolder = (cacheDir: string) => join(cacheDir, 'loa-ban-pdf', `v${CACHE_FORMAT}`);

/** Writes a PDF at its site path in the output folder. */
async function writePdf(root: string, job: Job, bytes: Uint8Array) {
  const file = normalize(join(root, job.pdf));
  if (!file.startsWith(root + sep) || !file.endsWith('.pdf')) {
    throw new Error(`${job.path}: đường dẫn PDF lạ "${job.pdf}".`);
  }
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, bytes);
}

/** The warning for a PDF set partly in fonts print.css does not name, printed now or reused. */
function warnFonts(logger: BuildDone['logger'], pdf: string, fonts: string[]) {
  const odd = unexpectedFonts(fonts);
  if (odd.length > 0) {
    logger.warn(
      `${pdf}: chữ được in bằng phông ${odd.join(', ')}, không phải phông của print.css: máy dựng thiếu ` +
        'phông có đủ chữ Việt (fonts-liberation2) hoặc chữ Khmer (fonts-noto-core). Cài các gói đó rồi dựng lại.',
    );
  }
}

/** Prints one page to A4 (or the page's own @page size), answering Chromium's requests from the output folder and
 * noting each file served with its hash, for the cache entry. */
async function printPage(
  context: BrowserContext,
  root: string,
  job: Job,
  hashes: (sitePath: string) => Promise<string | null>,
) {
  const page = await context.newPage();
  const served = new Map<string, string | null>();
  try {
    // Routed per page, so each page's files are known (routing also turns Chromium's cache off: every page asks).
    await page.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.origin !== ORIGIN) return route.abort('blockedbyclient');
      const sitePath = decodeURIComponent(url.pathname);
      const file = servedFile(root, sitePath);
      if (!file) return route.fulfill({ status: 403 });
      // The page itself is keyed by its HTML.
      if (sitePath !== job.path) served.set(sitePath, await hashes(sitePath));
      return existsSync(file) ? route.fulfill({ path: file }) : route.fulfill({ status: 404 });
    });
    const response = await page.goto(ORIGIN + job.path, { waitUntil: 'load' });
    if (!response?.ok()) throw new Error(`${job.path}: Chromium nhận mã ${response?.status()} khi mở trang để in PDF.`);
    const meta = async (selector: string) => {
      const found = page.locator(selector);
      return (await found.count()) > 0 ? ((await found.first().getAttribute('content')) ?? undefined) : undefined;
    };
    const printed = await page.pdf(PRINT_OPTIONS);
    const siteName = (await meta('meta[property="og:site_name"]')) ?? '';
    // Every input here comes from the page's HTML, which the key holds.
    const finished = await finishPdf(printed, {
      title: await page.title(),
      language: (await page.locator('html').getAttribute('lang')) ?? 'vi',
      // Base.astro writes the issuer (or the site name) as the print pages' author.
      author: (await meta('meta[name="author"]')) ?? siteName,
      subject: await meta('meta[name="description"]'),
      creator: siteName,
      created: buildTime(),
    });
    const files: Served[] = [...served]
      .map(([path, sha256]) => ({ path, sha256 }))
      .sort((a, b) => (a.path < b.path ? -1 : 1));
    return { ...finished, served: files };
  } finally {
    await page.close();
  }
}

/** Prints every job, small pages a few at once (Chromium lays out one page while it writes another's PDF), large ones
 * alone, writing each PDF and its cache entry, and returns what each page may state about its PDF; nothing when
 * Chromium cannot start. */
async function printAll(
  root: string,
  jobs: Job[],
  cache: { folder: string; used: Set<string> },
  hashes: (sitePath: string) => Promise<string | null>,
  logger: BuildDone['logger'],
) {
  const made = new Map<string, PdfFacts>();
  let browser: Browser;
  try {
    browser = await launch();
  } catch (error) {
    logger.warn(
      `Không in được tệp PDF cho ${jobs.length} tài liệu in: ${(error as Error).message.split('\n')[0]} ` +
        'Trang web vẫn dựng xong, chỉ không có nút tải PDF cho những tài liệu đó. ' +
        'Cài Chromium (apt-get install -y chromium) rồi dựng lại.',
    );
    return made;
  }
  try {
    const context = await browser.newContext(CONTEXT_OPTIONS);
    const print = async (job: Job) => {
      const { bytes, pages, fonts, served } = await printPage(context, root, job, hashes);
      await writePdf(root, job, bytes);
      made.set(job.pdf, { pages, size: formatBytes(bytes.length) });
      if (job.key) {
        await writeWhole(join(cache.folder, job.key), packEntry({ pdf: bytes, pages, fonts, served }));
        cache.used.add(job.key);
      }
      warnFonts(logger, job.pdf, fonts);
    };
    // Small pages a few at once, then large ones one by one.
    const small = jobs.filter((job) => job.bytes <= LARGE_PAGE);
    let next = 0;
    const worker = async () => {
      for (let job = small[next++]; job; job = small[next++]) await print(job);
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL, small.length) }, worker));
    for (const job of jobs.filter((j) => j.bytes > LARGE_PAGE)) await print(job);
  } finally {
    await browser.close();
  }
  return made;
}

/** The jobs whose cached PDF is still what Chromium would print, copied into the output folder; returns the facts of
 * those and the jobs left to print. */
async function reuseCached(
  root: string,
  jobs: Job[],
  cache: { folder: string; used: Set<string> },
  hashes: (sitePath: string) => Promise<string | null>,
  logger: BuildDone['logger'],
) {
  const names = new Set(await readdir(cache.folder));
  const made = new Map<string, PdfFacts>();
  const left: Job[] = [];
  const one = async (job: Job) => {
    const entry = job.key && names.has(job.key) ? unpackEntry(await readFile(join(cache.folder, job.key))) : undefined;
    if (!entry || (await changedFile(entry.served, hashes)) !== undefined) {
      left.push(job);
      return;
    }
    await writePdf(root, job, entry.pdf);
    made.set(job.pdf, { pages: entry.pages, size: formatBytes(entry.pdf.length) });
    cache.used.add(job.key!);
    warnFonts(logger, job.pdf, entry.fonts);
  };
  let next = 0;
  const worker = async () => {
    for (let job = jobs[next++]; job; job = jobs[next++]) await one(job);
  };
  await Promise.all(Array.from({ length: REUSED_IN_FLIGHT }, worker));
  // In the pages' order, so the printing order does not depend on which entries were read first.
  const order = new Map(jobs.map((job, i) => [job, i]));
  left.sort((a, b) => order.get(a)! - order.get(b)!);
  return { made, left };
}

/** Keeps this build's entries only: other entry formats and entries no page used go. */
async function prune(cache: { folder: string; used: Set<string> }) {
  const parent = dirname(cache.folder);
  for (const folder of await readdir(parent)) {
    if (join(parent, folder) !== cache.folder) await rm(join(parent, folder), { recursive: true, force: true });
  }
  const stale = (await readdir(cache.folder)).filter((name) => name !== LAST_CHROMIUM && !cache.used.has(name));
  await Promise.all(stale.map((name) => rm(join(cache.folder, name), { force: true })));
}

/** The step (build-done.ts runs it in a process of its own). */
export async function printPdfs({ dir, logger, cacheDir }: BuildDone): Promise<void> {
  const started = performance.now();
  const root = fileURLToPath(dir).replace(/[\\/]$/, '');
  const files = await builtFiles(root, /\.html$/);
  const cache = { folder: pdfCacheFolder(cacheDir), used: new Set<string>() };
  await mkdir(cache.folder, { recursive: true });
  const lastChromium = join(cache.folder, LAST_CHROMIUM);
  const current = await chromiumVersion();
  // Without Chromium, the entries the last one printed can still be served.
  const chromium = current ?? (await readFile(lastChromium, 'utf8').catch(() => undefined));
  if (current) await writeWhole(lastChromium, Buffer.from(current));
  const common: Omit<PdfKeyInputs, 'path' | 'html'> | undefined = chromium
    ? {
        chromium,
        fonts: await fontsStamp(fontDirs(homedir(), process.env['XDG_DATA_HOME'], process.env['XDG_CONFIG_HOME'])),
        settings: await printSettings(),
        // A fixed date is part of what the PDF must be; a build's own "now" is not (a cached PDF keeps its date).
        created: process.env['SOURCE_DATE_EPOCH'] ? buildTime() : undefined,
      }
    : undefined;
  // Pages are read here and again when their blocks are filled, never all held at once: the pages with PDF blocks
  // are about 70 MB of HTML at 20,000 Q&A, and the step runs beside Chromium.
  const withBlocks: string[] = [];
  const jobs: Job[] = [];
  for (let i = 0; i < files.length; i += BATCH) {
    const batch = files.slice(i, i + BATCH);
    const htmls = await Promise.all(batch.map((file) => readFile(file, 'utf8')));
    htmls.forEach((html, j) => {
      if (!hasPdfBlocks(html)) return;
      withBlocks.push(batch[j]!);
      const pdf = printedAs(html);
      if (!pdf) return;
      const path = pagePath(root, batch[j]!);
      jobs.push({ path, pdf, bytes: Buffer.byteLength(html), key: common && pdfKey({ ...common, path, html }) });
    });
  }

  const hashes = outputHashes(root);
  const reused = await reuseCached(root, jobs, cache, hashes, logger);
  const printed =
    reused.left.length > 0 ? await printAll(root, reused.left, cache, hashes, logger) : new Map<string, PdfFacts>();
  await prune(cache);
  const made = new Map([...reused.made, ...printed]);
  for (let i = 0; i < withBlocks.length; i += BATCH) {
    await Promise.all(
      withBlocks.slice(i, i + BATCH).map(async (file) => {
        const html = await readFile(file, 'utf8');
        await writeFile(
          file,
          fillPdfBlocks(html, (href) => made.get(href)),
        );
      }),
    );
  }
  if (made.size > 0) {
    // Timed from the step's start to its end, so `npm run bench` can report the whole step apart.
    const sheets = (facts: Map<string, PdfFacts>) => [...facts.values()].reduce((sum, pdf) => sum + pdf.pages, 0);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    logger.info(
      `Đã in ${printed.size} tệp PDF (${sheets(printed)} trang A4), lấy lại ${reused.made.size} tệp PDF có trang ` +
        `không đổi từ bộ nhớ đệm (${sheets(reused.made)} trang A4), trong ${seconds} giây.`,
    );
  }
}
