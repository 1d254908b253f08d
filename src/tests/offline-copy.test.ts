/** The whole site as one offline file: `npm run offline` run on a copy of the shared test build writes the ZIM file,
 * zimcheck passes it, and Debian's kiwix-serve serves it on 127.0.0.1 to the system Chromium, which reads a Q&A,
 * plays a recording, searches with the site's own search and with Kiwix's, never leaves the file and logs no error
 * from our pages. The site's offline and station pages then offer the file with its size and date. */
import { execFile, spawn } from 'node:child_process';
import { cp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Response } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from '../../scripts/lib/browser';
import { settled, shown } from '../../scripts/lib/search-page';
import yaml from 'js-yaml';
import { formatBytes, formatDate } from '../lib/format';
import { issuerName } from '../lib/issuer';
import { scratchOut } from './helpers/build';
import { kiwixServe, type KiwixServer } from './helpers/kiwix';
import { root, siteDist } from './helpers/paths';
import strings from '../i18n/vi.json';

const run = promisify(execFile);
/** The budget on the real content: small enough for Bluetooth or Zalo. */
const MAX_BYTES = 50_000_000;
const HOTLINE_QA = 'hoi-dap/phong-chong-mua-ban-nguoi/tong-dai-111/index.html';

const out = scratchOut('offline-copy');
let output = '';
let zim = '';
let kiwix: KiwixServer;
let browser: Browser;

beforeAll(async () => {
  await cp(siteDist, out, { recursive: true });
  output = await new Promise<string>((done, fail) => {
    const child = spawn(process.execPath, [join(root, 'scripts/offline.ts')], {
      cwd: root,
      env: { ...process.env, LOA_BAN_OUT: out },
    });
    let text = '';
    child.stdout.on('data', (d) => (text += d));
    child.stderr.on('data', (d) => (text += d));
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? done(text) : fail(new Error(`npm run offline failed:\n${text}`))));
  });
  const name = (await readdir(join(out, 'ngoai-tuyen'))).find((f) => f.endsWith('.zim'));
  if (!name) throw new Error(`no ZIM file written:\n${output}`);
  zim = join(out, 'ngoai-tuyen', name);
  [kiwix, browser] = await Promise.all([kiwixServe(zim), launch()]);
});

afterAll(async () => {
  await browser?.close();
  await kiwix?.close();
  await rm(out, { recursive: true, force: true });
});

/** A page in the ZIM as kiwix-serve serves it. */
const inZim = (path: string) => `${kiwix.url}/${kiwix.book}/${path}`;

