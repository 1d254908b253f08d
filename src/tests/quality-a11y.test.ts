/** WCAG 2.2 AA in real Chromium: axe on one page of every page type, keyboard use of the search form and the audio
 * player with visible focus, touch targets, a 320 px screen and 200 % zoom; and on the fixture site, a topic's list
 * page 2 with its pager and a booklet's volume 2. */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { siteInBrowser } from './helpers/browser';
import { siteDist } from './helpers/paths';
import { firstPageWith, onePerType, type BuiltPage } from './helpers/site-pages';
import { FIXTURE, fixtureSite } from './helpers/fixture-site';
import { serve, type StaticServer } from '../../scripts/lib/static-server';
import { printUrls, urls } from '../lib/urls';

const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const site = siteInBrowser();
const pages = onePerType(siteDist);
/** Where each page is requested: the 404 page as a real missing URL. */
const at = (p: BuiltPage) => (p.path === '/404.html' ? '/khong-co-trang-nay/' : p.path);
/** One test per page type and check, each loading one page: none loops over the whole site under one time limit.
 * Checks that need no keyboard focus run two pages at a time (the browser project's maxConcurrency, one per core). */
const each = pages.map((p) => [p.path, p] as const);

beforeAll(async () => {
  // An empty or half-written build must fail here, not pass every loop below vacuously.
  if (pages.length < 5) throw new Error(`only ${pages.length} page types in ${siteDist}: is the build complete?`);
});

async function withPage<T>(
  options: Parameters<Browser['newContext']>[0],
  path: string,
  fn: (page: Page) => Promise<T>,
): Promise<T> {
  const context: BrowserContext = await site.browser.newContext(options);
  const page = await context.newPage();
  try {
    await page.goto(`${site.server.url}${path}`, { waitUntil: 'load' });
    return await fn(page);
  } finally {
    await context.close();
  }
}

/** Presses Tab until `selector` has focus (at most `limit` times); returns whether it got there. */
async function tabTo(page: Page, selector: string, limit = 60): Promise<boolean> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return true;
  }
  return false;
}

/** Whether the focused element shows a focus indicator: an outline or box-shadow that is absent without focus. */
async function focusIsVisible(page: Page): Promise<{ visible: boolean; detail: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { visible: false, detail: 'nothing focused' };
    const focused = getComputedStyle(el);
    const ring = `${focused.outlineStyle} ${focused.outlineWidth} ${focused.outlineColor} | ${focused.boxShadow}`;
    const hasOutline = focused.outlineStyle !== 'none' && parseFloat(focused.outlineWidth) >= 1;
    const hasShadow = focused.boxShadow !== 'none';
    return { visible: el.matches(':focus-visible') && (hasOutline || hasShadow), detail: `${el.tagName} ${ring}` };
  });
}

