/** Search on the real built site, in headless Chromium: typed the way residents type (no tone marks, "d" for "đ"),
 * shareable URLs, filters, the offline message, progress on a slow link, and nothing loaded on other pages. */
import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { siteInBrowser } from './helpers/browser';
import { siteDist } from './helpers/paths';
import { emulateLink } from '../../scripts/lib/browser';
import { openSearch, PHONE, settled, shown } from '../../scripts/lib/search-page';
import { searchQuery } from '../lib/search/query';

/** Results shown at first (what a phone shows), and added by each "more". */
const FIRST_SCREEN = 3;
const MORE = 5;

const site = siteInBrowser();
let context: BrowserContext;
let page: Page;

async function freshPage() {
  await context?.close();
  // The site's service worker must not answer for the network in these tests.
  context = await site.browser.newContext({ serviceWorkers: 'block' });
  page = await context.newPage();
  return page;
}

/** The text of a built page's <main>, lower-cased, to check a result really is about the query. */
async function pageText(href: string): Promise<string> {
  const html = await readFile(join(siteDist, href, 'index.html'), 'utf8');
  const main = /<main[\s\S]*<\/main>/.exec(html)?.[0] ?? '';
  return main
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

describe('typed the way residents type', () => {
  beforeAll(freshPage);

  it('"duong day nong" (no tone marks, "d" for "đ") finds a page about the hotline in the top three', async () => {
    expect(await openSearch(page, site.server.url, { q: 'duong day nong' })).toBe('results');
    const top = (await shown(page)).slice(0, 3);
    expect(top.length).toBeGreaterThan(0);
    const texts = await Promise.all(top.map((r) => pageText(r.href)));
    expect(texts.some((t) => t.includes('đường dây nóng'))).toBe(true);
  });

  it('"dieu tra dan toc" finds the survey of the 53 ethnic minorities in the top three', async () => {
    await openSearch(page, site.server.url, { q: 'dieu tra dan toc' });
    const top = (await shown(page)).slice(0, 3);
    expect(top.some((r) => r.href.includes('dieu-tra-53-dan-toc'))).toBe(true);
    for (const r of top) expect(r.title.toLowerCase()).toContain('điều tra');
  });

  it('queries without tone marks find the right campaign', async () => {
    const cases: [string, string][] = [
      ['mua ban nguoi', 'phong-chong-mua-ban-nguoi'],
      ['dich benh gia suc', 'phong-chong-dich-benh-gia-suc'],
      ['ten mien', 'ten-mien-vn'],
      ['chuong trinh 1719', 'chuong-trinh-1719'],
    ];
    for (const [q, slug] of cases) {
      await openSearch(page, site.server.url, { q });
      const top = (await shown(page)).slice(0, 3);
      expect(top.map((r) => r.href).join(' '), q).toContain(slug);
    }
  });

  // Without tone marks a query is ambiguous ("nong" is both "nóng" and "nông", as in "nông thôn mới", which a
  // 1719 answer says three times): the page an exact query finds first stays near the top, not always first.
  it('the page a query typed with full accents finds first is in the top three without them', async () => {
    await openSearch(page, site.server.url, { q: 'đường dây nóng' });
    const exact = (await shown(page))[0];
    expect(exact).toBeDefined();
    await openSearch(page, site.server.url, { q: 'duong day nong' });
    expect((await shown(page)).slice(0, 3).map((r) => r.href)).toContain(exact!.href);
  });

  it('shows titles and excerpts as written, with accents and "đ", never the folded index words', async () => {
    await openSearch(page, site.server.url, { q: 'đường dây nóng' });
    const hotline = (await shown(page))[0]!.href;
    await openSearch(page, site.server.url, { q: 'duong day nong' });
    const results = await shown(page);
    const first = results.find((r) => r.href === hotline)!;
    expect(first.excerpt.toLowerCase()).toContain('đường dây nóng');
    expect(first.excerpt.toLowerCase()).not.toContain('dường');
    expect(await page.locator('#search-results mark').count()).toBeGreaterThan(0);
  });
});

describe('results', () => {
  beforeAll(freshPage);

  it('say the type and language, one link per result and no other link in #search-results', async () => {
    await openSearch(page, site.server.url, { q: 'dan toc' });
    const results = await shown(page);
    expect(results.length).toBeGreaterThan(1);
    for (const r of results) {
      expect(r.links).toBe(1);
      expect(r.href).toMatch(/^\/[a-z0-9/-]+\/$/);
      expect(r.about).toMatch(/^(Hỏi đáp|Chính sách|Bản nghe|Chủ đề) · Tiếng /);
    }
    expect(await page.locator('#search-results a').count()).toBe(results.length);
  });

  it('give the duration of recordings', async () => {
    expect(await openSearch(page, site.server.url, { q: 'dieu tra', loai: 'bản nghe' })).toBe('results');
    const results = await shown(page);
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) {
      expect(r.href).toMatch(/^\/ban-nghe\//);
      expect(r.about).toMatch(/^Bản nghe · Tiếng .+ · dài \d+:\d\d$/);
    }
  });

  it("come three first (a phone's screen), then five at a time in Pagefind's ranking, until every one is shown", async () => {
    await openSearch(page, site.server.url, { q: 'dan toc' });
    // The oracle: Pagefind itself, asked in the page for the same folded query, with every result's URL.
    // (A string, because vitest rewrites import() in functions it compiles.)
    const ranked = await page.evaluate<string[]>(`(async () => {
      const pagefind = await import('/pagefind/pagefind.js');
      const { results } = await pagefind.search(${JSON.stringify(searchQuery('dan toc'))});
      return Promise.all(results.map(async (r) => (await r.data()).url));
    })()`);
    expect(ranked.length).toBeGreaterThan(10);
    const status = await page.textContent('#search-status');
    expect(Number(/(\d+)/.exec(status ?? '')?.[1])).toBe(ranked.length);

    const hrefs = async () => (await shown(page)).map((r) => r.href);
    const upTo = (screen: number) => FIRST_SCREEN + MORE * (screen - 1);
    expect(await hrefs()).toEqual(ranked.slice(0, FIRST_SCREEN));
    for (let screen = 2; (await page.isVisible('#search-more')) && screen < 100; screen++) {
      await page.click('#search-more');
      await settled(page);
      expect(await hrefs()).toEqual(ranked.slice(0, upTo(screen)));
      // Focus moves to the first new result.
      expect(
        await page.evaluate(
          (first) => document.activeElement?.closest('li') === document.querySelectorAll('#search-results li')[first],
          upTo(screen - 1),
        ),
      ).toBe(true);
    }
    // The button goes away once every result is shown, and none is shown twice.
    expect(await hrefs()).toEqual(ranked);
    expect(await page.isVisible('#search-more')).toBe(false);
  });
});

describe('filters', () => {
  beforeAll(freshPage);

  it('by type, from the URL', async () => {
    await openSearch(page, site.server.url, { q: 'dan toc', loai: 'hỏi đáp' });
    const results = await shown(page);
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) {
      expect(r.href).toMatch(/^\/hoi-dap\//);
      expect(r.about).toMatch(/^Hỏi đáp/);
    }
    expect(await page.inputValue('#f-type')).toBe('hỏi đáp');
    // The folded filters open to show why the results are fewer.
    expect(await page.locator('#search-filters').getAttribute('open')).not.toBeNull();
  });

  it('by topic, chosen in the form, which updates the shareable URL', async () => {
    await openSearch(page, site.server.url, { q: 'tuyen truyen' });
    const before = await shown(page);
    const topic = await page.locator('#f-topic option').nth(1).getAttribute('value');
    // Folded until asked for.
    expect(await page.isVisible('#f-topic')).toBe(false);
    await page.click('#search-filters summary');
    await page.selectOption('#f-topic', topic!);
    await page.waitForURL(/chu-de=/);
    await settled(page);
    const after = await shown(page);
    expect(after.length).toBeGreaterThan(0);
    expect(new Set([...after.map((r) => r.href)]).size).toBeLessThanOrEqual(before.length);
    const url = new URL(page.url());
    expect(url.searchParams.get('chu-de')).toBe(topic);
    expect(url.searchParams.get('q')).toBe('tuyen truyen');
    for (const r of after) {
      const text = await pageText(r.href);
      expect(text).toContain(topic!.toLowerCase());
    }
  });

  it('by language, without a query, lists that language', async () => {
    expect(await openSearch(page, site.server.url, { 'ngon-ngu': 'Tiếng Việt' })).toBe('results');
    for (const r of await shown(page)) expect(r.about).toContain('Tiếng Việt');
  });
});

describe('the search page', () => {
  beforeAll(freshPage);

  it('is a plain GET form whose URL can be shared and opens with results', async () => {
    await page.goto(`${site.server.url}/tim-kiem/`);
    expect(await page.getAttribute('#search-page-form', 'method')).toBe('get');
    expect(await page.getAttribute('#q', 'name')).toBe('q');
    await page.fill('#q', 'duong day nong');
    await page.press('#q', 'Enter');
    await page.waitForURL(/\?q=duong\+day\+nong$/);
    await settled(page);
    const submitted = await shown(page);
    const shared = await site.browser.newPage();
    try {
      await shared.goto(page.url());
      expect(await settled(shared)).toBe('results');
      expect(await shared.inputValue('#q')).toBe('duong day nong');
      expect((await shown(shared)).map((r) => r.href)).toEqual(submitted.map((r) => r.href));
    } finally {
      await shared.close();
    }
  });

  it('the header box on every page sends its query to /tim-kiem/', async () => {
    await page.goto(`${site.server.url}/`);
    await page.fill('#site-q', 'dieu tra dan toc');
    await page.press('#site-q', 'Enter');
    await page.waitForURL(/\/tim-kiem\/\?q=dieu\+tra\+dan\+toc/);
    expect(await settled(page)).toBe('results');
  });

  it('passes axe (WCAG 2.2 AA) with results, Khmer-free excerpts and the "more" button shown', async () => {
    await openSearch(page, site.server.url, { q: 'dan toc' });
    expect(await page.isVisible('#search-more')).toBe(true);
    const result = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
  });

  it('says so, in Vietnamese, when there is nothing to find', async () => {
    expect(await openSearch(page, site.server.url, { q: 'xyzzyqwv' })).toBe('none');
    expect(await page.textContent('#search-results')).toContain('Không tìm thấy');
  });

  it('Back returns to the previous search', async () => {
    await openSearch(page, site.server.url, { q: 'mua ban nguoi' });
    const first = await shown(page);
    await page.fill('#q', 'ten mien');
    await page.press('#q', 'Enter');
    await page.waitForURL(/ten\+mien/);
    await settled(page);
    await page.goBack();
    await page.waitForURL(/mua\+ban\+nguoi/);
    await settled(page);
    expect(await page.inputValue('#q')).toBe('mua ban nguoi');
    expect((await shown(page)).map((r) => r.href)).toEqual(first.map((r) => r.href));
  });
});

describe('on a 360×740 phone', () => {
  it('shows the result count and the first result without scrolling, the filters folded away', async () => {
    const phone = await site.browser.newContext({ serviceWorkers: 'block', viewport: PHONE, isMobile: true });
    try {
      const tab = await phone.newPage();
      expect(await openSearch(tab, site.server.url, { q: 'dieu tra dan toc' })).toBe('results');
      const box = async (selector: string) => {
        const b = await tab.locator(selector).first().boundingBox();
        if (!b) throw new Error(`${selector} is not shown`);
        return b;
      };
      // Not scrolled, and what should be seen lies inside the first screen.
      expect(await tab.evaluate(() => scrollY)).toBe(0);
      for (const selector of ['#search-status', '#search-results li']) {
        const b = await box(selector);
        expect(b.y, selector).toBeGreaterThanOrEqual(0);
        expect(b.y + b.height, selector).toBeLessThanOrEqual(PHONE.height);
      }
      expect(await tab.textContent('#search-status')).toMatch(/\d+/);
      expect(await tab.isVisible('#f-type')).toBe(false);
      // Asked for, the filters open, without JavaScript needed for it (a <details> element).
      await tab.click('#search-filters summary');
      expect(await tab.isVisible('#f-type')).toBe(true);
    } finally {
      await phone.close();
    }
  });

  it('opens the filters with JavaScript off too', async () => {
    const plain = await site.browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
    try {
      const tab = await plain.newPage();
      await tab.goto(`${site.server.url}/tim-kiem/`);
      expect(await tab.isVisible('#f-topic')).toBe(false);
      await tab.click('#search-filters summary');
      expect(await tab.isVisible('#f-topic')).toBe(true);
    } finally {
      await plain.close();
    }
  });
});

describe('on a bad connection', () => {
  beforeEach(freshPage);

  it('says in Vietnamese that search could not load when /pagefind/ is unreachable, instead of an empty list', async () => {
    await page.route('**/pagefind/**', (route) => route.abort('internetdisconnected'));
    expect(await openSearch(page, site.server.url, { q: 'dan toc' })).toBe('offline');
    const text = await page.textContent('#search-results');
    expect(text).toContain('Không tải được bộ tìm kiếm');
    expect(await page.locator('#search-results li').count()).toBe(0);
    // Announced at once to screen readers: the message is what the accessibility tree exposes as an alert.
    const alerts = await page.getByRole('alert').allTextContents();
    expect(alerts).toEqual([expect.stringContaining('Không tải được bộ tìm kiếm')]);
  });

  it('says so when the link drops after the page loaded, and searches again once it is back', async () => {
    await page.goto(`${site.server.url}/tim-kiem/`);
    await context.setOffline(true);
    await page.fill('#q', 'dan toc');
    await page.press('#q', 'Enter');
    expect(await settled(page)).toBe('offline');
    await context.setOffline(false);
    await page.press('#q', 'Enter');
    expect(await settled(page)).toBe('results');
    expect((await shown(page)).length).toBeGreaterThan(0);
  });

  it('says so when only an index chunk fails, rather than showing fewer results', async () => {
    await page.route('**/pagefind/index/**', (route) => route.abort('internetdisconnected'));
    expect(await openSearch(page, site.server.url, { q: 'dan toc' })).toBe('offline');
  });

  it('shows progress on a slow link', async () => {
    // About a 2G link: 250 kbit/s down, 300 ms round trip.
    await emulateLink(await context.newCDPSession(page), { latency: 300, down: 31_000, up: 15_000 });
    await page.goto(`${site.server.url}/tim-kiem/?q=dan+toc`);
    await page.waitForSelector('#search-progress:not([hidden])', { timeout: 10_000 });
    expect(await page.textContent('#search-status')).toContain('Đang tải');
    expect(await settled(page)).toBe('results');
    expect(await page.isHidden('#search-progress')).toBe(true);
  });
});

describe('other pages', () => {
  beforeAll(freshPage);

  it('load nothing search-related', async () => {
    const html = await readFile(join(siteDist, 'index.html'), 'utf8');
    const qa = /href="(\/hoi-dap\/[^"]+\/)"/.exec(html)?.[1] ?? '/hoi-dap/';
    for (const path of ['/', qa, '/chu-de/']) {
      const requested: string[] = [];
      page.on('request', (r) => requested.push(new URL(r.url()).pathname));
      await page.goto(`${site.server.url}${path}`, { waitUntil: 'networkidle' });
      await page.focus('#site-q');
      await page.waitForTimeout(200);
      page.removeAllListeners('request');
      expect(
        requested.filter((p) => p.startsWith('/pagefind/')),
        path,
      ).toEqual([]);
    }
  });
});
