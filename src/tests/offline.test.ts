/** Offline reading in real Chromium: a page opened once and a recording saved once still open with no signal. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
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
