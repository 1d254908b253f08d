/** Shared steps of the search tests: open /tim-kiem/ in Chromium, wait for the search to settle, read the results,
 * and weigh what was downloaded for it. */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';

export interface ShownResult {
  href: string;
  title: string;
  /** "Hỏi đáp · Tiếng Việt · dài 2:31" */
  about: string;
  excerpt: string;
  /** Links inside the result: must be exactly one. */
  links: number;
}

/** Waits until the search page has finished (results, none, offline or empty). */
export async function settled(page: Page): Promise<string> {
  await page.waitForFunction(
    () => {
      const state = document.getElementById('search-results')?.dataset['state'];
      return state !== undefined && state !== 'loading';
    },
    null,
    { timeout: 30_000 },
  );
  return (await page.getAttribute('#search-results', 'data-state')) ?? '';
}

/** Opens a shareable search URL and waits for its results. */
export async function openSearch(page: Page, base: string, params: Record<string, string>): Promise<string> {
  await page.goto(`${base}/tim-kiem/?${new URLSearchParams(params)}`);
  return settled(page);
}

export function shown(page: Page): Promise<ShownResult[]> {
  return page.$$eval('#search-results li', (items) =>
    items.map((li) => ({
      href: li.querySelector('a')?.getAttribute('href') ?? '',
      title: li.querySelector('a')?.textContent ?? '',
      about: li.querySelector('.meta')?.textContent ?? '',
      excerpt: li.querySelector('p:last-child')?.textContent ?? '',
      links: li.querySelectorAll('a').length,
    })),
  );
}

/** Size of a response as a compressing server would send it: the smaller of brotli (the site precompresses .br)
 * and gzip, and never more than the raw bytes (Pagefind's index files are gzip already). */
export function compressedSize(body: Buffer): number {
  const br = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  return Math.min(body.length, br, gzipSync(body, { level: 9 }).length);
}

export interface Transfer {
  requests: { path: string; raw: number; compressed: number }[];
  compressed: number;
}

/** Records every request under `prefix` (e.g. "/pagefind/"; "/" for everything), in the order the browser makes
 * them, until `stop()` is called; `stop(n)` weighs only the first n. Given a browser context rather than a page, it
 * also sees what the context's service worker fetches. */
export function recordTransfers(target: Page | BrowserContext, prefix = '/') {
  const made: Request[] = [];
  const onRequest = (request: Request) => {
    const url = new URL(request.url());
    if (url.protocol !== 'data:' && url.pathname.startsWith(prefix)) made.push(request);
  };
  // Page and BrowserContext share this event's signature; TypeScript cannot call a method on the union.
  const emitter = target as Page;
  emitter.on('request', onRequest);
  const stop = async (limit = Infinity): Promise<Transfer> => {
    emitter.off('request', onRequest);
    const weighed = await Promise.all(
      made.slice(0, limit).map(async (request) => {
        const body = await (await request.response())?.body().catch(() => undefined);
        const path = new URL(request.url()).pathname;
        return body && { path, raw: body.length, compressed: compressedSize(body) };
      }),
    );
    const requests = weighed.filter((r) => r !== undefined);
    return { requests, compressed: requests.reduce((sum, r) => sum + r.compressed, 0) };
  };
  return Object.assign(stop, { made: () => made.length });
}

/** A resident's first searches, one to seven words, each with results on the real site and on the synthetic sites
 * (their Q&A are made of the real answers' sentences). The last is issue 15's "six-word" query (six words and a
 * year). */
export const FIRST_SEARCH_QUERIES = [
  'dan',
  'dan toc',
  'duong day nong',
  'dieu tra dan toc',
  'ho tro dan toc thieu so',
  'dieu tra dan toc thieu so 2024',
] as const;

/** A 360×740 phone screen, the smallest the site is designed for. */
export const PHONE = { width: 360, height: 740 } as const;

/** Everything a browser with nothing cached downloads from opening `/tim-kiem/?q=<query>` to the results on screen:
 * the page, its stylesheets and scripts, Pagefind's loader, WebAssembly, metadata, index chunks and fragments, and
 * whatever the service worker fetches meanwhile. The count stops at the moment #search-results shows its outcome
 * (seen from inside the page, so what the page starts afterwards, such as installing the service worker, is not
 * counted by chance of timing). The context is left open for a second search. */
export async function firstSearch(
  browser: Browser,
  base: string,
  query: string,
  options: { params?: Record<string, string>; setup?: (page: Page) => Promise<void> } = {},
): Promise<Transfer & { state: string; page: Page; context: BrowserContext }> {
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  await options.setup?.(page);
  const stop = recordTransfers(context);
  let shownAt: number | undefined;
  // Called by the page the moment the results' state is set: the requests made before it are the ones counted.
  await page.exposeFunction('__loaBanResultsShown', () => (shownAt ??= stop.made()));
  await page.addInitScript(() => {
    const watch = new MutationObserver(() => {
      const state = document.getElementById('search-results')?.dataset['state'];
      if (state && state !== 'loading') {
        watch.disconnect();
        void (window as unknown as { __loaBanResultsShown: () => Promise<number> }).__loaBanResultsShown();
      }
    });
    watch.observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
  });
  await page.goto(`${base}/tim-kiem/?${new URLSearchParams({ q: query, ...options.params })}`);
  const state = await settled(page);
  return { ...(await stop(shownAt)), state, page, context };
}

/** Types a second query into the open search page and weighs what it downloads until its results are shown. */
export async function nextSearch(page: Page, query: string): Promise<Transfer & { state: string }> {
  const stop = recordTransfers(page.context());
  await page.fill('#q', query);
  await page.press('#q', 'Enter');
  await page.waitForURL((url) => url.searchParams.get('q') === query);
  const state = await settled(page);
  return { ...(await stop()), state };
}

/** One line per request, for a test's or a benchmark's log. */
export const describeTransfer = (t: Transfer) =>
  t.requests.map((r) => `  ${r.path} ${r.compressed} B (${r.raw} B raw)`).join('\n');
