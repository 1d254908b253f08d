/** Printed material, end to end: the PDFs the build printed of every booklet, leaflet and the banner slogans are read
 * back with poppler (page count, page size, fonts, metadata, text order, where every word sits), every QR code is
 * rendered by poppler, decoded with jsQR and compared with the address the content says it must open, and the page
 * count and size the pages state are those of the real files. The print pages are also laid out in headless
 * Chromium at the printable width, where nothing may overflow.
 * The site is built for these tests with a test SITE_URL, so the QR codes prove they come from the configuration. */
import AxeBuilder from '@axe-core/playwright';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from '../../scripts/lib/browser';
import { build, copyContent, scratchOut } from './helpers/build';
import { root, siteDist, TEST_SITE_URL } from './helpers/paths';
import { serve, type StaticServer } from '../../scripts/lib/static-server';
import yaml from 'js-yaml';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import strings from '../i18n/vi.json';
import { formatBytes } from '../lib/format';
import { formatSpan, parsePreciseDate } from '../lib/precise-date';
import {
  expectedQa,
  flat,
  frontMatter,
  pdfFonts,
  pdfImageCount,
  pdfInfo,
  pdfPages,
  pdfQrCodes,
  pdfText,
  pdfWords,
  slogans,
  topicIds,
} from './print-helpers';

/** The test build's SITE_URL: every QR code must carry it, proving it comes from the configuration. */
const SITE = TEST_SITE_URL;
const content = resolve(root, 'content');
const dist = siteDist;
const MM = 72 / 25.4;
/** CSS pixels per millimetre. */
const PX = 96 / 25.4;
const A4 = { width: 210 * MM, height: 297 * MM };
/** Byte budgets the issue sets on the real content: a leaflet goes over Zalo, a booklet to a print shop. */
const BUDGET = { leaflet: 300_000, booklet: 1_000_000, slogans: 1_000_000 };
const topics = topicIds(content);
const settings = (yaml.load(readFileSync(join(content, 'settings.yaml'), 'utf8')) as { site: Record<string, string> })
  .site;
/** Author every PDF must carry: the issuer, or the site name where none is set. */
const author = settings['issuer'] || settings['siteName']!;

let server: StaticServer;
let browser: Browser;
/** PDFs measured here, printed at the end for the record. */
const measured: Record<string, { pages: number; estimate?: number; bytes: number; fonts: string }> = {};

beforeAll(async () => {
  server = await serve(dist);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (Object.keys(measured).length > 0) console.info('print measurements', measured);
});

/** A page laid out at the printable width of the sheet, with print styles. */
async function openForPrint(path: string, contentWidthMm: number): Promise<{ page: Page; context: BrowserContext }> {
  const context = await browser.newContext({
    viewport: { width: Math.floor(contentWidthMm * PX), height: 1100 },
  });
  const page = await context.newPage();
  const response = await page.goto(server.url + path);
  expect(response?.status(), path).toBe(200);
  await page.emulateMedia({ media: 'print' });
  return { page, context };
}

/** Elements whose box leaves the printable width. */
function overflowing(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const bad: string[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.left < -0.5 || r.right > width + 0.5) {
        bad.push(
          `<${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}"> ${Math.round(r.left)}–${Math.round(r.right)} px`,
        );
      }
    }
    if (document.documentElement.scrollWidth > width)
      bad.push(`scrollWidth ${document.documentElement.scrollWidth} > ${width}`);
    return bad;
  });
}

/** Words printed outside the sheet's side margins. */
async function wordsOutside(file: string, marginMm: number): Promise<string[]> {
  const words = await pdfWords(file);
  expect(words.length).toBeGreaterThan(0);
  const m = marginMm * MM;
  return words
    .filter((w) => w.xMin < m - 2 || w.xMax > w.width - m + 2)
    .map((w) => `page ${w.page}: "${w.word}" at ${w.xMin.toFixed(1)}–${w.xMax.toFixed(1)} pt`);
}

const portraitA4 = (p: { width: number; height: number }) =>
  Math.abs(p.width - A4.width) < 1 && Math.abs(p.height - A4.height) < 1;
const landscapeA4 = (p: { width: number; height: number }) =>
  Math.abs(p.width - A4.height) < 1 && Math.abs(p.height - A4.width) < 1;

