/** The site's optional parts and the plain site without them, from one extra build.
 * - The question form: present on Q&A, topic and search pages when built with LOA_BAN_INBOX=1 (the test build),
 *   costing resident pages a measured few hundred bytes and no script until used; absent, with the worker and policy
 *   exactly as before, when built without.
 * - The PDFs: the plain build also stands for a build machine without Chromium (CHROME_PATH points nowhere): it still
 *   succeeds, warns once, and no page links a PDF, since none was printed. */
import { existsSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, scratchOut, type BuildResult } from './helpers/build';
import { siteDist } from './helpers/paths';
import { builtFiles, builtPages } from './helpers/site-pages';
import strings from '../i18n/vi.json';

const QA = 'hoi-dap/dieu-tra-53-dan-toc/ai-duoc-dieu-tra/index.html';
const TOPIC = 'chu-de/dieu-tra-53-dan-toc/index.html';
const SEARCH = 'tim-kiem/index.html';
const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');
const gz = (text: string) => gzipSync(text, { level: 9 }).length;
const csp = (html: string) => /http-equiv="content-security-policy" content="([^"]+)"/.exec(html)![1]!;

describe('built with the inbox', () => {
  it('puts the form on Q&A, topic and search pages only, filled with the page’s topic, language and path', () => {
    const qa = read(siteDist, QA);
    expect(qa).toContain('Chưa thấy câu trả lời? Gửi câu hỏi cho cán bộ');
    expect(qa).toMatch(/<form method="post" action="\/api\/cau-hoi\/" data-ask/);
    expect(qa).toContain('<input type="hidden" name="topic" value="dieu-tra-53-dan-toc">');
    expect(qa).toContain('<input type="hidden" name="lang" value="vi">');
    expect(qa).toContain('<input type="hidden" name="page" value="/hoi-dap/dieu-tra-53-dan-toc/ai-duoc-dieu-tra/">');
    expect(qa).toContain('không bao giờ đăng lên trang, và được xoá sau 90 ngày');
    expect(read(siteDist, TOPIC)).toContain('<input type="hidden" name="topic" value="dieu-tra-53-dan-toc">');
    expect(read(siteDist, SEARCH)).toContain('data-ask');
    const withForm = builtPages(siteDist).filter((p) => readFileSync(p.file, 'utf8').includes('data-ask'));
    expect(
      withForm.every((p) => /^\/(hoi-dap\/[^/]+\/[^/]+|chu-de\/[^/]+|tim-kiem|hoi-bang-giong-noi)\/$/.test(p.path)),
    ).toBe(true);
    // The voice page (the one allowed the microphone) takes the linking page's topic, language and path from the query.
    const voice = read(siteDist, 'hoi-bang-giong-noi/index.html');
    expect(voice).toContain('<input type="hidden" name="topic" data-from="chu-de">');
    expect(voice).toContain('data-record');
    expect(qa).toContain(
      'href="/hoi-bang-giong-noi/?chu-de=dieu-tra-53-dan-toc&amp;ngon-ngu=vi&amp;trang=%2Fhoi-dap%2Fdieu-tra-53-dan-toc%2Fai-duoc-dieu-tra%2F"',
    );
    expect(qa).not.toContain('data-record');
  });

  it('loads the form’s script only on interaction: no page names it, the service worker keeps it for offline use', () => {
    const chunks = builtFiles(siteDist).filter((f) => /^_astro\/ask-form\.[\w-]+\.js$/.test(f));
    expect(chunks).toHaveLength(1);
    const name = chunks[0]!.slice('_astro/'.length);
    for (const page of [QA, TOPIC, SEARCH, 'index.html']) expect(read(siteDist, page)).not.toContain(name);
    expect(read(siteDist, 'sw.js')).toContain("importScripts('/sw-hop-thu.js');");
    expect(read(siteDist, 'sw-hop-thu.js')).toContain(`const INBOX_ASSETS = ["/${chunks[0]}"];`);
    expect(csp(read(siteDist, QA))).toContain("media-src 'self' blob:");
  });
});

const out = scratchOut('plain');
let result: BuildResult;
beforeAll(async () => {
  result = await build({
    outDir: out,
    env: { SITE_URL: 'https://thu.loa-ban.example', CHROME_PATH: join(out, 'no-chromium-here') },
  });
  if (result.code !== 0) throw new Error(result.output);
});
afterAll(() => Promise.all([out, `${out}-cache`].map((d) => rm(d, { recursive: true, force: true }))));

describe('built without the inbox', () => {
  it('has no form, no inbox code, the plain worker and the strict media policy', () => {
    for (const page of builtPages(out)) {
      const html = readFileSync(page.file, 'utf8');
      expect(html, page.path).not.toMatch(/data-ask|\/api\/|blob:/);
    }
    expect(existsSync(join(out, 'sw-hop-thu.js'))).toBe(false);
    expect(existsSync(join(out, 'hoi-bang-giong-noi')), 'no voice page without the inbox').toBe(false);
    expect(read(out, 'sw.js')).not.toMatch(/importScripts|__INBOX__/);
    const scripts = builtFiles(out).filter((f) => f.endsWith('.js') && f.startsWith('_astro/'));
    expect(scripts.filter((f) => read(out, f).includes('loa-ban-hop-thu'))).toEqual([]);
    expect(csp(read(out, QA))).toContain("media-src 'self';");
  });

  it('the inbox adds under 1.6 KB compressed to a page with the form, and under 1.1 KB of script to every page', () => {
    const added = Object.fromEntries(
      [QA, TOPIC, SEARCH, 'index.html'].map((p) => [p, gz(read(siteDist, p)) - gz(read(out, p))]),
    );
    const script = (dir: string) => {
      const src = /<script type="module" src="(\/_astro\/Base[^"]+)"/.exec(read(dir, 'index.html'))![1]!;
      return gz(read(dir, src));
    };
    const addedScript = script(siteDist) - script(out);
    console.log('bytes added by the inbox (gzip -9):', { ...added, 'page script': addedScript });
    // The topic page also differs by its PDF links (printed in the test build, absent here): a few dozen bytes.
    for (const p of [QA, TOPIC, SEARCH]) expect(added[p], p).toBeLessThan(1600);
    expect(added['index.html']).toBeLessThan(200);
    expect(addedScript).toBeLessThan(1100);
  });
});

describe('a build machine without Chromium', () => {
  it('builds the site, and warns once that no PDF was printed', () => {
    expect(result.output.match(/Không in được tệp PDF/g)).toHaveLength(1);
    expect(result.output).toContain('no-chromium-here');
    expect(existsSync(join(out, 'in', 'index.html'))).toBe(true);
  });

  it('links no PDF from any page, and states the estimated page count instead', () => {
    const files = builtFiles(out);
    expect(files.filter((f) => f.endsWith('.pdf'))).toEqual([]);
    const pages = files.filter((f) => f.endsWith('.html'));
    for (const page of pages) {
      expect(read(out, page), page).not.toMatch(/\.pdf"|application\/pdf|<!--\/?pdf|\{pages\}|\{size\}/);
    }
    const booklet = pages.find((p) => /^in\/[^/]+\/index\.html$/.test(p) && !p.includes('khau-hieu'))!;
    const note = /<p class="print-note"[^>]*>([^<]*)</.exec(read(out, booklet))?.[1];
    expect(note).toContain(strings['print.pages'].split('{n}')[0]!);
  });
});
