/** Every fact traceable (issue 11), end to end: the citation check fails a build naming file, line and figure; a
 * declared correction passes and shows on the page; a date that does not exist fails; a production build without an
 * issuer fails; and the real site shows each document's figures and the province, draft and time notices on the
 * pages they belong to. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import strings from '../i18n/vi.json';
import { build, copyContent, scratchOut } from './helpers/build';
import { root, siteDist } from './helpers/paths';

const made: string[] = [];
afterAll(() => Promise.all(made.map((d) => rm(d, { recursive: true, force: true }))));

async function buildCopy(change: (dir: string) => Promise<void>, env: Record<string, string> = {}) {
  const dir = await copyContent();
  made.push(dir);
  await change(dir);
  const outDir = scratchOut('truth');
  made.push(outDir, `${outDir}-cache`);
  return build({ contentDir: dir, outDir, env });
}

/** A Q&A that states a date one cited document gives one year earlier, as the survey's letter did. */
const qaFile = 'qa/phong-chong-dich-benh-gia-suc/kiem-thu-ngay.md';
const qa = (extra = '') => `---
question: "Công điện được ban hành ngày nào?"
topic: phong-chong-dich-benh-gia-suc
lang: vi
order: 990
sources:
  - cv-stttt-kien-giang-2024
updated: 2026-12-02
${extra}---

Văn bản nói công điện có từ
ngày 16/6/2025.
`;
const correction = `corrections:
  - source: "16/6/2024"
    page: "16/6/2025"
    why: "Ghi chú thử nghiệm: trang ghi khác văn bản để kiểm tra việc khai báo chỗ sửa."
`;

describe('the citation check in the build', () => {
  it('fails naming the file, the line and a figure the cited documents do not list', async () => {
    const r = await buildCopy((d) => writeFile(join(d, qaFile), qa()));
    expect(r.code).not.toBe(0);
    expect(r.output).toContain(
      `content/${qaFile}, dòng 12: "16/6/2025" (ngày tháng) không có trong số liệu của văn bản được trích (sources: cv-stttt-kien-giang-2024).`,
    );
  });

  it('passes the same figure declared as a correction, and shows the note on the page', async () => {
    const r = await buildCopy((d) => writeFile(join(d, qaFile), qa(correction)));
    expect(r.code, r.output).toBe(0);
    const html = readFileSync(join(r.outDir, 'hoi-dap/phong-chong-dich-benh-gia-suc/kiem-thu-ngay/index.html'), 'utf8');
    expect(html).toContain(strings['corrections.title']);
    expect(html).toContain('ghi “16/6/2024”, trang này ghi “16/6/2025”.');
    expect(html).toContain('Ghi chú thử nghiệm: trang ghi khác văn bản để kiểm tra việc khai báo chỗ sửa.');
  });

  it('fails naming the file and field of a date that does not exist, written raw', async () => {
    const file = 'qa/dieu-tra-53-dan-toc/thoi-gian-dieu-tra.md';
    const r = await buildCopy(async (d) => {
      const text = await readFile(join(d, file), 'utf8');
      await writeFile(join(d, file), text.replace(/^updated: .*$/m, 'updated: 2024-02-30'));
    });
    expect(r.code).not.toBe(0);
    expect(r.output).toContain(
      `content/${file}: trường "updated": ngày "2024-02-30" không có thật (tháng 2 năm 2024 không có ngày 30).`,
    );
  });
});

describe('the issuer', () => {
  it('a production build without one fails with the Vietnamese message', async () => {
    const settings = yaml.load(readFileSync(join(root, 'content/settings.yaml'), 'utf8')) as {
      site: { issuer?: string };
    };
    expect(settings.site.issuer).toBeUndefined(); // the repository names no real agency
    const outDir = scratchOut('truth-issuer');
    made.push(outDir, `${outDir}-cache`);
    const r = await build({ outDir, env: { SITE_URL: 'https://loaban.langson.gov.vn' } });
    expect(r.code).not.toBe(0);
    expect(r.output).toContain(
      'content/settings.yaml: trường "issuer": chưa ghi cơ quan phụ trách trang. Bản dựng chính thức (SITE_URL=https://loaban.langson.gov.vn)',
    );
  });

  it('the test build, under .example, shows the site name instead', () => {
    const html = readFileSync(join(siteDist, 'index.html'), 'utf8');
    expect(html).toContain(`${strings['footer.issuer']}: Loa Bản`);
  });
});