/** The PDF the build printed of a page, as the page's head declares it; the test fails when there is none. */
function builtPdf(pagePath: string): { url: string; file: string; html: string } {
  const html = readFileSync(join(dist, pagePath, 'index.html'), 'utf8');
  const url = /<link rel="alternate" type="application\/pdf" href="([^"]+)">/.exec(html)?.[1];
  expect(url, `${pagePath} declares its PDF`).toBeDefined();
  const file = join(dist, url!);
  expect(existsSync(file), `${url} was printed by the build`).toBe(true);
  return { url: url!, file, html };
}

/** What every PDF must be, whatever it prints: metadata, real embedded fonts, vector QR codes, within its budget. */
async function expectSoundPdf(file: string, pagePath: string, html: string, budget: number, families: string[]) {
  const info = await pdfInfo(file);
  const title = /<title>([^<]+)<\/title>/.exec(html)![1]!.replace(/&amp;/g, '&');
  expect(info['Title']).toBe(title);
  expect(info['Author']).toBe(author);
  expect(info['Creator']).toBe(settings['siteName']);
  expect(Date.parse(info['CreationDate']!), 'creation date').toBeGreaterThan(Date.parse('2024-01-01'));
  const catalog = (await PDFDocument.load(readFileSync(file), { updateMetadata: false })).catalog;
  expect((catalog.lookup(PDFName.of('Lang')) as PDFString | undefined)?.decodeText(), 'document language').toBe('vi');

  const fonts = await pdfFonts(file);
  expect(fonts.length).toBeGreaterThan(0);
  for (const font of fonts) {
    expect(font.embedded, `${font.name} embedded`).toBe(true);
    expect(font.type, `${font.name} is a real font`).not.toMatch(/Type 3/);
  }
  // One family for Vietnamese (regular, bold, italic of it): a fallback font here would mean a word set in two.
  expect([...new Set(fonts.map((f) => f.family))].sort(), `fonts of ${pagePath}`).toEqual([...families].sort());
  expect(await pdfImageCount(file), 'QR codes and rules are vector, not images').toBe(0);
  expect(statSync(file).size, `${pagePath} within ${budget / 1000} KB`).toBeLessThanOrEqual(budget);
  return fonts;
}

/** The link to the PDF that a page offers, with the page count and size it states. */
function offeredPdf(html: string, url: string): { pages: number; size: string } | undefined {
  const link = new RegExp(`<a [^>]*href="${url}"[^>]*>([^<]+)</a>`).exec(html)?.[1];
  if (!link) return undefined;
  const m = /(\d+) trang · (.+)$/.exec(link.trim());
  return m ? { pages: Number(m[1]), size: m[2]! } : undefined;
}

describe('print index', () => {
  it('links every booklet, leaflet and the slogans page, each of which exists, and their PDFs', async () => {
    const html = readFileSync(join(dist, 'in', 'index.html'), 'utf8');
    for (const id of topics) {
      expect(html).toContain(`href="/in/${id}/"`);
      expect(html).toContain(`href="/in/${id}/to-roi/"`);
      expect(existsSync(join(dist, 'in', id, 'index.html'))).toBe(true);
      expect(existsSync(join(dist, 'in', id, 'to-roi', 'index.html'))).toBe(true);
      for (const path of [`/in/${id}/`, `/in/${id}/to-roi/`]) {
        const { url, file } = builtPdf(path);
        expect(offeredPdf(html, url), `${url} offered on /in/`).toEqual({
          pages: (await pdfPages(file)).length,
          size: formatBytes(statSync(file).size),
        });
      }
    }
    expect(html).toContain('href="/in/khau-hieu/"');
    expect(offeredPdf(html, builtPdf('/in/khau-hieu/').url)).toBeDefined();
    expect(html).not.toMatch(/<!--\/?pdf|\{pages\}|\{size\}/);
  });

  it('puts no local address in any printed page', () => {
    for (const id of topics) {
      for (const file of [join(dist, 'in', id, 'index.html'), join(dist, 'in', id, 'to-roi', 'index.html')]) {
        const html = readFileSync(file, 'utf8');
        const targets = [...html.matchAll(/data-qr="([^"]+)"/g)].map((m) => m[1]!);
        expect(targets.length, file).toBeGreaterThan(0);
        for (const target of targets) expect(target.startsWith(`${SITE}/`), `${file}: ${target}`).toBe(true);
        expect(html).not.toMatch(/localhost|127\.0\.0\.1/);
      }
    }
  });
});

