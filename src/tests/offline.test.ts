/** Offline reading in real Chromium: a page opened once and a recording saved once still open with no signal; a page
 * that stalls falls back to its saved copy after 4 s; under Save-Data nothing is saved ahead. */
import { readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { launch } from '../../scripts/lib/browser';
import { siteInBrowser } from './helpers/browser';
import { root } from './helpers/paths';

const site = siteInBrowser();

/** The first entry page of a collection: its id is a content file name, so list pages never stand in for it. */
const firstPage = (collection: string, prefix: string) => {
  const id = readdirSync(join(root, 'content', collection), { recursive: true, encoding: 'utf8' }).find((f) =>
    f.endsWith('.md'),
  );
  if (!id) throw new Error(`no entry in content/${collection}`);
  return `${prefix}${id.replace(/\.md$/, '')}/`;
};

/** Opens `path` and waits until the service worker controls the page. */
async function controlled(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(site.server.url + path);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  return page;
}

describe('offline reading', () => {
  it('reopens a page read before, with no network', async () => {
    const context = await site.browser.newContext();
    const path = firstPage('qa', '/hoi-dap/');
    const page = await controlled(context, path);
    await page.reload(); // now through the worker, which keeps a copy
    const heading = await page.locator('h1').textContent();
    await context.setOffline(true);
    await page.reload();
    expect(await page.locator('h1').textContent()).toBe(heading);
    // A page never opened falls back to the offline page, which lists what is saved.
    await page.goto(`${site.server.url}/chinh-sach/`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Đọc khi mất sóng');
    await expect.poll(() => page.locator('#saved-pages a').allTextContents()).toContain(heading);
    await context.close();
  });

  it('plays a saved recording with no network', async () => {
    const context = await site.browser.newContext();
    const path = firstPage('audio', '/ban-nghe/');
    const page = await controlled(context, path);
    const button = page.locator('button[data-save-audio]');
    await expect.poll(() => button.isVisible()).toBe(true);
    const file = (await button.getAttribute('data-save-audio'))!;
    await button.click();
    await expect.poll(() => button.isDisabled()).toBe(true);
    await expect.poll(() => button.textContent()).toContain('Đã lưu');
    await context.setOffline(true);
    await page.reload();
    const result = await page.evaluate(async (url) => {
      const whole = await fetch(url);
      const part = await fetch(url, { headers: { range: 'bytes=0-99' } });
      return {
        ok: whole.ok,
        bytes: (await whole.arrayBuffer()).byteLength,
        status: part.status,
        partBytes: (await part.arrayBuffer()).byteLength,
      };
    }, file);
    expect(result.ok).toBe(true);
    expect(result.bytes).toBeGreaterThan(1000);
    expect(result).toMatchObject({ status: 206, partBytes: 100 });
    await context.close();
  });
});

describe('a slow link', () => {
  it('a page that stalls longer than 4 s opens from the copy saved when it was read, after those 4 s', async () => {
    const context = await site.browser.newContext();
    const path = firstPage('qa', '/hoi-dap/');
    const page = await controlled(context, path);
    await page.reload(); // through the worker, which keeps a copy
    const heading = await page.locator('h1').textContent();
    // From now on the network answers this page only when the test ends, and then with another page.
    let release = () => {};
    const stalled = new Promise<void>((r) => (release = r));
    let asked = 0;
    await context.route(`**${path}`, async (route) => {
      asked++;
      await stalled;
      await route
        .fulfill({ contentType: 'text/html', body: '<!doctype html><title>x</title><h1>Từ mạng</h1>' })
        .catch(() => undefined);
    });
    try {
      const started = Date.now();
      await page.reload({ timeout: 30_000 });
      const waited = Date.now() - started;
      expect(await page.locator('h1').textContent()).toBe(heading);
      expect(asked, 'the worker asked the network first').toBe(1);
      // Network first: the worker waited out its 4 s before giving up on the network (never less; on a busy
      // machine a little more).
      expect(waited).toBeGreaterThanOrEqual(3_900);
    } finally {
      release();
      await context.close();
    }
  });
});

/** A free port on the loopback interface. */
const freePort = () =>
  new Promise<number>((done, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });

/** Makes every service worker the browser starts see Save-Data. Playwright cannot reach a worker before its first
 * line runs, so this speaks the DevTools protocol itself: it attaches to each new target, paused, turns the data
 * saver on in service workers (Emulation.setDataSaverOverride, which sets navigator.connection.saveData), and lets
 * the target run. */
async function saveDataForWorkers(
  port: number,
): Promise<{ workers: () => number; errors: string[]; close: () => void }> {
  const { webSocketDebuggerUrl } = (await (await fetch(`http://127.0.0.1:${port}/json/version`)).json()) as {
    webSocketDebuggerUrl: string;
  };
  const socket = new WebSocket(webSocketDebuggerUrl);
  await new Promise((ready, fail) => {
    socket.addEventListener('open', ready);
    socket.addEventListener('error', fail);
  });
  let id = 0;
  const replies = new Map<number, (reply: { error?: { message: string } }) => void>();
  const send = (method: string, params: object, sessionId?: string) =>
    new Promise<{ error?: { message: string } }>((done) => {
      replies.set(++id, done);
      socket.send(JSON.stringify({ id, method, params, sessionId }));
    });
  let workers = 0;
  const errors: string[] = [];
  socket.addEventListener('message', (event) => {
    const message = JSON.parse(String(event.data)) as {
      id?: number;
      error?: { message: string };
      method?: string;
      params?: { sessionId: string; targetInfo: { type: string }; waitingForDebugger: boolean };
    };
    if (message.id !== undefined) return replies.get(message.id)?.(message);
    if (message.method !== 'Target.attachedToTarget') return;
    const { sessionId, targetInfo, waitingForDebugger } = message.params!;
    void (async () => {
      if (targetInfo.type === 'service_worker') {
        const reply = await send('Emulation.setDataSaverOverride', { dataSaverEnabled: true }, sessionId);
        if (reply.error) errors.push(reply.error.message);
        else workers++;
      }
      if (waitingForDebugger) await send('Runtime.runIfWaitingForDebugger', {}, sessionId);
    })();
  });
  await send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true });
  return { workers: () => workers, errors, close: () => socket.close() };
}

