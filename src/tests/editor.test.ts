/** The editing app end to end, as editors use it: `npm run edit` (scripts/edit.ts: decap-server's git mode and the
 * dev server) on a COPY of the content made into its own git repository, driven in the system Chromium. A Q&A created
 * and published through the forms, an MP3 uploaded, a recording made with Chromium's fake microphone on a 360 px
 * screen; then one build of that copy publishes them. The real content/ is never touched. */
import AxeBuilder from '@axe-core/playwright';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import yaml from 'js-yaml';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from '../../scripts/lib/browser';
import { serve } from '../../scripts/lib/static-server';
import { toneMp3 } from '../../scripts/lib/audio-fixtures';
import { readMetadata } from '../lib/audio/metadata';
import { parseEntry } from '../lib/cms/recorder';
import { build, scratchOut, shellEnv, type BuildResult } from './helpers/build';
import { root } from './helpers/paths';

const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const srv = createServer();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => done(port));
    });
  });
}

let repo = '';
let edit: ChildProcess | undefined;
let editLog = '';
let base = '';
let proxy = '';
let browser: Browser;
let built: BuildResult | undefined;

const git = (...args: string[]) => spawnSync('git', ['-C', repo, ...args], { encoding: 'utf8' });
const gitBuffer = (...args: string[]) => spawnSync('git', ['-C', repo, ...args]).stdout;

beforeAll(async () => {
  // Inside the project, so a build of the copy resolves Astro from node_modules (see helpers/build.ts).
  const parent = resolve(root, 'node_modules/.cache/loa-ban/edit');
  await mkdir(parent, { recursive: true });
  repo = await mkdtemp(join(parent, 'repo-'));
  await cp(resolve(root, 'content'), join(repo, 'content'), { recursive: true });
  for (const args of [
    ['init', '-q', '-b', 'main'],
    ['config', 'user.name', 'Biên tập viên thử'],
    ['config', 'user.email', 'bien-tap@loa-ban.example'],
    ['add', '.'],
    ['commit', '-q', '-m', 'Bản sao nội dung để thử trang biên tập'],
  ]) {
    const r = git(...args);
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  }
  const [port, proxyPort] = [await freePort(), await freePort()];
  proxy = `http://127.0.0.1:${proxyPort}/api/v1`;
  edit = spawn(process.execPath, [resolve(root, 'scripts/edit.ts')], {
    cwd: root,
    env: {
      ...shellEnv(),
      LOA_BAN_EDIT_REPO: repo,
      LOA_BAN_EDIT_PORT: String(port),
      LOA_BAN_EDIT_PROXY_PORT: String(proxyPort),
    },
  });
  edit.stdout!.on('data', (d) => (editLog += d));
  edit.stderr!.on('data', (d) => (editLog += d));
  base = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`npm run edit did not print its address:\n${editLog}`)), 120_000);
    edit!.stdout!.on('data', () => {
      const url = /Trang biên tập: (http:\/\/\S+)\/bien-tap\//.exec(editLog)?.[1];
      if (url) {
        clearTimeout(timer);
        done(url);
      }
    });
    edit!.on('exit', (code) => fail(new Error(`npm run edit stopped (${code}):\n${editLog}`)));
  });
  browser = await launch({ args: ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'] });
});

afterAll(async () => {
  await browser?.close();
  if (edit && edit.exitCode === null) {
    edit.kill('SIGTERM');
    await new Promise((r) => edit!.once('exit', r));
  }
  if (built) await rm(built.outDir, { recursive: true, force: true });
  if (repo) await rm(repo, { recursive: true, force: true });
});

/** A logged-in editor in a fresh browser context (the local backend needs no password). Problems the page logs are
 * collected: the editor must run without script errors. */
async function editor(width = 1280): Promise<{ page: Page; context: BrowserContext; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('response', (r) => {
    // Decap asks the backend for an unpublished draft of a new entry before there is one: a 404 by design.
    if (r.status() >= 400 && !(r.status() === 404 && r.url() === proxy)) problems.push(`${r.status()} ${r.url()}`);
  });
  page.on('dialog', (d) => void d.accept());
  await page.goto(`${base}/bien-tap/`);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  return { page, context, problems };
}