describe.each(topics)('booklet /in/%s/', (topic) => {
  const qa = expectedQa(content, topic);

  it('lays out inside the printable width with the Q&A in order', async () => {
    const { page, context } = await openForPrint(`/in/${topic}/`, 180);
    try {
      expect(await overflowing(page)).toEqual([]);
      const ids = await page
        .locator('[data-qa]')
        .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset['qa']));
      expect(ids).toEqual(qa.map((q) => q.id));
      // The address is printed beside each code, without the scheme.
      const declared = await page
        .locator('[data-qr]')
        .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset['qr']!));
      expect(await page.locator('.qr-url').allInnerTexts()).toEqual(declared.map((d) => d.replace(/^https:\/\//, '')));
    } finally {
      await context.close();
    }
  });

  it('has an A4 PDF with every Q&A in order, inside the margins, on the page count it states and estimates, with working QR codes', async () => {
    const { url, file, html } = builtPdf(`/in/${topic}/`);
    const fonts = await expectSoundPdf(file, `/in/${topic}/`, html, BUDGET.booklet, ['LiberationSans']);
    const pages = await pdfPages(file);
    const stated = Number(/class="print-note" data-pages="(\d+)"/.exec(html)?.[1]);
    const estimate = Number(/class="print-note" [^>]*data-estimate="(\d+)"/.exec(html)?.[1]);
    measured[`booklet ${topic}`] = {
      pages: pages.length,
      estimate,
      bytes: statSync(file).size,
      fonts: fonts.map((f) => f.name).join(' '),
    };
    expect(pages.every(portraitA4), 'every page is portrait A4').toBe(true);
    expect(stated, 'the page count the booklet states is the real one').toBe(pages.length);
    expect(estimate, 'the build-time estimate matches the real page count').toBe(pages.length);
    expect(offeredPdf(html, url)).toEqual({ pages: pages.length, size: formatBytes(statSync(file).size) });

    // The text, in print order: cover first, then every question in order.
    const text = await pdfText(file);
    expect(await pdfText(file, 1)).toContain(
      flat(frontMatter(readFileSync(join(content, 'topics', `${topic}.md`), 'utf8'))['title'] as string),
    );
    let from = 0;
    for (const [i, q] of qa.entries()) {
      const at = text.indexOf(flat(`${strings['print.question']} ${i + 1}. ${q.question}`), from);
      expect(at, `question ${i + 1} "${q.question}" after position ${from}`).toBeGreaterThanOrEqual(from);
      from = at;
    }
    if (qa.length === 0) expect(text).toContain(flat(strings['print.noQa']));
    expect(text).toContain(`${SITE.replace('https://', '')}/in/${topic}/`);
    expect(await wordsOutside(file, 15)).toEqual([]);

    // Every QR code decodes: the cover's to the topic, then each Q&A's to its recording or page.
    expect(await pdfQrCodes(file)).toEqual([`${SITE}/chu-de/${topic}/`, ...qa.map((q) => `${SITE}${q.target}`)]);
  });

  it('states the same page count and size on the print index and the topic page', () => {
    const { url, html } = builtPdf(`/in/${topic}/`);
    const booklet = offeredPdf(html, url);
    expect(booklet).toBeDefined();
    const index = readFileSync(join(dist, 'in', 'index.html'), 'utf8');
    const listed = new RegExp(`href="/in/${topic}/"[^]*?data-pages="(\\d+)"`).exec(index)?.[1];
    expect(Number(listed)).toBe(booklet!.pages);
    expect(offeredPdf(index, url)).toEqual(booklet);
    const topicPage = readFileSync(join(dist, 'chu-de', topic, 'index.html'), 'utf8');
    expect(offeredPdf(topicPage, url)).toEqual(booklet);
    expect(offeredPdf(topicPage, builtPdf(`/in/${topic}/to-roi/`).url)).toBeDefined();
  });
});

