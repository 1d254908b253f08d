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
 * page keeps the text it has for "no PDF", so no page links a file that does not exist. */
import type { BuildDone } from './build-done';
import { existsSync, statSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join, normalize, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext } from 'playwright-core';
import { builtFiles } from '../lib/built-files';
import { launch } from '../lib/chromium';
import { formatBytes } from '../lib/format';
import { finishPdf, unexpectedFonts } from '../lib/pdf-metadata';
import { fillPdfBlocks, hasPdfBlocks, printedAs, type PdfFacts } from '../lib/pdf-links';
import { buildTime } from '../lib/build-time';

/** Origin the pages are loaded from inside Chromium; every request to it is answered from the output folder. */
const ORIGIN = 'https://pdf.loa-ban.invalid';
/** HTML files read at once while looking for PDF blocks. */
const BATCH = 64;
/** Pages printed at once. */
const PARALLEL = Math.max(1, Math.min(3, availableParallelism()));
/** HTML past which a page is printed alone: Chromium's renderer takes about a gigabyte to lay out a 10 MB booklet, and
 * two at once pushed a 20,000-Q&A build past 5 GB (npm run bench, stage peaks). */
const LARGE_PAGE = 1_000_000;

/** "in/x/index.html" → "/in/x/". */
function pagePath(root: string, file: string): string {
  const path = relative(root, file).split(sep).join('/');
  return `/${path.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** A context that loads the output folder as a site, with scripts off: a PDF is the page as HTML and CSS make it. */
async function siteContext(browser: Browser, root: string): Promise<BrowserContext> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== ORIGIN) return route.abort('blockedbyclient');
    let file = normalize(join(root, decodeURIComponent(url.pathname)));
    if (!file.startsWith(root)) return route.fulfill({ status: 403 });
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    return existsSync(file) ? route.fulfill({ path: file }) : route.fulfill({ status: 404 });
  });
  return context;
}

/** Prints one page to A4 (or the page's own @page size) and writes the finished PDF at `pdf`. */
async function printPage(context: BrowserContext, root: string, path: string, pdf: string) {
  const page = await context.newPage();
  try {
    const response = await page.goto(ORIGIN + path, { waitUntil: 'load' });
    if (!response?.ok()) throw new Error(`${path}: Chromium nhận mã ${response?.status()} khi mở trang để in PDF.`);
    const meta = async (selector: string) => {
      const found = page.locator(selector);
      return (await found.count()) > 0 ? ((await found.first().getAttribute('content')) ?? undefined) : undefined;
    };
    // Tagged, with an outline from the headings: screen readers and PDF viewers can follow the Q&A.
    const printed = await page.pdf({ format: 'A4', preferCSSPageSize: true, tagged: true, outline: true });
    const siteName = (await meta('meta[property="og:site_name"]')) ?? '';
    const finished = await finishPdf(printed, {
      title: await page.title(),
      language: (await page.locator('html').getAttribute('lang')) ?? 'vi',
      // Base.astro writes the issuer (or the site name) as the print pages' author.
      author: (await meta('meta[name="author"]')) ?? siteName,
      subject: await meta('meta[name="description"]'),
      creator: siteName,
      created: buildTime(),
    });
    const file = normalize(join(root, pdf));
    if (!file.startsWith(root) || !file.endsWith('.pdf')) throw new Error(`${path}: đường dẫn PDF lạ "${pdf}".`);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, finished.bytes);
    return finished;
  } finally {
    await page.close();
  }
}

/** Prints every job, small pages a few at once (Chromium lays out one page while it writes another's PDF), large ones
 * alone, and returns what each page may state about its PDF; nothing when Chromium cannot start. */
async function printAll(
  root: string,
  jobs: { path: string; pdf: string; bytes: number }[],
  logger: BuildDone['logger'],
) {
  const made = new Map<string, PdfFacts>();
  let browser: Browser;
  try {
    browser = await launch();
  } catch (error) {
    logger.warn(
      `Không in được tệp PDF cho tài liệu in: ${(error as Error).message.split('\n')[0]} ` +
        'Trang web vẫn dựng xong, chỉ không có nút tải PDF. Cài Chromium (apt-get install -y chromium) rồi dựng lại.',
    );
    return made;
  }
  try {
    const context = await siteContext(browser, root);
    const print = async (job: { path: string; pdf: string }) => {
      const { bytes, pages, fonts } = await printPage(context, root, job.path, job.pdf);
      made.set(job.pdf, { pages, size: formatBytes(bytes.length) });
      const odd = unexpectedFonts(fonts);
      if (odd.length > 0) {
        logger.warn(
          `${job.pdf}: chữ được in bằng phông ${odd.join(', ')}, không phải phông của print.css: máy dựng thiếu ` +
            'phông có đủ chữ Việt (fonts-liberation2) hoặc chữ Khmer (fonts-noto-core). Cài các gói đó rồi dựng lại.',
        );
      }
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

export async function printPdfs({ dir, logger }: BuildDone): Promise<void> {
  const started = performance.now();
  const root = fileURLToPath(dir);
  const files = await builtFiles(root, /\.html$/);
  const pages: { file: string; html: string }[] = [];
  for (let i = 0; i < files.length; i += BATCH) {
    const batch = files.slice(i, i + BATCH);
    const htmls = await Promise.all(batch.map((file) => readFile(file, 'utf8')));
    htmls.forEach((html, j) => hasPdfBlocks(html) && pages.push({ file: batch[j]!, html }));
  }
  const jobs = pages.flatMap(({ file, html }) => {
    const pdf = printedAs(html);
    return pdf ? [{ path: pagePath(root, file), pdf, bytes: Buffer.byteLength(html) }] : [];
  });
  const made = jobs.length > 0 ? await printAll(root, jobs, logger) : new Map<string, PdfFacts>();
  await Promise.all(
    pages.map(({ file, html }) =>
      writeFile(
        file,
        fillPdfBlocks(html, (href) => made.get(href)),
      ),
    ),
  );
  if (made.size > 0) {
    // Timed from the step's start to its end, so `npm run bench` can report the whole step apart.
    const sheets = [...made.values()].reduce((sum, pdf) => sum + pdf.pages, 0);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    logger.info(`Đã in ${made.size} tệp PDF (${sheets} trang A4) trong ${seconds} giây.`);
  }
}
