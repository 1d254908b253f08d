/** The byte budget of search on the real site: the first search transfers at most 90 KB compressed (Pagefind's
 * loader, worker if any, WebAssembly, metadata, index chunks, filter chunks and fragments), later ones much less.
 * The test server does not compress, so each file actually requested is weighed as a compressing server sends it. */
import { expect, it } from 'vitest';
import { siteInBrowser } from './helpers/browser';
import { recordTransfers, settled } from '../../scripts/lib/search-page';

const FIRST_BUDGET = 90_000;

const site = siteInBrowser();

async function searchFor(page: import('playwright-core').Page, query: string) {
  await page.fill('#q', query);
  await page.press('#q', 'Enter');
  await page.waitForURL((url) => url.searchParams.get('q') === query);
  expect(await settled(page)).toBe('results');
}

it('first search within 90 KB compressed, the next one much less', async () => {
  const context = await site.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(`${site.server.url}/tim-kiem/`);

  const firstStop = recordTransfers(page, '/pagefind/');
  await searchFor(page, 'duong day nong');
  const first = await firstStop();

  const secondStop = recordTransfers(page, '/pagefind/');
  await searchFor(page, 'dieu tra dan toc');
  const second = await secondStop();

  const show = (t: typeof first) => t.requests.map((r) => `${r.path} ${r.compressed}`).join('\n');
  console.log(`first search: ${first.requests.length} requests, ${first.compressed} B\n${show(first)}`);
  console.log(`second search: ${second.requests.length} requests, ${second.compressed} B\n${show(second)}`);

  const paths = first.requests.map((r) => r.path);
  // What was weighed really is the whole search: loader, WebAssembly, metadata, index and fragments.
  expect(paths).toContain('/pagefind/pagefind.js');
  expect(paths.some((p) => p.startsWith('/pagefind/wasm.'))).toBe(true);
  expect(paths.some((p) => p.startsWith('/pagefind/index/'))).toBe(true);
  expect(paths.some((p) => p.startsWith('/pagefind/fragment/'))).toBe(true);
  expect(first.compressed).toBeLessThanOrEqual(FIRST_BUDGET);
  // Nothing loaded twice, and the second search only fetches new chunks and fragments.
  expect(second.requests.map((r) => r.path).filter((p) => paths.includes(p) && !p.includes('/fragment/'))).toEqual([]);
  expect(second.compressed).toBeLessThan(first.compressed / 3);
  await context.close();
});

it('a search with a filter stays within budget too', async () => {
  const context = await site.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const stop = recordTransfers(page, '/pagefind/');
  await page.goto(`${site.server.url}/tim-kiem/?q=dan+toc&loai=h%E1%BB%8Fi+%C4%91%C3%A1p`);
  expect(await settled(page)).toBe('results');
  const transfer = await stop();
  console.log(`filtered first search: ${transfer.requests.length} requests, ${transfer.compressed} B`);
  expect(transfer.requests.some((r) => r.path.startsWith('/pagefind/filter/'))).toBe(true);
  expect(transfer.compressed).toBeLessThanOrEqual(FIRST_BUDGET);
  await context.close();
});