/** Whether the offline page is in the worker's shell cache. */
const offlinePageSaved = (page: Page) =>
  page.evaluate(async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('loa-ban-shell-') && (await (await caches.open(key)).match('/ngoai-tuyen/'))) return true;
    }
    return false;
  });

describe('Save-Data', () => {
  it('without it, the worker saves the offline page when it installs', async () => {
    const context = await site.browser.newContext();
    const page = await controlled(context, '/');
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.state)).toBe('activated');
    expect(await offlinePageSaved(page)).toBe(true);
    await context.close();
  });

  it('with it, the worker saves nothing ahead, not even the offline page', async () => {
    const port = await freePort();
    const browser = await launch({ args: [`--remote-debugging-port=${port}`, '--remote-debugging-address=127.0.0.1'] });
    const saver = await saveDataForWorkers(port);
    try {
      const context = await browser.newContext();
      const page = await controlled(context, '/');
      expect(saver.errors).toEqual([]);
      expect(saver.workers(), 'the worker ran under Save-Data').toBeGreaterThan(0);
      expect(
        await context
          .serviceWorkers()[0]!
          .evaluate(() => (navigator as { connection?: { saveData?: boolean } }).connection?.saveData),
      ).toBe(true);
      expect(await offlinePageSaved(page)).toBe(false);
      // So a page never opened, with no signal, gets the worker's short notice instead of the offline page.
      await context.setOffline(true);
      await page.goto(`${site.server.url}/chinh-sach/`);
      expect(await page.locator('h1').count()).toBe(0);
      expect(await page.textContent('body')).toContain('Mất kết nối mạng');
      await context.close();
    } finally {
      saver.close();
      await browser.close();
    }
  });
});
