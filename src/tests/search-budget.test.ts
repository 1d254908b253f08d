/** The byte budget of search on the real site, counted as a resident pays it: everything the browser downloads from
 * opening `/tim-kiem/?q=…` with nothing cached to the results on screen (the page, its stylesheets and scripts,
 * Pagefind's loader, WebAssembly, metadata, index chunks and fragments, and whatever the service worker fetches
 * meanwhile), for queries of one to seven words. The first search costs at most 90 KB, a second one under 20 KB.
 * The test server does not compress, so each file actually requested is weighed as a compressing server sends it. */
import { afterAll, describe, expect, it } from 'vitest';
import { siteInBrowser } from './helpers/browser';
import { describeTransfer, FIRST_SEARCH_QUERIES, firstSearch, nextSearch } from '../../scripts/lib/search-page';

const FIRST_BUDGET = 90_000;
const SECOND_BUDGET = 20_000;

const site = siteInBrowser();
const firsts: { query: string; bytes: number; requests: number }[] = [];
afterAll(() => {
  console.log(
    `first search, page included:\n${firsts.map((f) => `  ${f.query}: ${f.requests} requests, ${f.bytes} B`).join('\n')}`,
  );
});

describe('first search, from opening the page to results on screen', () => {
  for (const query of FIRST_SEARCH_QUERIES) {
    it(`"${query}" within 90 KB compressed`, async () => {
      const first = await firstSearch(site.browser, site.server.url, query);
      await first.context.close();
      firsts.push({ query, bytes: first.compressed, requests: first.requests.length });
      expect(first.state).toBe('results');
      const paths = first.requests.map((r) => r.path);
      // What was weighed really is the whole visit: the page, its scripts, and all of search.
      expect(paths[0]).toBe('/tim-kiem/');
      expect(paths.some((p) => p.startsWith('/_astro/') && p.endsWith('.js'))).toBe(true);
      expect(paths).toContain('/pagefind/pagefind.js');
      expect(paths.some((p) => p.startsWith('/pagefind/wasm.'))).toBe(true);
      expect(paths.some((p) => p.startsWith('/pagefind/index/'))).toBe(true);
      expect(paths.some((p) => p.startsWith('/pagefind/fragment/'))).toBe(true);
      // No request the page could do without: the favicon is inlined, nothing is fetched twice, and the service
      // worker (which downloads the offline page when it installs) waits until the results are shown.
      expect(paths.filter((p) => p.includes('favicon'))).toEqual([]);
      expect(paths).not.toContain('/ngoai-tuyen/');
      const lastSearchFile = paths.findLastIndex((p) => p.startsWith('/pagefind/'));
      expect(paths.slice(0, lastSearchFile).filter((p) => p.startsWith('/sw'))).toEqual([]);
      expect(paths.filter((p, i) => paths.indexOf(p) !== i)).toEqual([]);
      expect(first.compressed, describeTransfer(first)).toBeLessThanOrEqual(FIRST_BUDGET);
    });
  }
});

it('a second search fetches only new chunks and fragments, under 20 KB', async () => {
  const first = await firstSearch(site.browser, site.server.url, 'duong day nong');
  // The service worker installs once the first results are shown; the resident types the next query later.
  await first.page.evaluate(() => navigator.serviceWorker.ready);
  const second = await nextSearch(first.page, 'dieu tra dan toc thieu so 2024');
  await first.context.close();
  console.log(`second search: ${second.requests.length} requests, ${second.compressed} B\n${describeTransfer(second)}`);
  expect(second.state).toBe('results');
  const again = first.requests.map((r) => r.path).filter((p) => !p.includes('/fragment/'));
  expect(second.requests.map((r) => r.path).filter((p) => again.includes(p))).toEqual([]);
  expect(second.requests.every((r) => /^\/pagefind\/(index|fragment)\//.test(r.path))).toBe(true);
  expect(second.compressed, describeTransfer(second)).toBeLessThan(SECOND_BUDGET);
});

it('a search with a filter stays within budget too', async () => {
  const first = await firstSearch(site.browser, site.server.url, 'dan toc', { params: { loai: 'hỏi đáp' } });
  await first.context.close();
  console.log(`filtered first search: ${first.requests.length} requests, ${first.compressed} B`);
  expect(first.state).toBe('results');
  expect(first.requests.some((r) => r.path.startsWith('/pagefind/filter/'))).toBe(true);
  expect(first.compressed, describeTransfer(first)).toBeLessThanOrEqual(FIRST_BUDGET);
});