describe('accessibility (WCAG 2.2 AA) in Chromium', () => {
  it('covers every page type of the built site', () => {
    expect(pages.length).toBeGreaterThan(5);
    expect(pages.map((p) => p.path)).toContain('/');
  });

  it.concurrent.each(each)('axe finds no violations on %s', async (_, p) => {
    const failures: string[] = [];
    await withPage({ viewport: { width: 1280, height: 800 } }, at(p), async (page) => {
      const result = await new AxeBuilder({ page }).withTags(tags).analyze();
      // axe really ran its rules here (colour contrast, names, landmarks…), not an empty set.
      if (result.passes.length < 10) failures.push(`axe ran only ${result.passes.length} passing rules`);
      for (const v of result.violations) {
        failures.push(
          `${v.id} (${v.impact}): ${v.help} → ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join(' | ')}`,
        );
      }
    });
    expect(failures).toEqual([]);
  });

  it('the header search form works from the keyboard alone, with visible focus', async () => {
    await withPage({ viewport: { width: 1280, height: 800 } }, '/', async (page) => {
      // The first Tab lands on the skip link, which must be visible when focused.
      await page.keyboard.press('Tab');
      expect(
        await page.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.getAttribute('href')),
      ).toBe('#main');
      expect((await focusIsVisible(page)).visible).toBe(true);
      expect(await page.evaluate(() => document.activeElement!.getBoundingClientRect().height > 0)).toBe(true);

      expect(await tabTo(page, 'form[role="search"] input[name="q"]')).toBe(true);
      const field = await focusIsVisible(page);
      expect(field.visible, field.detail).toBe(true);
      await page.keyboard.type('dieu tra');
      await page.keyboard.press('Tab');
      expect(
        await page.evaluate(() => document.activeElement?.matches('form[role="search"] button[type="submit"]')),
      ).toBe(true);
      const button = await focusIsVisible(page);
      expect(button.visible, button.detail).toBe(true);
      await Promise.all([page.waitForURL(/\/tim-kiem\/\?q=dieu\+tra/), page.keyboard.press('Enter')]);
    });
  });

  it.each(each)(
    'every link, button and field of %s shows a visible focus indicator when reached with Tab',
    async (_, p) => {
      const failures: string[] = [];
      await withPage({ viewport: { width: 1280, height: 800 } }, at(p), async (page) => {
        const total = await page
          .locator(
            'a[href], button, input, select, textarea, audio[controls], summary, [tabindex]:not([tabindex="-1"])',
          )
          .count();
        const seen = new Set<string>();
        for (let i = 0; i < Math.min(total + 2, 50); i++) {
          await page.keyboard.press('Tab');
          const key = await page.evaluate(() => {
            const el = document.activeElement;
            return el && el !== document.body ? `${el.tagName}#${el.id}.${el.getAttribute('href') ?? ''}` : '';
          });
          if (!key || seen.has(key)) continue;
          seen.add(key);
          const focus = await focusIsVisible(page);
          if (!focus.visible) failures.push(`no visible focus on ${focus.detail}`);
        }
      });
      expect(failures).toEqual([]);
    },
  );

  it('the audio player is reachable and operable by keyboard', async () => {
    const withAudio = firstPageWith(siteDist, /<audio\b/);
    expect(withAudio, 'a built page with an <audio> player').toBeDefined();
    await withPage({ viewport: { width: 1280, height: 800 } }, withAudio!.path, async (page) => {
      expect(await tabTo(page, 'audio, audio ~ * button, .player button', 120)).toBe(true);
      const focus = await focusIsVisible(page);
      expect(focus.visible, focus.detail).toBe(true);
      // Native controls: Space toggles playback on the focused player.
      const before = await page.evaluate(() => document.querySelector('audio')!.paused);
      await page.keyboard.press('Space');
      await page.waitForTimeout(300);
      const after = await page.evaluate(() => document.querySelector('audio')!.paused);
      expect(before).toBe(true);
      expect(after).toBe(false);
    });
  });

  it.concurrent.each(each)(
    'touch targets of %s are at least 24×24 px, or spaced as WCAG 2.5.8 allows, on a phone',
    async (_, p) => {
      const failures: string[] = [];
      await withPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true }, at(p), async (page) => {
        const small = await page.evaluate(() => {
          const targets = [
            ...document.querySelectorAll<HTMLElement>(
              'a[href], button, input:not([type="hidden"]), select, textarea, audio[controls], summary',
            ),
          ]
            .map((el) => ({ el, box: el.getBoundingClientRect() }))
            .filter(({ box }) => box.width > 0 && box.height > 0);
          const inSentence = (el: HTMLElement) => {
            // 2.5.8 "inline" exception: a link inside running text, sized by the line height.
            if (el.tagName !== 'A') return false;
            const block = el.closest('p, li, td, dd, figcaption, h1, h2, h3');
            const text = block?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
            return !!block && text.length > (el.textContent?.trim().length ?? 0) + 3;
          };
          const under = targets.filter(({ el, box }) => (box.width < 24 || box.height < 24) && !inSentence(el));
          const centre = (b: DOMRect) => ({ x: b.left + b.width / 2, y: b.top + b.height / 2 });
          const circleHitsBox = (c: { x: number; y: number }, b: DOMRect) => {
            const dx = Math.max(b.left - c.x, 0, c.x - b.right);
            const dy = Math.max(b.top - c.y, 0, c.y - b.bottom);
            return dx * dx + dy * dy < 12 * 12;
          };
          const out: string[] = [];
          for (const t of under) {
            // 2.5.8 "spacing" exception: a 24 px circle on its centre touches no other target or undersized circle.
            const c = centre(t.box);
            const crowded =
              targets.some(
                (o) => o.el !== t.el && !o.el.contains(t.el) && !t.el.contains(o.el) && circleHitsBox(c, o.box),
              ) || under.some((o) => o.el !== t.el && Math.hypot(centre(o.box).x - c.x, centre(o.box).y - c.y) < 24);
            if (crowded)
              out.push(
                `${t.el.tagName.toLowerCase()} "${(t.el.textContent || t.el.getAttribute('aria-label') || '').trim().slice(0, 40)}" ${Math.round(t.box.width)}×${Math.round(t.box.height)}`,
              );
          }
          return out;
        });
        failures.push(...small);
      });
      expect(failures).toEqual([]);
    },
  );

  it.concurrent.each(each)(
    '%s reflows at 320 px and at 200 % zoom: no horizontal scrolling, header search still visible',
    async (_, p) => {
      const failures: string[] = [];
      const views = [
        { name: '320 px', options: { viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true } },
        // 200 % zoom of a 1280×800 window: half the CSS pixels at twice the device pixel ratio.
        { name: '200 % zoom', options: { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 } },
      ];
      for (const view of views) {
        await withPage(view.options, at(p), async (page) => {
          const m = await page.evaluate(() => ({
            scroll: document.documentElement.scrollWidth,
            width: document.documentElement.clientWidth,
            wide: [...document.querySelectorAll<HTMLElement>('body *')]
              .filter(
                (el) =>
                  el.getBoundingClientRect().right > document.documentElement.clientWidth + 1 &&
                  getComputedStyle(el).position !== 'fixed',
              )
              .filter((el) => !el.closest('table, pre, .table-scroll, [data-scroll]'))
              .slice(0, 3)
              .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
          }));
          if (m.scroll > m.width)
            failures.push(`${view.name}: page is ${m.scroll} px wide in ${m.width} px (${m.wide.join(', ')})`);
          if (!(await page.locator('form[role="search"] input[name="q"]').first().isVisible()))
            failures.push(`${view.name}: search field hidden`);
        });
      }
      expect(failures).toEqual([]);
    },
  );
});