/** A browser page that records every request, failed request and console error while it is used. */
async function watched(context: BrowserContext) {
  const page = await context.newPage();
  const requests: { url: string; status: number | undefined }[] = [];
  const failed: string[] = [];
  const errors: string[] = [];
  page.on('requestfinished', async (request) => {
    // A request that finishes as the test closes the page has no response to read any more: nothing to record then.
    let response: Response | null;
    try {
      response = await request.response();
    } catch {
      return;
    }
    requests.push({ url: request.url(), status: response?.status() });
  });
  page.on('requestfailed', (request) => failed.push(`${request.url()}: ${request.failure()?.errorText}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => errors.push(`${error.message}`));
  return { page, requests, failed, errors };
}

/** What the issue asks of every visit: no request leaves the ZIM (only kiwix-serve's own toolbar files, under /skin/,
 * come from elsewhere on the same server), none fails, every file of ours is there, no service worker is asked
 * for, and our pages log no console error. */
function expectSelfContained(visit: Awaited<ReturnType<typeof watched>>) {
  const urls = visit.requests.map((r) => r.url).filter((u) => !u.startsWith('data:'));
  expect(
    urls.filter((u) => !u.startsWith(`${kiwix.url}/${kiwix.book}/`) && !u.startsWith(`${kiwix.url}/skin/`)),
  ).toEqual([]);
  expect(visit.failed).toEqual([]);
  expect(visit.requests.filter((r) => r.status !== 200 && r.status !== 206 && r.status !== 304)).toEqual([]);
  expect(urls.filter((u) => /\/sw\.js$/.test(u))).toEqual([]);
  expect(visit.errors).toEqual([]);
}

describe('npm run offline', () => {
  it('writes loa-ban-vi-<yyyy-mm>.zim beside the offline page, within 50 MB', async () => {
    const month = new Date().toISOString().slice(0, 7);
    expect(zim.endsWith(`/ngoai-tuyen/loa-ban-vi-${month}.zim`), zim).toBe(true);
    const { size } = await stat(zim);
    console.info(`offline copy: ${zim.split('/').at(-1)} ${size} bytes; ${output.trim()}`);
    expect(size).toBeLessThanOrEqual(MAX_BYTES);
  });

  it('passes zimcheck -A', async () => {
    const { stdout, stderr } = await run('zimcheck', ['-A', zim], { maxBuffer: 16 << 20 });
    expect(`${stdout}${stderr}`).toContain('Overall Test Status: Pass');
  });

  it('carries the metadata Kiwix shows in its library, a 48×48 illustration and the home page as main page', async () => {
    const catalog = await (await fetch(`${kiwix.url}/catalog/v2/entries`)).text();
    const entries = /<entry>[\s\S]*<\/entry>/.exec(catalog)?.[0] ?? '';
    const field = (name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(entries)?.[1];
    expect(field('title')).toBe('Loa Bản');
    expect(field('summary')).toBe(strings['site.tagline']);
    expect(field('language')).toBe('vie');
    expect(field('name')).toBe('loa-ban_vi_lang-son');
    // The issuing body from the settings, or the site name where the repository names none (issue 11).
    const settings = (
      yaml.load(await readFile(join(root, 'content/settings.yaml'), 'utf8')) as {
        site: { siteName: string; issuer?: string };
      }
    ).site;
    const signer = issuerName(settings);
    expect(entries).toMatch(new RegExp(`<author>\\s*<name>${signer}</name>`));
    expect(entries).toMatch(new RegExp(`<publisher>\\s*<name>${signer}</name>`));
    expect(entries).toContain('_ftindex:yes');
    expect(field('issued') ?? field('updated')).toMatch(new RegExp(`^${new Date().toISOString().slice(0, 7)}`));
    const icon = /href="([^"]+)"\s+type="image\/png;width=48;height=48/.exec(entries)?.[1];
    expect(icon).toBeDefined();
    const png = Buffer.from(await (await fetch(`${kiwix.url}${icon!.replace(/&amp;/g, '&')}`)).arrayBuffer());
    expect(await sharp(png).metadata()).toMatchObject({ format: 'png', width: 48, height: 48 });
    const main = await fetch(`${kiwix.url}/${kiwix.book}/`, { redirect: 'manual' });
    expect(main.headers.get('location')).toBe(`/${kiwix.book}/index.html`);
  });

  it('leaves out the original recordings by default, and links none of them', async () => {
    const pages = await readdir(join(out, 'ban-nghe'));
    const id = pages.find((p) => p.endsWith('-vi'))!;
    expect((await fetch(inZim(`ban-nghe/${id}/${id}-tiet-kiem.mp3`))).status).toBe(200);
    expect((await fetch(inZim(`ban-nghe/${id}/${id}.mp3`))).status).toBe(404);
    const html = await (await fetch(inZim(`ban-nghe/${id}/index.html`))).text();
    expect(html).toContain(`${id}-tiet-kiem.mp3`);
    expect(html).not.toContain(`${id}.mp3"`);
    expect(html).not.toContain(strings['audio.original']);
  });
});

