/** Printed material, end to end in headless Chromium: booklets, leaflets and banner slogans are printed to A4 PDFs,
 * then the PDFs are read back with poppler (page count, page size, text order, where every word sits) and every QR
 * code is rendered, decoded with jsQR and compared with the address the content says it must open.
 * The site is built for these tests with a test SITE_URL, so the QR codes prove they come from the configuration. */
import AxeBuilder from '@axe-core/playwright';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from '../../scripts/lib/browser';
import { build, scratchOut, type BuildResult } from './helpers/build';
import { FIXTURE, fixtureSite, type FixtureSite } from './helpers/fixture-site';
import { root, siteDist, TEST_SITE_URL } from './helpers/paths';
import { serve, type StaticServer } from '../../scripts/lib/static-server';
import strings from '../i18n/vi.json';
import {
  decodeQr,
  expectedQa,
  flat,
  frontMatter,
  pdfPages,
  pdfText,
  pdfWords,
  slogans,
  topicIds,
} from './print-helpers';

/** The test build's SITE_URL: every QR code must carry it, proving it comes from the configuration. */
const SITE = TEST_SITE_URL;
const content = resolve(root, 'content');
const dist = siteDist;
/** The printed PDFs; kept for inspection with LOA_BAN_KEEP_PDFS=1. */
const pdfDir = scratchOut('print-pdfs');
const MM = 72 / 25.4;
/** CSS pixels per millimetre. */
const PX = 96 / 25.4;
const A4 = { width: 210 * MM, height: 297 * MM };
const topics = topicIds(content);

let server: StaticServer;
let browser: Browser;
/** Page counts measured here, printed at the end for the record. */
const measured: Record<string, { pages: number; estimate?: number; bytes: number }> = {};

beforeAll(async () => {
  await mkdir(pdfDir, { recursive: true });
  server = await serve(dist);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (Object.keys(measured).length > 0) console.info('print measurements', measured);
  const keep = process.env['LOA_BAN_KEEP_PDFS'] === '1';
  if (keep) console.info(`PDFs kept in ${pdfDir}`);
  if (!keep) await rm(pdfDir, { recursive: true, force: true });
});

