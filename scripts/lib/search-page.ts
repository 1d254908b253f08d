/** Shared steps of the search tests: open /tim-kiem/ in Chromium, wait for the search to settle, read the results,
 * and weigh what was downloaded for it. */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Page, Response } from 'playwright-core';

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

/** Records every response under `prefix` (e.g. "/pagefind/") until `stop()` is called. */
export function recordTransfers(page: Page, prefix: string) {
  const pending: Promise<Transfer['requests'][number] | undefined>[] = [];
  const onResponse = (response: Response) => {
    const path = new URL(response.url()).pathname;
    if (!path.startsWith(prefix)) return;
    pending.push(
      response.body().then(
        (body) => ({ path, raw: body.length, compressed: compressedSize(body) }),
        () => undefined,
      ),
    );
  };
  page.on('response', onResponse);
  return async (): Promise<Transfer> => {
    page.off('response', onResponse);
    const requests = (await Promise.all(pending)).filter((r) => r !== undefined);
    return { requests, compressed: requests.reduce((sum, r) => sum + r.compressed, 0) };
  };
}