describe.each(topics)('leaflet /in/%s/to-roi/', (topic) => {
  it('lays out inside the printable width', async () => {
    const { page, context } = await openForPrint(`/in/${topic}/to-roi/`, 180);
    try {
      expect(await overflowing(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('has a one-page A4 PDF with the key messages, hotlines, period and a QR code to the topic', async () => {
    const fm = frontMatter(readFileSync(join(content, 'topics', `${topic}.md`), 'utf8'));
    const { url, file, html } = builtPdf(`/in/${topic}/to-roi/`);
    const fonts = await expectSoundPdf(file, `/in/${topic}/to-roi/`, html, BUDGET.leaflet, ['LiberationSans']);
    const pages = await pdfPages(file);
    measured[`leaflet ${topic}`] = {
      pages: pages.length,
      bytes: statSync(file).size,
      fonts: fonts.map((f) => f.name).join(' '),
    };
    expect(pages).toHaveLength(1);
    expect(portraitA4(pages[0]!)).toBe(true);
    expect(offeredPdf(html, url)).toEqual({ pages: 1, size: formatBytes(statSync(file).size) });

    const text = await pdfText(file);
    const messages = (fm['keyMessages'] as string[] | undefined) ?? [];
    for (const m of messages) expect(text).toContain(flat(m));
    if (messages.length === 0) expect(text).toContain(flat(strings['print.noKeyMessages']));
    const hotlines = readFileSync(join(content, 'topics', `${topic}.md`), 'utf8').matchAll(/number:\s*"([^"]+)"/g);
    for (const [, number] of hotlines) expect(text).toContain(number);
    // The period as precise as its source, or, where none gives one, the year of the documents.
    const source = readFileSync(join(content, 'topics', `${topic}.md`), 'utf8').split(/^---$/m)[1]!;
    const { period } = yaml.load(source) as { period?: { start: string; end: string } };
    if (period) expect(text).toContain(formatSpan(parsePreciseDate(period.start), parsePreciseDate(period.end)));
    else expect(text).toContain(flat(strings['notice.years'].split('{years}')[0]!));
    expect(await wordsOutside(file, 15)).toEqual([]);
    expect(await pdfQrCodes(file)).toEqual([`${SITE}/chu-de/${topic}/`]);
  });
});

describe('banner slogans /in/khau-hieu/', () => {
  const expected = slogans(content);

  it('lays out inside the printable width, in very large type', async () => {
    const { page, context } = await openForPrint('/in/khau-hieu/', 277);
    try {
      expect(await overflowing(page)).toEqual([]);
      // Very large type: no slogan is smaller than 32 pt, the smallest size a banner sheet uses.
      const sizes = await page
        .locator('.slogan')
        .evaluateAll((els) => els.map((e) => parseFloat(getComputedStyle(e).fontSize)));
      for (const size of sizes) expect(size).toBeGreaterThanOrEqual((32 * 96) / 72 - 0.1);
    } finally {
      await context.close();
    }
  });

  it('has a PDF with each slogan alone on a landscape A4 page, inside the margins, with a QR code to its topic', async () => {
    const { url, file, html } = builtPdf('/in/khau-hieu/');
    const fonts = await expectSoundPdf(file, '/in/khau-hieu/', html, BUDGET.slogans, ['LiberationSans']);
    const pages = await pdfPages(file);
    measured['slogans'] = {
      pages: pages.length,
      bytes: statSync(file).size,
      fonts: fonts.map((f) => f.name).join(' '),
    };
    expect(pages).toHaveLength(Math.max(1, expected.length));
    if (expected.length > 0) expect(pages.every(landscapeA4), 'every page is landscape A4').toBe(true);
    expect(offeredPdf(html, url)).toEqual({ pages: pages.length, size: formatBytes(statSync(file).size) });
    for (const [i, slogan] of expected.entries()) expect(await pdfText(file, i + 1)).toContain(flat(slogan.text));
    expect(await wordsOutside(file, 10)).toEqual([]);
    expect(await pdfQrCodes(file)).toEqual(expected.map((s) => `${SITE}/chu-de/${s.topic}/`));
  });
});

describe('print stylesheet on every page', () => {
  it('hides site chrome, prints link addresses and the page address with its date at the foot', async () => {
    const qaPath = `/hoi-dap/${
      expectedQa(
        content,
        topics.find((t) => expectedQa(content, t).length > 0)!,
      )[0]!.id
    }/`;
    const { page, context } = await openForPrint(qaPath, 180);
    try {
      for (const selector of ['.site-header', '.site-footer', '.search-form']) {
        expect(await page.locator(selector).isVisible(), selector).toBe(false);
      }
      const foot = page.locator('.print-foot');
      expect(await foot.isVisible()).toBe(true);
      expect(await foot.innerText()).toContain(`${SITE.replace('https://', '')}${qaPath}`);
      const after = await page
        .locator('main a[href^="/"]')
        .first()
        .evaluate((a) => [getComputedStyle(a, '::after').content, a.getAttribute('href')]);
      expect(after[0]).toContain(after[1]);
      expect(await page.evaluate(() => getComputedStyle(document.body).color)).toBe('rgb(0, 0, 0)');
      expect(await overflowing(page)).toEqual([]);

      await page.emulateMedia({ media: 'screen' });
      expect(await foot.isVisible()).toBe(false);
    } finally {
      await context.close();
    }
  });

  it('offers a print button only when it works, and it calls window.print()', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.addInitScript(() => {
        (window as unknown as { printed: number }).printed = 0;
        window.print = () => void (window as unknown as { printed: number }).printed++;
      });
      await page.goto(`${server.url}/in/${topics[0]}/`);
      const button = page.getByRole('button', { name: strings['print.button'] });
      await button.click();
      expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
      await page.emulateMedia({ media: 'print' });
      expect(await button.isVisible()).toBe(false);

      const noScript = await browser.newContext({ javaScriptEnabled: false });
      const plain = await noScript.newPage();
      await plain.goto(`${server.url}/in/${topics[0]}/`);
      expect(await plain.getByRole('button', { name: strings['print.button'] }).count()).toBe(0);
      await noScript.close();
    } finally {
      await context.close();
    }
  });
});

describe('print pages on screen', () => {
  it.each(['/in/', `/in/${topics[0]}/`, `/in/${topics[0]}/to-roi/`, '/in/khau-hieu/'])(
    '%s passes axe (WCAG 2.2 AA)',
    async (path) => {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await page.goto(server.url + path);
        const { violations } = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
          .analyze();
        expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );
});

describe('a topic with nothing to print yet', () => {
  it('still builds a booklet, a one-page leaflet and a slogans page that say so, and their PDFs', async () => {
    const dir = await copyContent();
    const out = scratchOut('print-empty');
    try {
      const doc = readdirSync(join(dir, 'documents'))
        .find((f) => f.endsWith('.yaml'))!
        .replace(/\.yaml$/, '');
      for (const id of topicIds(dir)) {
        // Strip every slogan so the banner page is empty too.
        const file = join(dir, 'topics', `${id}.md`);
        const text = readFileSync(file, 'utf8').replace(/^slogans:\n(?:(?:\s+-.*|\s+#.*)\n)*/m, 'slogans: []\n');
        await writeFile(file, text);
      }
      await writeFile(
        join(dir, 'topics', 'chu-de-thu-in.md'),
        `---\ntitle: "Chủ đề thử in"\nshortTitle: "Thử in"\nsummary: "Chủ đề chưa có nội dung."\nlegalBasis:\n  - ${doc}\norder: 999\n---\n`,
      );
      const result = await build({ outDir: out, contentDir: dir, env: { SITE_URL: SITE } });
      expect(result.code, result.output).toBe(0);
      for (const [path, count, notice] of [
        ['/in/chu-de-thu-in/', undefined, strings['print.noQa']],
        ['/in/chu-de-thu-in/to-roi/', 1, strings['print.noKeyMessages']],
        ['/in/khau-hieu/', 1, strings['print.noSlogans']],
      ] as const) {
        const html = readFileSync(join(out, path, 'index.html'), 'utf8');
        const url = /<link rel="alternate" type="application\/pdf" href="([^"]+)">/.exec(html)![1]!;
        const file = join(out, url);
        const pages = await pdfPages(file);
        const expected = count ?? Number(/class="print-note" [^>]*data-estimate="(\d+)"/.exec(html)![1]);
        expect(pages.length, path).toBe(expected);
        expect(offeredPdf(html, url)?.pages, path).toBe(expected);
        expect(await pdfText(file), path).toContain(flat(notice));
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
      await Promise.all([out, `${out}-cache`].map((d) => rm(d, { recursive: true, force: true })));
    }
  });
});

describe('production build with a local SITE_URL', () => {
  it('fails instead of printing QR codes that only open on the build machine', async () => {
    const out = scratchOut('print-localhost');
    const result = await build({ outDir: out, env: { SITE_URL: 'http://localhost:4321' } });
    await Promise.all([out, `${out}-cache`].map((d) => rm(d, { recursive: true, force: true })));
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('SITE_URL đang là "http://localhost:4321"');
  });
});
