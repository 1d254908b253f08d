/** The built site has a page for every content entry, and marks every language. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, siteDist } from './helpers/paths';

const content = join(root, 'content');
/** Entry ids of a collection folder: file paths without extension, drafts (_*) excluded. */
const ids = (folder: string, ext: RegExp) =>
  readdirSync(join(content, folder), { recursive: true, encoding: 'utf8' })
    .filter((f) => ext.test(f) && !f.split('/').at(-1)!.startsWith('_'))
    .map((f) => f.replace(ext, ''));
const page = (path: string) => readFileSync(join(siteDist, path, 'index.html'), 'utf8');
const field = (file: string, name: string) =>
  new RegExp(`^${name}:\\s*"?([^"\\n]+)"?`, 'm').exec(readFileSync(file, 'utf8'))?.[1];

/** Resident pages (the editing app under /bien-tap/ is tested in editor-site.test.ts). */
const allHtml = readdirSync(siteDist, { recursive: true, encoding: 'utf8' }).filter(
  (f) => f.endsWith('.html') && !f.startsWith('bien-tap/'),
);

describe('every entry has its page', () => {
  it.each([
    ['topics', '/chu-de/', /\.mdx?$/],
    ['qa', '/hoi-dap/', /\.mdx?$/],
    ['explainers', '/chinh-sach/', /\.mdx?$/],
    ['audio', '/ban-nghe/', /\.mdx?$/],
  ] as const)('%s', (folder, prefix, ext) => {
    const entries = ids(folder, ext);
    if (folder !== 'audio') expect(entries.length).toBeGreaterThan(0);
    const missing = entries.filter((id) => !existsSync(join(siteDist, prefix, id, 'index.html')));
    expect(missing).toEqual([]);
  });

  it('has the content the foundation promises', () => {
    expect(ids('topics', /\.mdx?$/)).toHaveLength(7);
    expect(ids('qa', /\.mdx?$/).length).toBeGreaterThanOrEqual(40);
    expect(ids('qa/dieu-tra-53-dan-toc', /\.mdx?$/).length).toBeGreaterThanOrEqual(12);
    expect(ids('explainers', /\.mdx?$/).length).toBeGreaterThanOrEqual(8);
  });

  it('languages have a page each', () => {
    for (const id of ids('languages', /\.ya?ml$/)) {
      const slug = field(join(content, 'languages', `${id}.yaml`), 'slug')!;
      expect(page(`/ngon-ngu/${slug}/`)).toContain('<h1');
    }
  });

  it('every document cited has its anchor on /van-ban/ (printed links) and a page of its own', () => {
    const html = page('/van-ban/');
    const missing = ids('documents', /\.ya?ml$/).filter((id) => !html.includes(`id="${id}"`));
    expect(missing).toEqual([]);
    const pageless = ids('documents', /\.ya?ml$/).filter(
      (id) => !existsSync(join(siteDist, 'van-ban', id, 'index.html')),
    );
    expect(pageless).toEqual([]);
  });

  it('Q&A pages show the question and a source', () => {
    const id = ids('qa', /\.mdx?$/)[0]!;
    const question = field(join(content, 'qa', `${id}.md`), 'question')!;
    const html = page(`/hoi-dap/${id}/`);
    expect(html).toContain(`<h1>${question.replace(/&/g, '&amp;')}</h1>`);
    expect(html).toMatch(/href="\/van-ban\/[a-z0-9-]+\/"/);
  });

  it('the core pages exist', () => {
    for (const path of [
      '/',
      '/chu-de/',
      '/hoi-dap/',
      '/chinh-sach/',
      '/van-ban/',
      '/ngon-ngu/',
      '/lien-he/',
      '/tim-kiem/',
      '/ngoai-tuyen/',
    ]) {
      expect(page(path), path).toContain('</html>');
    }
    expect(readFileSync(join(siteDist, '404.html'), 'utf8')).toContain('Không tìm thấy trang');
  });
});

describe('sharing', () => {
  it('every page offers a 1200×630 share picture that exists', async () => {
    const { default: sharp } = await import('sharp');
    const image = /<meta property="og:image" content="([^"]+)"/.exec(page('/'))![1]!;
    expect(image).toMatch(/^https?:\/\/[^/]+\/chia-se\.png$/);
    const meta = await sharp(join(siteDist, 'chia-se.png')).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 1200, 630]);
    expect(allHtml.filter((f) => !readFileSync(join(siteDist, f), 'utf8').includes(`content="${image}"`))).toEqual([]);
  });
});

describe('languages are marked', () => {
  it('every page is Vietnamese at the root', () => {
    const wrong = allHtml.filter(
      (f) => !readFileSync(join(siteDist, f), 'utf8').startsWith('<!DOCTYPE html><html lang="vi"'),
    );
    expect(wrong).toEqual([]);
  });

  it('minority-language names carry their own lang', () => {
    const html = page('/ngon-ngu/');
    expect(html).toContain('<span lang="km">ភាសាខ្មែរ</span>');
    expect(html).toMatch(/<span lang="hmn">[^<]+<\/span>/);
  });

  it('minority-language Q&A and transcripts carry lang', () => {
    const entries = [
      ...ids('qa', /\.mdx?$/).map((id) => ({ file: join(content, 'qa', `${id}.md`), path: `/hoi-dap/${id}/` })),
      ...ids('audio', /\.mdx?$/).map((id) => ({ file: join(content, 'audio', `${id}.md`), path: `/ban-nghe/${id}/` })),
    ].filter((e) => existsSync(e.file));
    for (const { file, path } of entries) {
      const lang = field(file, 'lang') ?? 'vi';
      if (lang !== 'vi') expect(page(path), path).toContain(`lang="${lang}"`);
    }
  });
});
