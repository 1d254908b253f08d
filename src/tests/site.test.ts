/** The built site has a page for every content entry, and marks every language. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { parse, TEXT_NODE, walkSync, type Node } from 'ultrahtml';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureSite, type FixtureSite } from './helpers/fixture-site';
import { root, siteDist } from './helpers/paths';
import { builtPages } from './helpers/site-pages';

const content = join(root, 'content');
/** Entry ids of a collection folder: file paths without extension, drafts (_*) excluded. */
const ids = (folder: string, ext: RegExp) =>
  readdirSync(join(content, folder), { recursive: true, encoding: 'utf8' })
    .filter((f) => ext.test(f) && !f.split('/').at(-1)!.startsWith('_'))
    .map((f) => f.replace(ext, ''));
const page = (path: string) => readFileSync(join(siteDist, path, 'index.html'), 'utf8');
const field = (file: string, name: string) =>
  new RegExp(`^${name}:\\s*"?([^"\\n]+)"?`, 'm').exec(readFileSync(file, 'utf8'))?.[1];

/** A language's URL slug, from its file. */
const languageSlug = (dir: string, id: string) =>
  String((yaml.load(readFileSync(join(dir, 'languages', `${id}.yaml`), 'utf8')) as Record<string, unknown>)['slug']);

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

  describe('on the fixture site, with Khmer Q&A and a Khmer recording', () => {
    let fixture: FixtureSite;
    beforeAll(async () => {
      fixture = await fixtureSite();
    });

    /** Minority-language entries of a collection, read from their front matter here (js-yaml), not by the site. */
    const minority = (folder: string, prefix: string) =>
      readdirSync(join(fixture.content, folder), { recursive: true, encoding: 'utf8' })
        .filter((f) => /\.mdx?$/.test(f) && !f.split('/').at(-1)!.startsWith('_'))
        .map((f) => {
          const text = readFileSync(join(fixture.content, folder, f), 'utf8');
          const data = yaml.load(/^---\n([\s\S]*?)\n---/.exec(text)![1]!) as Record<string, unknown>;
          const body = text.slice(text.indexOf('\n---', 3) + 4).trim();
          return { path: `${prefix}${f.replace(/\.mdx?$/, '')}/`, lang: String(data['lang'] ?? 'vi'), data, body };
        })
        .filter((e) => e.lang !== 'vi');
    const html = (path: string) => readFileSync(join(fixture.dist, path, 'index.html'), 'utf8');
    /** The text of the element that carries `lang`, wherever it is on the page. */
    const inLang = (page: string, lang: string) =>
      [...page.matchAll(new RegExp(`<(\\w+)[^>]*\\slang="${lang}"[^>]*>([\\s\\S]*?)</\\1>`, 'g'))].map((m) => m[2]!);

    it('a minority-language Q&A marks its question and answer with its language', () => {
      const entries = minority('qa', '/hoi-dap/');
      expect(entries.length).toBeGreaterThanOrEqual(3);
      for (const e of entries) {
        const marked = inLang(html(e.path), e.lang).join(' ');
        expect(marked, e.path).toContain(String(e.data['question']));
        expect(marked, e.path).toContain(e.body.split('\n')[0]!);
      }
    });

    it('a minority-language recording marks its title and transcript with its language', () => {
      const entries = minority('audio', '/ban-nghe/');
      expect(entries.length).toBeGreaterThanOrEqual(1);
      for (const e of entries) {
        const marked = inLang(html(e.path), e.lang).join(' ');
        expect(marked, e.path).toContain(String(e.data['title']));
        expect(marked, e.path).toContain(e.body.split('\n')[0]!);
      }
    });

    it('no Khmer text anywhere on the site is outside an element marked lang="km"', () => {
      const khmer = /[\u1780-\u17ff]/;
      const unmarked: string[] = [];
      for (const page of builtPages(fixture.dist)) {
        walkSync(parse(readFileSync(page.file, 'utf8')), (node) => {
          if (node.type !== TEXT_NODE || !khmer.test(node.value)) return;
          let lang: string | undefined;
          const names: string[] = [];
          for (let at: Node | undefined = node.parent; at && lang === undefined; at = at.parent as Node | undefined) {
            names.push(String(at['name']));
            lang = (at['attributes'] as Record<string, string> | undefined)?.['lang'];
          }
          // <title> is the document's, and <html lang="vi"> says what its interface is in.
          if (lang !== 'km' && !names.includes('title'))
            unmarked.push(`${page.path}: "${node.value.trim().slice(0, 30)}" in <${names[0]}> (lang ${lang})`);
        });
      }
      expect(unmarked).toEqual([]);
    });

    it('the language page lists minority-language entries marked with their language', () => {
      const list = html(`/ngon-ngu/${languageSlug(fixture.content, 'km')}/`);
      for (const e of minority('qa', '/hoi-dap/')) expect(list).toContain(`<li lang="km"><a href="${e.path}">`);
    });
  });
});