/** A page laid out at the printable width of the sheet, with print styles, at 4x so QR modules are crisp. */
async function openForPrint(path: string, contentWidthMm: number): Promise<{ page: Page; context: BrowserContext }> {
  const context = await browser.newContext({
    viewport: { width: Math.floor(contentWidthMm * PX), height: 1100 },
    deviceScaleFactor: 4,
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

/** Every QR code on the page, decoded from its rendered image, with what it belongs to. */
async function qrCodes(page: Page): Promise<{ owner: string; decoded: string | undefined; declared: string }[]> {
  const codes = await page.locator('svg.qr').all();
  const found = [];
  for (const code of codes) {
    const owner = await code.evaluate(
      (el) =>
        el.closest<HTMLElement>('[data-qa]')?.dataset['qa'] ??
        el.closest<HTMLElement>('[data-slogan-topic]')?.dataset['sloganTopic'] ??
        'page',
    );
    const declared = await code.evaluate((el) => el.closest<HTMLElement>('[data-qr]')?.dataset['qr'] ?? '');
    found.push({ owner, decoded: await decodeQr(await code.screenshot()), declared });
  }
  return found;
}

/** Prints the page to an A4 PDF honouring its @page rules and returns the file. */
async function printPdf(page: Page, name: string): Promise<string> {
  const file = join(pdfDir, `${name}.pdf`);
  await page.pdf({ path: file, format: 'A4', preferCSSPageSize: true });
  return file;
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

describe('print index', () => {
  it('links every booklet, leaflet and the slogans page, each of which exists', async () => {
    const html = readFileSync(join(dist, 'in', 'index.html'), 'utf8');
    for (const id of topics) {
      expect(html).toContain(`href="/in/${id}/"`);
      expect(html).toContain(`href="/in/${id}/to-roi/"`);
      expect(existsSync(join(dist, 'in', id, 'index.html'))).toBe(true);
      expect(existsSync(join(dist, 'in', id, 'to-roi', 'index.html'))).toBe(true);
    }
    expect(html).toContain('href="/in/khau-hieu/"');
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

  it('prints every Q&A in order, on the estimated number of A4 pages, inside the margins, with working QR codes', async () => {
    const { page, context } = await openForPrint(`/in/${topic}/`, 180);
    try {
      expect(await overflowing(page)).toEqual([]);

      // The Q&A in the page are the topic's, in order.
      const ids = await page
        .locator('[data-qa]')
        .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset['qa']));
      expect(ids).toEqual(qa.map((q) => q.id));

      // Every QR code decodes to its own Q&A's page or recording, under the configured site.
      const codes = await qrCodes(page);
      expect(codes).toHaveLength(qa.length + 1);
      for (const code of codes) {
        const want =
          code.owner === 'page' ? `${SITE}/chu-de/${topic}/` : `${SITE}${qa.find((q) => q.id === code.owner)!.target}`;
        expect(code.decoded, `QR of ${code.owner}`).toBe(want);
        expect(code.declared).toBe(want);
      }
      // The address is printed beside each code, without the scheme.
      const printed = await page.locator('.qr-url').allInnerTexts();
      expect(printed).toEqual(codes.map((c) => c.decoded!.replace(/^https:\/\//, '')));

      const estimate = Number(await page.locator('.print-note').getAttribute('data-pages'));
      const file = await printPdf(page, `booklet-${topic}`);
      const pages = await pdfPages(file);
      measured[`booklet ${topic}`] = { pages: pages.length, estimate, bytes: statSync(file).size };
      expect(pages.every(portraitA4), 'every page is portrait A4').toBe(true);
      expect(pages.length, 'the page count the booklet announces').toBe(estimate);

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
    } finally {
      await context.close();
    }
  });

  it('prints the Q&A in the order the topic page lists them', () => {
    const page = readFileSync(join(dist, 'chu-de', topic, 'index.html'), 'utf8');
    const listed = /<h2 id="hoi-dap">[\s\S]*?<ol>([\s\S]*?)<\/ol>/.exec(page)?.[1] ?? '';
    const booklet = readFileSync(join(dist, 'in', topic, 'index.html'), 'utf8');
    const printed = [...booklet.matchAll(/data-qa="([^"]+)"/g)].map((m) => m[1]);
    expect([...listed.matchAll(/href="\/hoi-dap\/([^"]+)\/"/g)].map((m) => m[1])).toEqual(printed);
    expect(printed).toEqual(qa.map((q) => q.id));
  });

  it('announces the same page count on the print index', async () => {
    const booklet = readFileSync(join(dist, 'in', topic, 'index.html'), 'utf8');
    const index = readFileSync(join(dist, 'in', 'index.html'), 'utf8');
    const pages = /class="print-note" data-pages="(\d+)"/.exec(booklet)?.[1];
    const listed = new RegExp(`href="/in/${topic}/"[^]*?data-pages="(\\d+)"`).exec(index)?.[1];
    expect(pages).toBeDefined();
    expect(listed).toBe(pages);
  });
});

describe.each(topics)('leaflet /in/%s/to-roi/', (topic) => {
  it('fits one A4 page with the key messages, hotlines, period and a QR code to the topic', async () => {
    const fm = frontMatter(readFileSync(join(content, 'topics', `${topic}.md`), 'utf8'));
    const { page, context } = await openForPrint(`/in/${topic}/to-roi/`, 180);
    try {
      expect(await overflowing(page)).toEqual([]);
      const codes = await qrCodes(page);
      expect(codes.map((c) => c.decoded)).toEqual([`${SITE}/chu-de/${topic}/`]);

      const file = await printPdf(page, `leaflet-${topic}`);
      const pages = await pdfPages(file);
      measured[`leaflet ${topic}`] = { pages: pages.length, bytes: statSync(file).size };
      expect(pages).toHaveLength(1);
      expect(portraitA4(pages[0]!)).toBe(true);

      const text = await pdfText(file);
      const messages = (fm['keyMessages'] as string[] | undefined) ?? [];
      for (const m of messages) expect(text).toContain(flat(m));
      if (messages.length === 0) expect(text).toContain(flat(strings['print.noKeyMessages']));
      const hotlines = readFileSync(join(content, 'topics', `${topic}.md`), 'utf8').matchAll(/number:\s*"([^"]+)"/g);
      for (const [, number] of hotlines) expect(text).toContain(number);
      expect(text).toMatch(/\d{2}\/\d{2}\/\d{4} – \d{2}\/\d{2}\/\d{4}/);

      expect(await wordsOutside(file, 15)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('banner slogans /in/khau-hieu/', () => {
  const expected = slogans(content);

  it('prints each slogan alone on a landscape A4 page, inside the margins, with a QR code to its topic', async () => {
    const { page, context } = await openForPrint('/in/khau-hieu/', 277);
    try {
      expect(await overflowing(page)).toEqual([]);
      const codes = await qrCodes(page);
      expect(codes.map((c) => c.decoded)).toEqual(expected.map((s) => `${SITE}/chu-de/${s.topic}/`));

      const file = await printPdf(page, 'slogans');
      const pages = await pdfPages(file);
      measured['slogans'] = { pages: pages.length, bytes: statSync(file).size };
      expect(pages).toHaveLength(Math.max(1, expected.length));
      if (expected.length > 0) expect(pages.every(landscapeA4), 'every page is landscape A4').toBe(true);
      for (const [i, slogan] of expected.entries()) expect(await pdfText(file, i + 1)).toContain(flat(slogan.text));

      // Very large type: no slogan is smaller than 32 pt, the smallest size a banner sheet uses.
      const sizes = await page
        .locator('.slogan')
        .evaluateAll((els) => els.map((e) => parseFloat(getComputedStyle(e).fontSize)));
      for (const size of sizes) expect(size).toBeGreaterThanOrEqual((32 * 96) / 72 - 0.1);

      expect(await wordsOutside(file, 10)).toEqual([]);
    } finally {
      await context.close();
    }
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

describe('a topic with nothing to print yet (fixture site)', () => {
  let fixture: FixtureSite;
  beforeAll(async () => {
    fixture = await fixtureSite();
  });

  it('still has a valid booklet, a one-page leaflet and a slogans page that say so', async () => {
    expect(slogans(fixture.content)).toEqual([]);
    expect(expectedQa(fixture.content, FIXTURE.emptyTopic)).toEqual([]);
    const empty = await serve(fixture.dist);
    const context = await browser.newContext({ viewport: { width: Math.floor(180 * PX), height: 1100 } });
    try {
      const page = await context.newPage();
      for (const [path, count, notice] of [
        [`/in/${FIXTURE.emptyTopic}/`, undefined, strings['print.noQa']],
        [`/in/${FIXTURE.emptyTopic}/to-roi/`, 1, strings['print.noKeyMessages']],
        ['/in/khau-hieu/', 1, strings['print.noSlogans']],
      ] as const) {
        await page.goto(empty.url + path);
        await page.emulateMedia({ media: 'print' });
        const file = await printPdf(page, `empty-${path.replace(/\W+/g, '-')}`);
        const pages = await pdfPages(file);
        const expected = count ?? Number(await page.locator('.print-note').getAttribute('data-pages'));
        expect(pages.length, path).toBe(expected);
        expect(await pdfText(file), path).toContain(flat(notice));
      }
    } finally {
      await context.close();
      await empty.close();
    }
  });
});

describe('production build with a local SITE_URL', () => {
  let result: BuildResult;
  // In a hook, whose time limit allows for waiting on other test files' builds on a busy machine.
  beforeAll(async () => {
    const out = scratchOut('print-localhost');
    result = await build({ outDir: out, env: { SITE_URL: 'http://localhost:4321' } });
    await Promise.all([out, `${out}-cache`].map((d) => rm(d, { recursive: true, force: true })));
  });

  it('fails instead of printing QR codes that only open on the build machine', () => {
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('SITE_URL đang là "http://localhost:4321"');
  });
});