// What the real site's pages must say, worked out from the content files themselves.
const content = join(root, 'content');
const load = (file: string) => {
  const text = readFileSync(join(content, file), 'utf8');
  return yaml.load(file.endsWith('.yaml') ? text : text.split(/^---$/m)[1]!) as Record<string, unknown>;
};
const files = (folder: string, ext: RegExp) =>
  readdirSync(join(content, folder), { recursive: true, encoding: 'utf8' })
    .filter((f) => ext.test(f) && !f.split('/').at(-1)!.startsWith('_'))
    .map((f) => ({ id: f.replace(ext, ''), data: load(`${folder}/${f}`) }));
const documents = new Map(files('documents', /\.yaml$/).map((d) => [d.id, d.data]));
const topics = new Map(files('topics', /\.mdx?$/).map((t) => [t.id, t.data]));
const siteProvince = (load('settings.yaml')['site'] as { province: string }).province;
const page = (path: string) => readFileSync(join(siteDist, path, 'index.html'), 'utf8');
/** What a reader sees in <main>, tags as spaces. */
const text = (html: string) =>
  (/<main[^]*<\/main>/.exec(html)?.[0] ?? html)
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .replace(/ ([.,)])/g, '$1');
/** The notices block of a page (src/components/Notices.astro). */
const notices = (html: string) => text(/<div class="notices"[^]*?<\/div>/.exec(html)?.[0] ?? '');
const lastDayOf = (end: string) =>
  end.length === 4
    ? `${end}-12-31`
    : end.length === 7
      ? new Date(Date.UTC(+end.slice(0, 4), +end.slice(5), 0)).toISOString().slice(0, 10)
      : end;

/** Every Q&A and explainer page, with the documents it cites and its topic. */
const citing = [
  ...files('qa', /\.mdx?$/).map((q) => ({ path: `/hoi-dap/${q.id}/`, data: q.data })),
  ...files('explainers', /\.mdx?$/).map((e) => ({ path: `/chinh-sach/${e.id}/`, data: e.data })),
].map(({ path, data }) => ({
  path,
  docs: (data['sources'] as string[]).map((id) => documents.get(id)!),
  topic: topics.get(data['topic'] as string)!,
}));