describe('pages past the list limits (the fixture site)', () => {
  let fixture: StaticServer;
  beforeAll(async () => {
    fixture = await serve((await fixtureSite()).dist);
    return () => fixture.close();
  });
  const topic = FIXTURE.manyTopic;

  it.each([urls.topicPage(topic, 2), printUrls.booklet(topic, 2)])('axe finds no violations on %s', async (path) => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const page = await context.newPage();
      await page.goto(`${fixture.url}${path}`);
      const result = await new AxeBuilder({ page }).withTags(tags).analyze();
      expect(result.passes.length).toBeGreaterThan(10);
      expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual(
        [],
      );
    } finally {
      await context.close();
    }
  });

  it('reaches every pager link with Tab, each with a visible focus and a name saying which page', async () => {
    const context = await site.browser.newContext({ viewport: { width: 360, height: 740 } });
    try {
      const page = await context.newPage();
      await page.goto(`${fixture.url}${urls.topicPage(topic, 2)}`);
      const links = await page.locator('nav.pager a').count();
      expect(links).toBeGreaterThanOrEqual(5);
      const reached = new Set<string>();
      for (let i = 0; i < 120 && reached.size < links; i++) {
        await page.keyboard.press('Tab');
        const name = await page.evaluate(() =>
          document.activeElement?.closest('nav.pager')
            ? `${(document.activeElement as HTMLAnchorElement).href} ${document.activeElement.textContent}`
            : '',
        );
        if (!name) continue;
        reached.add(name);
        const focus = await focusIsVisible(page);
        expect(focus.visible, focus.detail).toBe(true);
      }
      expect(reached.size).toBe(links);
      expect(await page.getAttribute('nav.pager a[aria-current="page"]', 'aria-label')).toBe('Trang 2');
    } finally {
      await context.close();
    }
  });
});