/** The input Decap labels with `label` (its label's `for`). */
async function field(page: Page, label: string | RegExp) {
  const id = await page
    .locator('label')
    .filter({ hasText: typeof label === 'string' ? new RegExp(`^${label}`) : label })
    .first()
    .getAttribute('for');
  return page.locator(`[id="${id}"]`);
}

/** Picks `option` in a relation widget after typing `search`. */
async function pick(page: Page, label: string, search: string, option: string | RegExp) {
  const input = await field(page, label);
  await input.click();
  await input.fill(search);
  await (typeof option === 'string' ? page.getByText(option, { exact: true }) : page.getByText(option)).last().click();
}

/** Saves the open entry, then moves it through the editorial workflow (draft → ready) and publishes it. */
async function saveAndPublish(page: Page) {
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await page.getByText(/^Trạng/).waitFor();
  await page.getByText(/^Trạng/).click();
  await page.getByText('Sẵn sàng', { exact: true }).click();
  await page.getByText('Công bố', { exact: true }).click();
  await page.getByText('Công bố ngay', { exact: true }).click();
  await page.getByText('Đã công bố', { exact: true }).waitFor({ timeout: 60_000 });
}

/** An entry's information, comparable across a save: front matter values (dates as YYYY-MM-DD, however YAML typed
 * them) and the body with its whitespace evened out. */
function information(text: string, yamlFile: boolean) {
  const plain = (v: unknown): unknown =>
    v instanceof Date
      ? v.toISOString().slice(0, 10)
      : Array.isArray(v)
        ? v.map(plain)
        : v && typeof v === 'object'
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]))
          : v;
  if (yamlFile) return { data: plain(yaml.load(text)), body: '' };
  const { data, body } = parseEntry(text);
  return { data: plain(data), body: body.replace(/\s+/g, ' ').trim() };
}

const translator = 'Người dịch thử nghiệm';
const translationFile = 'content/qa/phong-chong-mua-ban-nguoi/ban-dich.md';
const topicTitle = 'Điều tra thực trạng kinh tế - xã hội của 53 dân tộc thiểu số năm 2024';
const newQuestion = 'Người dân hỏi thử: cần chuẩn bị gì khi điều tra viên đến nhà?';
const qaFile = 'content/qa/dieu-tra-53-dan-toc/nguoi-dan-hoi-thu-can-chuan-bi-gi-khi-dieu-tra-vien-den-nha.md';
const uploadTitle = 'Bản ghi tải lên để thử';
const uploadFile = 'content/audio/ban-ghi-tai-len-de-thu.md';
let recordedId = '';
let recordedSeconds = 0;

