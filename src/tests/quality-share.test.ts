/** Share and discovery: what a search engine, Zalo or Facebook reads from a page, robots.txt and the sitemap dates. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import yaml from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { contentDir } from '../lib/paths';
import { urls } from '../lib/urls';
import { fixtureSite } from './helpers/fixture-site';
import { siteDist } from './helpers/paths';
import { builtPages, pageType } from './helpers/site-pages';

const decode = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
const meta = (html: string, attr: 'name' | 'property', key: string) =>
  [...html.matchAll(new RegExp(`<meta ${attr}="${key}" content="([^"]*)"`, 'g'))].map((m) => decode(m[1]!));
const one = (html: string, attr: 'name' | 'property', key: string) => {
  const found = meta(html, attr, key);
  return found.length === 1 ? found[0] : undefined;
};

const home = readFileSync(join(siteDist, 'index.html'), 'utf8');
const origin = new URL(/<link rel="canonical" href="([^"]+)"/.exec(home)![1]!).origin;

describe('page metadata for search engines and shared links', () => {
  const pages = builtPages(siteDist).filter((p) => p.path !== '/404.html');

  it('every page has one title, description, canonical and the Open Graph tags, all consistent', () => {
    const failures: string[] = [];
    const titles = new Map<string, string>();
    for (const page of pages) {
      const html = readFileSync(page.file, 'utf8');
      const f = (msg: string) => failures.push(`${page.path}: ${msg}`);
      if (!/^<!DOCTYPE html>\s*<html lang="vi"/i.test(html)) f('no <html lang="vi">');
      const title = [...html.matchAll(/<title>([^<]*)<\/title>/g)].map((m) => decode(m[1]!));
      // Unique among pages of one type (two Q&As with one question is a copy-paste slip). A recording page may share
      // its Q&A's title: it is the same answer, read aloud.
      const key = `${pageType(page.path)} ${title[0]}`;
      if (title.length !== 1 || !title[0]!.trim()) f(`expected one non-empty <title>, got ${JSON.stringify(title)}`);
      else if (titles.has(key)) f(`same <title> as ${titles.get(key)}: "${title[0]}"`);
      else titles.set(key, page.path);
      const description = one(html, 'name', 'description');
      if (!description || description.length < 20)
        f(`description missing or too short: ${JSON.stringify(description)}`);
      const canonical = [...html.matchAll(/<link rel="canonical" href="([^"]+)"/g)].map((m) => m[1]);
      const expected = new URL(page.path, origin).href;
      if (canonical.length !== 1 || canonical[0] !== expected)
        f(`canonical ${JSON.stringify(canonical)} ≠ ${expected}`);
      if (one(html, 'property', 'og:url') !== expected) f(`og:url ≠ canonical`);
      if (!one(html, 'property', 'og:title')) f('no og:title');
      if (!one(html, 'property', 'og:description')) f('no og:description');
      if (!['website', 'article'].includes(one(html, 'property', 'og:type') ?? '')) f('og:type not website/article');
      if (!one(html, 'property', 'og:site_name')) f('no og:site_name');
      if (one(html, 'property', 'og:locale') !== 'vi_VN') f('og:locale not vi_VN');
      if (/<meta name="robots" content="[^"]*noindex/.test(html) && !page.path.startsWith(urls.search()))
        f('noindex on a content page');
    }
    expect(pages.length).toBeGreaterThan(10);
    expect(failures).toEqual([]);
  });

  it('the 404 page is not indexed and claims no canonical URL', () => {
    const html = readFileSync(join(siteDist, '404.html'), 'utf8');
    expect(html).toMatch(/<meta name="robots" content="noindex"/);
    expect(html).not.toMatch(/rel="canonical"/);
    expect(html).not.toMatch(/og:url/);
  });
});

describe('robots.txt and sitemap dates', () => {
  it('robots.txt allows crawling and names the absolute sitemap URL', () => {
    const robots = readFileSync(join(siteDist, 'robots.txt'), 'utf8');
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(robots).not.toMatch(/^Disallow: \/\s*$/m);
    const sitemap = /^Sitemap: (\S+)$/m.exec(robots)?.[1];
    expect(sitemap).toBe(`${origin}/sitemap-index.xml`);
    expect(readFileSync(join(siteDist, 'sitemap-index.xml'), 'utf8')).toContain('<sitemapindex');
  });

  // On the real site, and on the fixture site whose test Q&A were each checked on another day.
  const sites: Record<string, { dist: string; content: string }> = {
    'real site': { dist: siteDist, content: contentDir },
  };
  beforeAll(async () => {
    sites['fixture site'] = await fixtureSite();
  });
  it.each(['real site', 'fixture site'])(
    'each Q&A and explainer page carries its front-matter date as lastmod (%s)',
    (name) => {
      const { dist, content } = sites[name]!;
      const parser = new XMLParser({ isArray: (n) => n === 'url' || n === 'sitemap' });
      const maps = parser.parse(readFileSync(join(dist, 'sitemap-index.xml'), 'utf8')).sitemapindex.sitemap as {
        loc: string;
      }[];
      const lastmod = new Map<string, string>();
      for (const m of maps) {
        const set = parser.parse(readFileSync(join(dist, new URL(m.loc).pathname), 'utf8')).urlset.url as {
          loc: string;
          lastmod?: string;
        }[];
        for (const u of set) if (u.lastmod) lastmod.set(new URL(u.loc).pathname, String(u.lastmod).slice(0, 10));
      }
      // Expected dates straight from the files (js-yaml), each page's URL as the README states it.
      const expected = (['qa', 'explainers'] as const).flatMap((collection) =>
        readdirSync(join(content, collection), { recursive: true, encoding: 'utf8' })
          .filter((f) => /\.mdx?$/.test(f) && !f.split('/').at(-1)!.startsWith('_'))
          .map((f) => {
            const text = readFileSync(join(content, collection, f), 'utf8');
            const data = yaml.load(/^---\r?\n([\s\S]*?)\r?\n---/.exec(text)![1]!) as { updated: Date };
            const id = f.replace(/\.mdx?$/, '');
            return {
              path: collection === 'qa' ? `/hoi-dap/${id}/` : `/chinh-sach/${id}/`,
              date: data.updated.toISOString().slice(0, 10),
            };
          }),
      );
      expect(expected.length).toBeGreaterThan(40);
      const wrong = expected
        .filter((e) => lastmod.get(e.path) !== e.date)
        .map((e) => `${e.path}: ${lastmod.get(e.path)} ≠ ${e.date}`);
      expect(wrong).toEqual([]);
    },
  );
});
