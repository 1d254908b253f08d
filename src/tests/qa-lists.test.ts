/** Lists of questions stay light at any scale: the Q&A index and each language page show at most 30 questions per
 * topic, then a link to the topic page, which lists them all over numbered pages of 30. On the fixture site, whose
 * generated test topic has enough Q&A for three topic pages. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE, fixtureSite, type FixtureSite } from './helpers/fixture-site';
import { TOPIC_PAGE_SIZE } from '../lib/pagination';

const CAP = 30;
const topic = FIXTURE.manyTopic;

let site: FixtureSite;
/** The test topic's Q&A paths in `order`, read from the content files. */
let all: string[];
beforeAll(async () => {
  site = await fixtureSite();
  const folder = join(site.content, 'qa', topic);
  all = readdirSync(folder)
    .map((f) => ({
      f,
      order: Number((yaml.load(readFileSync(join(folder, f), 'utf8').split('---')[1]!) as { order: number }).order),
    }))
    .sort((a, b) => a.order - b.order)
    .map(({ f }) => `/hoi-dap/${topic}/${f.replace(/\.md$/, '')}/`);
});

const page = (path: string) => readFileSync(join(site.dist, path, 'index.html'), 'utf8');
/** The question links of one topic's block: from its heading (the topic link) to the next heading. */
function block(html: string, from: RegExp): { links: string[]; seeAll: string | undefined } {
  const start = html.search(from);
  expect(start, String(from)).toBeGreaterThan(-1);
  const rest = html.slice(start);
  const end = rest.slice(1).search(/<h[23][\s>]/);
  const part = end === -1 ? rest : rest.slice(0, end + 1);
  return {
    links: [...part.matchAll(/<li[^>]*><a href="(\/hoi-dap\/[^"]+)"/g)].map((m) => m[1]!),
    seeAll: /<a href="(\/chu-de\/[^"]+#hoi-dap)">([^<]+)<\/a>/.exec(part)?.[0],
  };
}

describe(`a topic with ${FIXTURE.manyCount} questions`, () => {
  it(`lists them all over its topic pages, ${TOPIC_PAGE_SIZE} a page, in order and numbered across pages`, () => {
    expect(all).toHaveLength(FIXTURE.manyCount);
    const pages = Math.ceil(all.length / TOPIC_PAGE_SIZE);
    expect(pages).toBeGreaterThanOrEqual(3);
    const listed: string[] = [];
    for (let n = 1; n <= pages; n++) {
      const html = page(n === 1 ? `/chu-de/${topic}/` : `/chu-de/${topic}/trang-${n}/`);
      const links = [...html.matchAll(/<li><a href="(\/hoi-dap\/[^"]+)"/g)].map((m) => m[1]!);
      expect(links.length, `page ${n}`).toBe(n < pages ? TOPIC_PAGE_SIZE : all.length - (pages - 1) * TOPIC_PAGE_SIZE);
      // The list's numbers run on from the previous page.
      if (n > 1) expect(html).toContain(`<ol start="${(n - 1) * TOPIC_PAGE_SIZE + 1}">`);
      listed.push(...links);
    }
    expect(listed).toEqual(all);
    // No page past the last.
    expect(existsSync(join(site.dist, `chu-de/${topic}/trang-${pages + 1}/index.html`))).toBe(false);
    expect(existsSync(join(site.dist, `chu-de/${topic}/trang-1/index.html`))).toBe(false);
  });

  it('links its pages both ways: rel prev/next in the head and a numbered pager marking the current page', () => {
    const first = page(`/chu-de/${topic}/`);
    const second = page(`/chu-de/${topic}/trang-2/`);
    const last = page(`/chu-de/${topic}/trang-3/`);
    const head = (html: string) => html.slice(0, html.indexOf('</head>'));
    expect(head(first)).not.toContain('rel="prev"');
    expect(head(first)).toContain(`<link rel="next" href="/chu-de/${topic}/trang-2/">`);
    expect(head(second)).toContain(`<link rel="prev" href="/chu-de/${topic}/">`);
    expect(head(second)).toContain(`<link rel="next" href="/chu-de/${topic}/trang-3/">`);
    expect(head(last)).not.toContain('rel="next"');
    const pager = (html: string) => /<nav class="pager[^"]*"[^>]*>[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
    expect(pager(second)).toMatch(new RegExp(`href="/chu-de/${topic}/trang-2/"[^>]*aria-current="page"`));
    for (const n of [1, 2, 3]) {
      expect(pager(second)).toContain(`href="/chu-de/${topic}/${n === 1 ? '' : `trang-${n}/`}"`);
    }
  });

  it("keeps the topic's own content on page 1, and later pages out of the search index", () => {
    const first = page(`/chu-de/${topic}/`);
    const second = page(`/chu-de/${topic}/trang-2/`);
    expect(first).toContain('data-pagefind-body');
    expect(second).not.toContain('data-pagefind-body');
    // Printables (every booklet volume, the leaflet) are offered on page 1 only; page 2 links back to it.
    expect(first).toContain(`href="/in/${topic}/tap-2/"`);
    expect(second).not.toContain(`href="/in/${topic}/`);
    expect(second).toContain(`href="/chu-de/${topic}/"`);
  });

  it('puts every topic page in the sitemap, dated like page 1', () => {
    const sitemap = readdirSync(site.dist)
      .filter((f) => /^sitemap-\d+\.xml$/.test(f))
      .map((f) => readFileSync(join(site.dist, f), 'utf8'))
      .join('');
    const lastmod = (path: string) =>
      new RegExp(`<loc>[^<]*${path}</loc><lastmod>([^<]+)</lastmod>`).exec(sitemap)?.[1];
    expect(lastmod(`/chu-de/${topic}/`)).toBeDefined();
    expect(lastmod(`/chu-de/${topic}/trang-2/`)).toBe(lastmod(`/chu-de/${topic}/`));
    expect(lastmod(`/chu-de/${topic}/trang-3/`)).toBe(lastmod(`/chu-de/${topic}/`));
  });

  it.each([
    ['the Q&A index', '/hoi-dap/', new RegExp(`<h2 id="${topic}">`)],
    ['the Vietnamese language page', '/ngon-ngu/tieng-viet/', new RegExp(`<h3><a href="/chu-de/${topic}/">`)],
  ])(`%s shows the first ${CAP}, then links to the topic page`, (_, path, heading) => {
    const { links, seeAll } = block(page(path), heading);
    expect(links).toEqual(all.slice(0, CAP));
    expect(seeAll).toContain(`href="/chu-de/${topic}/#hoi-dap"`);
    expect(seeAll).toContain(String(FIXTURE.manyCount));
  });

  it('a topic under the cap is listed whole, without the link', () => {
    const survey = readdirSync(join(site.content, 'qa', 'dieu-tra-53-dan-toc')).length;
    expect(survey).toBeLessThanOrEqual(CAP);
    const { links, seeAll } = block(page('/hoi-dap/'), /<h2 id="dieu-tra-53-dan-toc">/);
    expect(links).toHaveLength(survey);
    expect(seeAll).toBeUndefined();
  });
});