describe('the ZIM in kiwix-serve and Chromium', () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await browser.newContext();
  });
  afterAll(async () => context?.close());

  it('opens a Q&A page with its text, the offline notice, and no CSP, service worker or broken request', async () => {
    const visit = await watched(context);
    const response = await visit.page.goto(inZim(HOTLINE_QA));
    expect(response?.status()).toBe(200);
    expect(await visit.page.locator('h1').innerText()).toBe('Tổng đài 111 là gì? Khi nào thì gọi?');
    expect(await visit.page.locator('main').innerText()).toContain('111');
    const notice = await visit.page.locator('.copy-notice').innerText();
    expect(notice).toContain(`Bản ngoại tuyến, làm ngày ${formatDate(new Date())}`);
    expect(await visit.page.locator('meta[http-equiv="content-security-policy" i]').count()).toBe(0);
    // kiwix-serve's own toolbar runs: nothing blocks it.
    expect(await visit.page.locator('#kiwixtoolbar').count()).toBe(1);
    await visit.page.waitForLoadState('networkidle');
    expect(await visit.page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
    // Every link of the page opens inside the ZIM.
    const links = await visit.page.locator('a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    for (const href of new Set(links.filter((l) => l.startsWith(`${kiwix.url}/${kiwix.book}/`)))) {
      expect((await fetch(href.split('#')[0]!)).status, href).toBe(200);
    }
    expectSelfContained(visit);
    await visit.page.close();
  });

  it('plays a recording from its phone copy in the ZIM (200 or 206)', async () => {
    const visit = await watched(context);
    const id = (await readdir(join(out, 'ban-nghe'))).find((p) => p.endsWith('-vi'))!;
    await visit.page.goto(inZim(`ban-nghe/${id}/index.html`));
    const mp3 = visit.page.waitForResponse((r) => r.url().endsWith('.mp3'));
    const played = await visit.page.locator('audio').evaluate(async (audio: HTMLAudioElement) => {
      audio.muted = true;
      await audio.play();
      await new Promise((ok) => (audio.readyState >= 2 ? ok(null) : audio.addEventListener('canplay', ok)));
      return { src: audio.currentSrc, duration: audio.duration };
    });
    const response = await mp3;
    expect([200, 206]).toContain(response.status());
    expect(played.src).toBe(inZim(`ban-nghe/${id}/${id}-tiet-kiem.mp3`));
    expect(played.duration).toBeGreaterThan(1);
    expectSelfContained(visit);
    await visit.page.close();
  });

  it('finds "duong day nong" with the site\'s own search ("d" for "đ"), and the result opens the 111 page', async () => {
    const visit = await watched(context);
    await visit.page.goto(inZim(`tim-kiem/index.html?q=${encodeURIComponent('duong day nong')}`));
    expect(await settled(visit.page)).toBe('results');
    const results = await shown(visit.page);
    const hotline = results.find((r) => r.href.endsWith(HOTLINE_QA));
    expect(hotline, JSON.stringify(results)).toBeDefined();
    expect(hotline!.href).toBe(`../${HOTLINE_QA}`);
    await visit.page.locator(`#search-results a[href="${hotline!.href}"]`).click();
    await visit.page.waitForURL(inZim(HOTLINE_QA));
    expect(await visit.page.locator('h1').innerText()).toBe('Tổng đài 111 là gì? Khi nào thì gọi?');
    expectSelfContained(visit);
    await visit.page.close();
  });

  it('submits the header search form to the search page inside the ZIM', async () => {
    const visit = await watched(context);
    await visit.page.goto(inZim('index.html'));
    await visit.page.locator('#site-q').fill('tong dai');
    await visit.page.locator('.search-form button').click();
    await visit.page.waitForURL(/\/tim-kiem\/index\.html\?q=tong\+dai$/);
    expect(await settled(visit.page)).toBe('results');
    expect((await shown(visit.page)).map((r) => r.href)).toContain(`../${HOTLINE_QA}`);
    expectSelfContained(visit);
    await visit.page.close();
  });

  it('lists the anti-trafficking pages for "mua ban nguoi" in Kiwix\'s own search, and they open', async () => {
    const search = await context.newPage();
    await search.goto(`${kiwix.url}/search?content=${kiwix.book}&pattern=${encodeURIComponent('mua ban nguoi')}`);
    const found = await search.locator('.results a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    await search.close();
    const trafficking = found.filter(
      (href) => href.startsWith(inZim('')) && href.includes('phong-chong-mua-ban-nguoi'),
    );
    expect(trafficking.length, found.join('\n')).toBeGreaterThanOrEqual(3);
    // Kiwix's results page is the reader's own; the page it opens is ours, and must be clean.
    const visit = await watched(context);
    const response = await visit.page.goto(trafficking[0]!);
    expect(response?.status()).toBe(200);
    expectSelfContained(visit);
    await visit.page.close();
  });

  it('does not offer the ZIM inside itself', async () => {
    const html = await (await fetch(inZim('ngoai-tuyen/index.html'))).text();
    expect(html).not.toContain('.zim');
    expect(html).not.toContain(strings['offlineCopy.title']);
  });
});

describe('the published site after npm run offline', () => {
  it('offers the ZIM on the offline page and the station page with its size and date', async () => {
    const name = zim.split('/').at(-1)!;
    const { size } = await stat(zim);
    for (const page of ['ngoai-tuyen/index.html', 'dai-truyen-thanh/index.html']) {
      const html = await readFile(join(out, page), 'utf8');
      const link = new RegExp(`<a href="/ngoai-tuyen/${name}"[^>]*>([^<]+)</a> \\(([^)]+)\\)`).exec(html);
      expect(link, page).not.toBeNull();
      expect(link![2]).toBe(`${formatBytes(size)}, làm ngày ${formatDate(new Date())}`);
      // Servers send the precompressed twins: they say the same.
      expect(brotliDecompressSync(await readFile(join(out, `${page}.br`))).toString()).toBe(html);
      expect(gunzipSync(await readFile(join(out, `${page}.gz`))).toString()).toBe(html);
    }
    // The pages changed, so the service worker carries a new stamp and residents get them.
    const [before, after] = await Promise.all([
      readFile(join(siteDist, 'sw.js'), 'utf8'),
      readFile(join(out, 'sw.js'), 'utf8'),
    ]);
    expect(after).toMatch(/const VERSION = '[0-9a-f]{12}'/);
    expect(after).not.toBe(before);
    expect(brotliDecompressSync(await readFile(join(out, 'sw.js.br'))).toString()).toBe(after);
  });

  it('replaces its earlier copy and block when run again', async () => {
    const again = await promisify(execFile)(process.execPath, [join(root, 'scripts/offline.ts')], {
      cwd: root,
      env: { ...process.env, LOA_BAN_OUT: out },
    });
    expect(again.stdout).toContain('Đã ghi');
    expect((await readdir(join(out, 'ngoai-tuyen'))).filter((f) => f.endsWith('.zim'))).toHaveLength(1);
    const html = await readFile(join(out, 'ngoai-tuyen/index.html'), 'utf8');
    expect(html.match(/<section class="offline-copy"/g)).toHaveLength(1);
  });
});