describe('the editing app on npm run edit, on a copy of the content', () => {
  it('prints its address and serves the app, its generated configuration and the Decap bundle', async () => {
    expect(editLog).toMatch(/Mỗi lần lưu là một commit trên nhánh "main"/);
    const config = yaml.load(await (await fetch(`${base}/bien-tap/config.yml`)).text()) as Record<string, unknown>;
    expect(config['locale']).toBe('vi');
    expect(config['backend']).toEqual({ name: 'proxy', proxy_url: proxy, branch: 'main' });
    expect(config['publish_mode']).toBe('editorial_workflow');
    const bundle = await fetch(`${base}/bien-tap/decap-cms.js`);
    expect(bundle.status).toBe(200);
    expect((await bundle.arrayBuffer()).byteLength).toBeGreaterThan(1_000_000);
  });

  it('npm run edit refuses a working copy with uncommitted changes, since every save commits them all', async () => {
    await writeFile(join(repo, 'content/chua-luu.txt'), 'thay đổi chưa commit');
    const r = spawnSync(process.execPath, [resolve(root, 'scripts/edit.ts')], {
      env: { ...shellEnv(), LOA_BAN_EDIT_REPO: repo, LOA_BAN_EDIT_PORT: '1', LOA_BAN_EDIT_PROXY_PORT: '1' },
      encoding: 'utf8',
    });
    await rm(join(repo, 'content/chua-luu.txt'));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/còn thay đổi chưa lưu vào git/);
  });

  it('refuses to save a Q&A with required fields empty, saying which in Vietnamese', async () => {
    const { page, context } = await editor();
    await page.goto(`${base}/bien-tap/#/collections/qa/new`);
    await (await field(page, 'Câu hỏi')).fill('Ai?');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect(page.getByText('Bạn còn thiếu vài thông tin bắt buộc').first().isVisible()).resolves.toBe(true);
    for (const message of ['Chủ đề bắt buộc nhập.', 'Văn bản nguồn bắt buộc nhập.', 'Câu trả lời bắt buộc nhập.']) {
      expect(await page.getByText(message, { exact: true }).count(), message).toBe(1);
    }
    // The schema's own rule (question: at least 5 characters), checked before saving.
    expect(await page.getByText('Câu hỏi không khớp với mẫu: cần ít nhất 5 ký tự.').count()).toBe(1);
    expect(git('branch', '--list', 'cms/*').stdout.trim()).toBe('');
    await context.close();
  });

  it('saving existing entries through the editor loses no information (one of every collection)', async () => {
    const entries: [collection: string, slug: string, file: string][] = [
      ['qa', 'dieu-tra-53-dan-toc/ai-duoc-dieu-tra', 'content/qa/dieu-tra-53-dan-toc/ai-duoc-dieu-tra.md'],
      ['topics', 'chuong-trinh-1719', 'content/topics/chuong-trinh-1719.md'],
      ['explainers', 'chuong-trinh-1719-gom-nhung-gi', 'content/explainers/chuong-trinh-1719-gom-nhung-gi.mdx'],
      ['audio', 'ct-1719-chuong-trinh-1719-la-gi-vi', 'content/audio/ct-1719-chuong-trinh-1719-la-gi-vi.md'],
      ['documents', 'cd-58-ttg-2024', 'content/documents/cd-58-ttg-2024.yaml'],
      ['languages', 'km', 'content/languages/km.yaml'],
      ['settings', 'site', 'content/settings.yaml'],
    ];
    const { page: login, context, problems } = await editor();
    await login.getByText('Hỏi đáp').first().waitFor();
    const differences: string[] = [];
    for (const [collection, slug, file] of entries) {
      const before = readFileSync(join(repo, file), 'utf8');
      const page = await context.newPage();
      page.on('pageerror', (e) => problems.push(String(e)));
      await page.goto(`${base}/bien-tap/#/collections/${collection}/entries/${slug}`);
      // Decap saves only a changed form (and counts a change undone as none): add " x" to the first text field and
      // save. The file Decap writes must hold the same information with only that change.
      const first = page.locator('textarea, input[type="text"]').first();
      // Loaded: the form shows the entry's first value (every entry here has one).
      await expect.poll(() => first.inputValue(), { timeout: 30_000, message: file }).not.toBe('');
      const original = await first.inputValue();
      await first.fill(`${original} x`);
      const persisted = page.waitForResponse(
        (r) => r.url() === proxy && /"persistEntry"/.test(r.request().postData() ?? ''),
      );
      await page.getByRole('button', { name: 'Lưu', exact: true }).click();
      const status = await persisted.then(
        (r) => r.status(),
        async () => `not saved: ${(await page.locator('body').innerText()).slice(0, 1500)}`,
      );
      expect(status, file).toBe(200);
      const branch = `cms/${collection}/${slug}`;
      const saved = git('show', `${branch}:${file}`);
      if (saved.status !== 0) {
        differences.push(`${file}: not saved on ${branch}: ${saved.stderr}`);
        continue;
      }
      const yamlFile = file.endsWith('.yaml');
      const expected = JSON.stringify(information(before, yamlFile)).replace(
        JSON.stringify(original),
        JSON.stringify(`${original} x`),
      );
      const got = JSON.stringify(information(saved.stdout, yamlFile));
      if (got !== expected) differences.push(`${file}:\n  expected ${expected}\n  saved    ${got}`);
      // The draft is thrown away through the backend (which serialises its git work), so the next tests start clean.
      await page.close();
      const dropped = await fetch(proxy, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ action: 'deleteUnpublishedEntry', params: { branch: 'main', collection, slug } }),
      });
      expect(dropped.status, `${branch} dropped`).toBe(200);
    }
    await context.close();
    expect(differences).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('creates a Q&A through the forms and publishes it: draft, ready, published, with the next free order', async () => {
    const { page, context, problems } = await editor();
    await page.goto(`${base}/bien-tap/#/collections/qa/new`);
    await (await field(page, 'Câu hỏi')).fill(newQuestion);
    await pick(page, 'Chủ đề', 'Điều tra', topicTitle);
    await pick(page, 'Văn bản nguồn', '628', /^Quyết định 628\/QĐ-TCTK 2023/);
    await page.getByText('Ngay lúc này').click();
    await page.locator('[data-slate-editor="true"]').first().click();
    await page.keyboard.type('Bà con ở nhà và trả lời đúng sự thật. Đây là câu trả lời thử.');
    // The preview shows the entry in the site's own styles.
    const preview = page.frameLocator('iframe').first();
    await expect(preview.locator('h1').innerText()).resolves.toBe(newQuestion);
    await saveAndPublish(page);
    expect(problems).toEqual([]);
    await context.close();

    const file = join(repo, qaFile);
    expect(existsSync(file), `${qaFile} on the content branch`).toBe(true);
    const { data, body } = parseEntry(readFileSync(file, 'utf8'));
    const orders = (await readdir(join(repo, 'content/qa/dieu-tra-53-dan-toc')))
      .filter((f) => join('content/qa/dieu-tra-53-dan-toc', f) !== qaFile)
      .map((f) =>
        Number(parseEntry(readFileSync(join(repo, 'content/qa/dieu-tra-53-dan-toc', f), 'utf8')).data['order']),
      );
    expect(data).toMatchObject({
      question: newQuestion,
      topic: 'dieu-tra-53-dan-toc',
      lang: 'vi',
      order: Math.max(...orders) + 1,
      sources: ['qd-628-tctk-2023'],
    });
    expect(body).toMatch(/trả lời đúng sự thật/);
    expect(git('status', '--porcelain').stdout.trim(), 'every save is committed').toBe('');
    expect(git('branch', '--list', 'cms/qa/*').stdout.trim(), 'the draft branch is merged and gone').toBe('');
  });

  it('adds a translation through the forms: linked to its original, its translator credited', async () => {
    // Minority-language text only from a speaker: the Khmer test fixture (src/tests/fixtures/khmer/), never published.
    const fixture = parseEntry(
      readFileSync(resolve(root, 'src/tests/fixtures/khmer/phong-chong-mua-ban-nguoi/khmer-tong-dai-111.md'), 'utf8'),
    );
    const { page, context, problems } = await editor();
    await page.goto(`${base}/bien-tap/#/collections/qa/new`);
    await (await field(page, 'Câu hỏi')).fill(String(fixture.data['question']));
    await pick(page, 'Chủ đề', 'mua bán', 'Phòng, chống mua bán người năm 2024');
    await pick(page, 'Ngôn ngữ', 'Khmer', 'Tiếng Khmer');
    await pick(page, 'Văn bản nguồn', 'Kiên Giang', /^Công văn\s+2024 Sở Thông tin và Truyền thông tỉnh Kiên Giang/);
    await pick(page, 'Bản dịch của câu hỏi', '111', 'Tổng đài 111 là gì? Khi nào thì gọi?');
    await (await field(page, 'Người dịch')).fill(translator);
    await page.getByText('Ngay lúc này').click();
    await page.getByText('Markdown', { exact: true }).click();
    await page.locator('[data-slate-editor="true"]').last().click();
    await page.keyboard.insertText(fixture.body.trim());
    await saveAndPublish(page);
    expect(problems).toEqual([]);
    await context.close();
    const saved = parseEntry(readFileSync(join(repo, translationFile), 'utf8'));
    expect(saved.data).toMatchObject({
      lang: 'km',
      translationOf: 'phong-chong-mua-ban-nguoi/tong-dai-111',
      translator,
      topic: 'phong-chong-mua-ban-nguoi',
    });
    expect(saved.body.trim()).toBe(fixture.body.trim());
  });

  it('starts a campaign: a new topic with its documents and no period where the sources give none', async () => {
    const { page, context, problems } = await editor();
    await page.goto(`${base}/bien-tap/#/collections/topics/new`);
    await (await field(page, 'Tiêu đề')).fill('Chiến dịch thử nghiệm của trang biên tập');
    await (await field(page, 'Tên ngắn')).fill('Chiến dịch thử');
    await (await field(page, 'Tóm tắt')).fill('Một chủ đề tạo để thử trang biên tập.');
    await pick(page, 'Căn cứ văn bản', '628', /^Quyết định 628\/QĐ-TCTK 2023/);
    await saveAndPublish(page);
    expect(problems).toEqual([]);
    await context.close();
    const { data } = parseEntry(readFileSync(join(repo, 'content/topics/chien-dich-thu.md'), 'utf8'));
    const orders = (await readdir(join(repo, 'content/topics')))
      .filter((f) => f !== 'chien-dich-thu.md')
      .map((f) => Number(parseEntry(readFileSync(join(repo, 'content/topics', f), 'utf8')).data['order']));
    expect(data).toMatchObject({
      shortTitle: 'Chiến dịch thử',
      legalBasis: ['qd-628-tctk-2023'],
      order: Math.max(...orders) + 1,
    });
    expect(data['period']).toBeUndefined();
  });

  it('uploads an MP3 with its transcript, and refuses a file over 25 MB in Vietnamese before sending it', async () => {
    const { page, context, problems } = await editor();
    await page.goto(`${base}/bien-tap/#/collections/audio/new`);
    await (await field(page, 'Tiêu đề')).fill(uploadTitle);
    await pick(page, 'Ngôn ngữ', 'Việt', 'Tiếng Việt');
    await pick(page, 'Chủ đề', 'Điều tra', topicTitle);
    await pick(
      page,
      'Các câu hỏi được đọc',
      'Ai tổ chức',
      'Ai tổ chức cuộc điều tra? Cuộc điều tra dựa vào văn bản nào?',
    );
    const chooser = page.getByLabel('Chọn tệp MP3 (tối đa 25 MB)');
    await chooser.setInputFiles({
      name: 'qua-lon.mp3',
      mimeType: 'audio/mpeg',
      buffer: Buffer.alloc(25_000_001, 0xff),
    });
    await expect(page.getByRole('alert').innerText()).resolves.toMatch(/^Tệp quá lớn: 25 MB\. Tệp MP3 tối đa 25 MB/);
    await chooser.setInputFiles({
      name: 'Ban ghi thu.mp3',
      mimeType: 'audio/mpeg',
      buffer: Buffer.from(toneMp3({ seconds: 4, level: -18, kbps: 64 })),
    });
    await page.getByText(/^Đã gắn tệp /).waitFor();
    await (await field(page, 'Người đọc')).fill('Người đọc thử');
    await (await field(page, 'Đơn vị thực hiện')).fill('Đài truyền thanh thử');
    await page.getByText('Ngay lúc này').click();
    await page.locator('[data-slate-editor="true"]').first().click();
    await page.keyboard.type('Lời đọc của bản ghi thử.');
    await saveAndPublish(page);
    expect(problems).toEqual([]);
    await context.close();

    const { data } = parseEntry(readFileSync(join(repo, uploadFile), 'utf8'));
    expect(data).toMatchObject({ lang: 'vi', topic: 'dieu-tra-53-dan-toc', machineRead: false });
    expect(data['file']).toMatch(/^files\/ban-ghi-thu-\d{14}\.mp3$/);
    const mp3 = readFileSync(join(repo, 'content/audio', String(data['file'])));
    expect((await readMetadata(mp3)).duration).toBeCloseTo(4, 0);
  });

  it('records from the microphone on a 360 px phone: listen, re-record, send; an MP3 of that length arrives', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    await page.goto(`${base}/bien-tap/ghi-am/`);
    await page.locator('#qa option').first().waitFor({ state: 'attached' });
    await page
      .getByLabel('Câu hỏi đáp được đọc', { exact: true })
      .selectOption('dieu-tra-53-dan-toc/muc-dich-cuoc-dieu-tra');
    await page.getByLabel('Ngôn ngữ đọc', { exact: true }).selectOption('vi');
    await page.getByLabel('Người đọc (họ tên)', { exact: true }).fill('Người đọc ở bản');
    await page.getByLabel('Đơn vị thực hiện (đài, xã…)', { exact: true }).fill('Đài truyền thanh xã thử');
    await page.getByLabel(/^Lời đọc/).fill('Lời đọc đúng như đã đọc vào micrô.');
    // A first take, thrown away, then the one sent.
    const take = async (ms: number) => {
      await page.locator('#record').click();
      await page.getByText('Đang ghi âm…').waitFor();
      const start = Date.now();
      await page.waitForTimeout(ms);
      await page.locator('#record').click();
      const held = (Date.now() - start) / 1000;
      await page.getByText(/^Đã ghi 0:0\d\./).waitFor();
      return held;
    };
    await take(1500);
    expect(await page.locator('#record').innerText()).toBe('Ghi lại');
    recordedSeconds = await take(3500);
    const heard = await page
      .locator('#take')
      .evaluate((a: HTMLAudioElement) =>
        a.readyState >= 1 ? a.duration : new Promise<number>((r) => (a.onloadedmetadata = () => r(a.duration))),
      );
    expect(heard).toBeGreaterThan(recordedSeconds - 0.6);
    // Nothing scrolls sideways on the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.getByRole('button', { name: 'Gửi bản ghi' }).click();
    const sent = await page.getByText(/^Đã gửi bản ghi "/).innerText();
    recordedId = /"([^"]+)"/.exec(sent)![1]!;
    expect(problems).toEqual([]);
    await context.close();

    // A draft for review: on its own branch, with the MP3 in the same commit.
    const branch = `cms/audio/${recordedId}`;
    const entry = parseEntry(git('show', `${branch}:content/audio/${recordedId}.md`).stdout);
    expect(entry.data).toMatchObject({
      lang: 'vi',
      topic: 'dieu-tra-53-dan-toc',
      qa: ['dieu-tra-53-dan-toc/muc-dich-cuoc-dieu-tra'],
      speaker: 'Người đọc ở bản',
      producer: 'Đài truyền thanh xã thử',
      machineRead: false,
    });
    expect(entry.body.trim()).toBe('Lời đọc đúng như đã đọc vào micrô.');
    const mp3 = gitBuffer('show', `${branch}:content/audio/${String(entry.data['file'])}`);
    const meta = await readMetadata(mp3);
    expect(meta.duration).toBeGreaterThan(recordedSeconds - 0.6);
    expect(meta.duration).toBeLessThan(recordedSeconds + 0.3);
    expect(git('config', `branch.${branch}.description`).stdout.trim()).toBe('decap-cms/draft');

    // The province publishes it (the workflow's last step, through the same local backend).
    const published = await fetch(proxy, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        action: 'publishUnpublishedEntry',
        params: { branch: 'main', collection: 'audio', slug: recordedId },
      }),
    });
    expect(published.status).toBe(200);
  });

  it('a build of the copy publishes the new Q&A and both recordings, with measured duration and loudness', async () => {
    built = await build({ outDir: scratchOut('editor'), contentDir: join(repo, 'content') });
    expect(built.code, built.output.slice(-3000)).toBe(0);
    const page = (path: string) => readFileSync(join(built!.outDir, path, 'index.html'), 'utf8');
    expect(page('hoi-dap/dieu-tra-53-dan-toc/nguoi-dan-hoi-thu-can-chuan-bi-gi-khi-dieu-tra-vien-den-nha')).toContain(
      newQuestion,
    );
    const uploaded = page('ban-nghe/ban-ghi-tai-len-de-thu');
    expect(uploaded).toMatch(/Thời lượng<\/dt>\s*<dd[^>]*>0:04<\/dd>/);
    const shown = /Thời lượng<\/dt>\s*<dd[^>]*>0:(\d\d)<\/dd>/.exec(page(`ban-nghe/${recordedId}`))?.[1];
    expect(Math.abs(Number(shown) - recordedSeconds)).toBeLessThanOrEqual(1);
    // The translation and its original link each other; the translator is credited; the language page counts it.
    const translation = page('hoi-dap/phong-chong-mua-ban-nguoi/ban-dich');
    expect(translation).toMatch(/href="\/hoi-dap\/phong-chong-mua-ban-nguoi\/tong-dai-111\/"[^>]*>Đọc bằng tiếng Việt/);
    expect(translation).toContain(`Người dịch: ${translator}`);
    expect(page('hoi-dap/phong-chong-mua-ban-nguoi/tong-dai-111')).toMatch(
      /href="\/hoi-dap\/phong-chong-mua-ban-nguoi\/ban-dich\/"[^>]*>Đọc bằng tiếng Khmer/,
    );
    expect(page('ngon-ngu/tieng-khmer')).toMatch(/Hỏi đáp \(1\)/);
    expect(page('chu-de/chien-dich-thu')).toContain('Chiến dịch thử nghiệm của trang biên tập');
    // The person's recording replaces the machine reading of that Q&A: on its page, in the feed and the playlist.
    const machine = 'dieu-tra-muc-dich-cuoc-dieu-tra-vi';
    expect(existsSync(join(repo, 'content/audio', `${machine}.md`)), 'its files stay').toBe(true);
    const qaPage = page('hoi-dap/dieu-tra-53-dan-toc/muc-dich-cuoc-dieu-tra');
    expect(qaPage).toContain(`/ban-nghe/${recordedId}/`);
    expect(qaPage).not.toContain(`/ban-nghe/${machine}/`);
    // Its page stays for the QR codes already printed, and sends the resident on to the person's recording.
    const moved = page(`ban-nghe/${machine}`);
    expect(moved).toContain(`<meta http-equiv="refresh" content="0; url=/ban-nghe/${recordedId}/">`);
    expect(moved).toContain('<meta name="robots" content="noindex">');
    expect(moved).toMatch(new RegExp(`<a href="/ban-nghe/${recordedId}/">`));
    expect(existsSync(join(built!.outDir, 'ban-nghe', machine, `${machine}.mp3`)), 'its MP3 is not published').toBe(
      false,
    );
    const feed = readFileSync(join(built!.outDir, 'dai-truyen-thanh/tieng-viet/podcast.xml'), 'utf8');
    const playlist = readFileSync(join(built!.outDir, 'dai-truyen-thanh/tieng-viet/danh-sach-phat.m3u'), 'utf8');
    for (const text of [feed, playlist]) {
      expect(text).toContain(recordedId);
      expect(text).not.toContain(machine);
    }
    const station = page('dai-truyen-thanh/tieng-viet');
    for (const id of ['ban-ghi-tai-len-de-thu', recordedId]) {
      const row = new RegExp(`${id}[\\s\\S]*?-?\\d+,\\d LUFS`);
      expect(station, `${id} in the station table with its loudness`).toMatch(row);
    }
  });

  it('the built editor pages pass axe (WCAG 2.2 AA): the app, the phone recorder, the worklist', async () => {
    const server = await serve(built!.outDir);
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const failures: string[] = [];
    try {
      for (const path of ['/bien-tap/', '/bien-tap/ghi-am/', '/bien-tap/viec-can-lam/']) {
        await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
        const result = await new AxeBuilder({ page }).withTags(tags).analyze();
        failures.push(
          ...result.violations.map((v) => `${path}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.html ?? ''}`),
        );
      }
    } finally {
      await context.close();
      await server.close();
    }
    expect(failures).toEqual([]);
  });
});