describe('notices on the real site', () => {
  it('names every other province whose document a page rests on, and no province otherwise', () => {
    let labelled = 0;
    for (const { path, docs } of citing) {
      const shown = notices(page(path));
      const provinces = new Set(
        docs.map((d) => d['province'] as string | undefined).filter((p) => p && p !== siteProvince),
      );
      for (const p of provinces) expect(shown, path).toMatch(new RegExp(`Theo [^.]+ của tỉnh ${p}\\.`));
      if (provinces.size === 0) expect(shown, path).not.toMatch(/Theo [^.]+ của tỉnh /);
      labelled += provinces.size > 0 ? 1 : 0;
    }
    expect(labelled).toBeGreaterThan(5);
  });

  it('says "dự thảo" on every page resting on a draft, and only there', () => {
    let drafts = 0;
    for (const { path, docs } of citing) {
      const shown = page(path).includes(strings['notice.draft']);
      expect(shown, path).toBe(docs.some((d) => d['draft'] === true));
      drafts += shown ? 1 : 0;
    }
    expect(drafts).toBeGreaterThan(0);
  });

  it('says a campaign has ended, with its end, on every Q&A, explainer and recording of it; or the documents’ year', () => {
    const today = new Date().toISOString().slice(0, 10);
    const recordings = files('audio', /\.md$/).map((a) => ({
      path: `/ban-nghe/${a.id}/`,
      topic: topics.get(a.data['topic'] as string)!,
    }));
    const [endedBefore, endedAfter] = strings['notice.ended'].split('{end}') as [string, string];
    for (const { path, topic } of [...citing, ...recordings]) {
      const shown = text(page(path));
      const period = topic['period'] as { end: string } | undefined;
      if (period && lastDayOf(period.end) < today) {
        expect(shown, path).toContain(endedBefore);
        expect(shown, path).toContain(endedAfter.trim());
        const end =
          period.end.length === 4
            ? `năm ${period.end}`
            : period.end.length === 7
              ? `tháng ${+period.end.slice(5)}/${period.end.slice(0, 4)}`
              : '';
        expect(shown, path).toContain(end);
      } else if (!period) {
        expect(shown, path).toMatch(/Thông tin theo văn bản năm \d{4}/);
      }
    }
    expect(recordings.length).toBeGreaterThan(0);
  });

  it('topics show their period with its own precision, or the documents’ year', () => {
    for (const [id, topic] of topics) {
      const shown = text(page(`/chu-de/${id}/`));
      const period = topic['period'] as { start: string; end: string } | undefined;
      if (!period) {
        expect(shown, id).toMatch(/Thông tin theo văn bản năm \d{4}/);
        continue;
      }
      const precise = (v: string) =>
        v.length === 4 ? v : v.length === 7 ? `${+v.slice(5)}/${v.slice(0, 4)}` : v.split('-').reverse().join('/');
      // Each end is its own <time>, read here with a space either side of the dash.
      const span =
        period.start === period.end ? precise(period.start) : `${precise(period.start)} – ${precise(period.end)}`;
      expect(shown, id).toContain(span);
      expect(shown, id).not.toMatch(/01\/01\/\d{4} – 31\/12\/\d{4}/); // never padded to days no source names
    }
  });

  it('the survey page shows its declared correction, and the recording reading it too', () => {
    expect(text(page('/hoi-dap/dieu-tra-53-dan-toc/thoi-gian-dieu-tra/'))).toContain(
      'ghi “15/8/2023”, trang này ghi “15/8/2024”.',
    );
    expect(text(page('/ban-nghe/dieu-tra-thoi-gian-dieu-tra-vi/'))).toContain(
      'ghi “15/8/2023”, trang này ghi “15/8/2024”.',
    );
  });
});

describe('document pages', () => {
  it('every document has a page with its number, issuer, figures and what they are', () => {
    for (const [id, d] of documents) {
      expect(existsSync(join(siteDist, 'van-ban', id, 'index.html')), id).toBe(true);
      const shown = text(page(`/van-ban/${id}/`));
      if (d['number']) expect(shown, id).toContain(d['number'] as string);
      expect(shown, id).toContain(d['issuer'] as string);
      for (const f of d['figures'] as { value: string; about: string; where: string }[]) {
        expect(shown, id).toContain(`${f.value} ${f.about} ${f.where}`.replace(/\s+/g, ' '));
      }
      if (d['draft']) expect(shown, id).toContain(strings['documents.draft']);
    }
  });

  it('lists the pages that cite it, and pages link there', () => {
    const html = page('/van-ban/cv-stttt-kien-giang-2024/');
    expect(html).toContain('href="/hoi-dap/dieu-tra-53-dan-toc/thoi-gian-dieu-tra/"');
    expect(page('/hoi-dap/dieu-tra-53-dan-toc/thoi-gian-dieu-tra/')).toContain(
      'href="/van-ban/cv-stttt-kien-giang-2024/"',
    );
  });

  it('keeps the old anchors /van-ban/#<id>, each linking to the document’s page', () => {
    const html = page('/van-ban/');
    for (const id of documents.keys()) {
      expect(html, id).toMatch(new RegExp(`<li id="${id}">[^]*?href="/van-ban/${id}/"`));
    }
  });
});
