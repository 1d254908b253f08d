/** The residents' inbox end to end in the system Chromium, against the real service (`node src/inbox/main.ts`) and a
 * real SQLite file, behind a loopback server that proxies /api/ and /bien-tap/hop-thu/ as nginx does. The site is the
 * test build, made with LOA_BAN_INBOX=1. */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_MICROPHONE, launch, launchPersistent } from '../../scripts/lib/browser';
import { serve, type StaticServer } from '../../scripts/lib/static-server';
import { INBOX_PREFIXES } from '../lib/urls';
import { EDITOR, gitCopy, inboxService, query } from './helpers/inbox';
import { siteDist } from './helpers/paths';

// Drafts go to a git working copy pushed to a stand-in git host. Cookies keep `Secure`: Chromium accepts it on
// loopback, so the editors' login runs as in production.
let repo: ReturnType<typeof gitCopy>;
const inbox = inboxService((dir) => {
  repo = gitCopy(dir);
  return { LOA_BAN_INBOX_GIT_DIR: repo.work, LOA_BAN_INBOX_GIT_PUSH: '1' };
});
let site: StaticServer;
let browser: Browser;
const QA = '/hoi-dap/dieu-tra-53-dan-toc/ai-duoc-dieu-tra/';

beforeAll(async () => {
  [site, browser] = await Promise.all([
    serve(siteDist, { prefixes: INBOX_PREFIXES, target: () => inbox.service.url }),
    launch({ args: FAKE_MICROPHONE }),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const rows = (question: string) =>
  query<{ code: string; topic: string; lang: string; page: string; commune: string | null }>(
    inbox.database,
    'SELECT code, topic, lang, page, commune FROM submissions WHERE question = ?',
    question,
  );

/** Opens `path` and waits until the service worker controls the page (and has kept the form's script). */
async function controlled(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(site.url + path);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  return page;
}

async function login(page: Page) {
  await page.goto(`${site.url}/bien-tap/hop-thu/`);
  await page.fill('#username', EDITOR.username);
  await page.fill('#password', EDITOR.password);
  await page.click('button[type="submit"]');
  await page.waitForURL(`${site.url}/bien-tap/hop-thu/`);
}

describe('the question form', () => {
  it('sends a question with JavaScript off: a plain POST, then a thank-you page with the reference code', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.url + QA);
    const question = 'Nhà tôi ở bản xa, cán bộ điều tra có đến tận nhà không?';
    await page.fill('#ask-q', question);
    await page.fill('#ask-commune', 'Xã Tân Thanh');
    await page.click('form[data-ask] button[type="submit"]');
    await expect.poll(() => page.locator('h1').textContent()).toContain('Cảm ơn');
    const code = (await page.locator('.code').textContent())!.trim();
    expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(await page.locator('main').textContent()).toContain('đã nhận');
    expect(rows(question)).toEqual([
      { code, topic: 'dieu-tra-53-dan-toc', lang: 'vi', page: QA, commune: 'Xã Tân Thanh' },
    ]);
    await context.close();
  });

  it('keeps a question written with no signal and sends it once when the signal returns, despite a double press', async () => {
    const context = await browser.newContext();
    const page = await controlled(context, QA);
    await context.setOffline(true);
    const question = 'Mất sóng cả ngày, tôi hỏi: điều tra có mất tiền không?';
    await page.fill('#ask-q', question);
    await page.dblclick('form[data-ask] button[type="submit"]');
    await expect.poll(() => page.locator('[data-ask-status]').textContent()).toContain('Chưa có sóng');
    expect(rows(question)).toEqual([]);
    await context.setOffline(false);
    await expect.poll(() => page.locator('[data-ask-status]').textContent(), { timeout: 20_000 }).toContain('Đã gửi');
    const shown = /Mã câu hỏi của bà con: ([2-9A-Z]{4}-[2-9A-Z]{4})/.exec(
      (await page.locator('[data-ask-status]').textContent())!,
    )![1];
    await page.waitForTimeout(500);
    expect(rows(question).map((r) => r.code)).toEqual([shown]);
    expect(await page.evaluate(() => localStorage.getItem('loa-ban-hop-thu'))).toBeNull();
    await context.close();
  });

  it('sends a question written offline on the next visit after the browser was closed, exactly once', async () => {
    const profile = await mkdtemp(join(tmpdir(), 'loa-ban-profile-'));
    try {
      let context = await launchPersistent(profile);
      let page = await controlled(context, QA);
      await context.setOffline(true);
      const question = 'Viết lúc mất sóng rồi tắt máy: ai được hỏi trong cuộc điều tra?';
      await page.fill('#ask-q', question);
      await page.click('form[data-ask] button[type="submit"]');
      await expect.poll(() => page.locator('[data-ask-status]').textContent()).toContain('Chưa có sóng');
      await context.close();
      expect(rows(question)).toEqual([]);

      context = await launchPersistent(profile);
      page = await context.newPage();
      await page.goto(`${site.url}/`); // any page of the site
      await expect.poll(() => rows(question).length, { timeout: 20_000 }).toBe(1);
      await expect.poll(() => page.evaluate(() => localStorage.getItem('loa-ban-hop-thu'))).toBeNull();
      await page.reload();
      await page.waitForTimeout(1000);
      expect(rows(question)).toHaveLength(1);
      await context.close();
    } finally {
      await rm(profile, { recursive: true, force: true });
    }
  });

  it('delivers once when the connection drops after the service stored the message but before the answer arrived', async () => {
    const context = await browser.newContext();
    const page = await controlled(context, QA);
    let cut = 0;
    await context.route('**/api/cau-hoi/', async (route) => {
      if (cut++ > 0) return route.continue();
      await route.fetch(); // the service receives and stores it…
      await route.abort('connectionreset'); // …and the phone never hears back
    });
    const question = 'Sóng chập chờn: hộ nghèo có được hỗ trợ khi điều tra không?';
    await page.fill('#ask-q', question);
    await page.click('form[data-ask] button[type="submit"]');
    // Sent again with the same key (by the page, or by Background Sync from the service worker, whichever comes
    // first): the service answers with the code it gave the first time.
    await expect.poll(() => page.locator('[data-ask-status]').textContent(), { timeout: 20_000 }).toContain('Đã gửi');
    await expect.poll(() => page.evaluate(() => localStorage.getItem('loa-ban-hop-thu'))).toBeNull();
    expect(cut).toBeGreaterThanOrEqual(2);
    const shown = /([2-9A-Z]{4}-[2-9A-Z]{4})/.exec((await page.locator('[data-ask-status]').textContent())!)![1];
    expect(rows(question).map((r) => r.code)).toEqual([shown]);
    await context.close();
  });
});

describe('a question by voice', () => {
  it('goes from a Q&A page to the voice page, records, sends with the Q&A page’s topic, and plays in the inbox', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(site.url + QA);
    // Content pages never ask for the microphone: they link to the one page whose headers allow it.
    expect(await page.locator('[data-record]').count()).toBe(0);
    await page.click('form[data-ask] a[href^="/hoi-bang-giong-noi/"]');
    await page.waitForURL(/\/hoi-bang-giong-noi\/\?/);
    await page.focus('#ask-q'); // first interaction loads the form's script
    const record = page.locator('[data-record]');
    await expect.poll(() => record.isVisible()).toBe(true);
    await record.click();
    await expect.poll(() => page.locator('[data-ask-status]').textContent()).toContain('Đang ghi âm');
    await page.waitForTimeout(2500);
    await record.click();
    await expect.poll(() => page.locator('[data-ask-status]').textContent()).toContain('Đã ghi âm');
    await page.fill('#ask-commune', 'Xã Ghi Âm');
    await page.click('form[data-ask] button[type="submit"]');
    await expect.poll(() => page.locator('[data-ask-status]').textContent(), { timeout: 20_000 }).toContain('Đã gửi');
    const [stored] = query<{ id: number; code: string; type: string; bytes: number; topic: string; page: string }>(
      inbox.database,
      "SELECT id, code, audio_type AS type, length(audio) AS bytes, topic, page FROM submissions WHERE commune = 'Xã Ghi Âm'",
    );
    expect(stored).toMatchObject({ type: 'audio/webm', topic: 'dieu-tra-53-dan-toc', page: QA });
    expect(stored!.bytes).toBeGreaterThan(2000);

    await login(page);
    const audio = page.locator(`article[data-code="${stored!.code}"] audio`);
    const played = await audio.evaluate(
      (a: HTMLAudioElement) =>
        new Promise<number>((done) => {
          a.addEventListener('timeupdate', () => a.currentTime > 0.5 && done(a.currentTime));
          a.addEventListener('error', () => done(-1));
          a.muted = true;
          void a.play().catch(() => done(-2));
          setTimeout(() => done(a.currentTime), 10_000);
        }),
    );
    expect(played).toBeGreaterThan(0.5);
    await context.close();
  });
});

describe('done when', () => {
  it('a question asked with no signal reaches the inbox when the signal returns, and an editor turns it into an answer', async () => {
    // The resident, on a phone that has opened the site once.
    const phone = await browser.newContext();
    const resident = await controlled(phone, QA);
    await phone.setOffline(true);
    const question = 'Bản tôi chưa ai đến điều tra, tôi phải làm gì? Tôi là Vàng A Sử, số 0911 222 333.';
    await resident.fill('#ask-q', question);
    await resident.fill('#ask-name', 'Vàng A Sử');
    await resident.fill('#ask-commune', 'Xã Tả Van');
    await resident.fill('#ask-phone', '0911 222 333');
    await resident.click('form[data-ask] button[type="submit"]');
    await expect.poll(() => resident.locator('[data-ask-status]').textContent()).toContain('Chưa có sóng');
    await phone.setOffline(false);
    await expect
      .poll(() => resident.locator('[data-ask-status]').textContent(), { timeout: 20_000 })
      .toContain('Đã gửi');
    const code = rows(question)[0]!.code;

    // The editor finds it, makes a draft Q&A for the git host, and links the published answer.
    const desk = await browser.newContext();
    const editor = await desk.newPage();
    await login(editor);
    await editor.selectOption('#f-commune', 'Xã Tả Van');
    await editor.click('form.filters button[type="submit"]');
    const item = editor.locator(`article[data-code="${code}"]`);
    expect(await item.textContent()).toContain('Vàng A Sử');
    await item.locator('summary', { hasText: 'Tạo bản nháp' }).click();
    await item.locator('textarea[name="question"]').fill('Bản chưa có ai đến điều tra thì người dân làm gì?');
    await item.locator('form[action$="ban-nhap"] button').click();
    await expect.poll(() => editor.locator('[role="status"]').textContent()).toContain('Đã tạo bản nháp');
    const draft = join(repo.work, `content/qa/dieu-tra-53-dan-toc/_hop-thu-${code.toLowerCase()}.md`);
    expect(existsSync(draft)).toBe(true);
    expect(readFileSync(draft, 'utf8')).not.toMatch(/Vàng A Sử|0911/);
    expect(repo.git(repo.host, 'log', '--format=%s', '-1')).toContain(code);
    await editor.locator(`article[data-code="${code}"] summary`, { hasText: 'Đánh dấu đã trả lời' }).click();
    await editor.fill(`article[data-code="${code}"] input[name="answer"]`, QA);
    await editor.locator(`article[data-code="${code}"] form[action$="tra-loi"] button`).click();
    await expect.poll(() => editor.locator('[role="status"]').textContent()).toContain('đã trả lời');

    // The resident follows the status link and reaches the answer.
    await resident.locator('[data-ask-status] a').click();
    await expect.poll(() => resident.locator('main').textContent()).toContain('đã trả lời');
    await resident.locator('main a', { hasText: 'Xem câu trả lời' }).click();
    await resident.waitForURL(site.url + QA);
    // The service worker left the service's pages alone: nothing under /api/ or /bien-tap/ was kept.
    const kept = await resident.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) for (const r of await (await caches.open(name)).keys()) urls.push(r.url);
      return urls;
    });
    expect(kept.some((u) => u.includes('/hoi-dap/'))).toBe(true);
    expect(kept.filter((u) => /\/(api|bien-tap)\//.test(u))).toEqual([]);
    await Promise.all([phone.close(), desk.close()]);
  });
});
