/** Built for 2G: byte and request budgets over every built page (compressed sizes, images excluded), on the real site
 * and on the fixture site, whose generated topic crosses the topic-page and booklet-volume limits. Timings live in
 * `npm run bench`, not here; scripts/lib/page-budgets.ts checks the same budgets on the benchmark's large sites. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE, fixtureSite } from './helpers/fixture-site';
import { siteDist } from './helpers/paths';
import { gzipBytes, PAGE_BUDGETS, pageBudgets, pageType } from '../../scripts/lib/page-budgets';
import { BOOKLET_VOLUME_SIZE, TOPIC_PAGE_SIZE } from '../lib/pagination';
import { printUrls, urls } from '../lib/urls';

const budget = PAGE_BUDGETS;
const JS_BUDGET = 3_000;
/** The search page runs its own UI before Pagefind loads (Pagefind's bytes are budgeted in search-budget.test.ts). */
const SEARCH_JS_BUDGET = 6_000;

/** Resident pages: the editing app under /bien-tap/ is for editors and has budgets of its own (editor-site.test.ts). */
const residentPages = (dist: string) =>
  readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html') && !f.startsWith('bien-tap/'))
    .map((file) => ({ file, html: readFileSync(join(dist, file), 'utf8') }));
const pages = residentPages(siteDist);
/** A page's type, as its layout declares it; a page that declares none gets no budget and fails. */
const typeOf = pageType;
const gz = gzipBytes;
const head = (html: string) => html.slice(0, html.indexOf('</head>'));

/** Pages over their type's budget, as "file (type): bytes > budget". */
const overBudget = (list: { file: string; html: string }[]) =>
  list
    .map((p) => ({ file: p.file, type: typeOf(p.html), bytes: gz(p.html) }))
    .filter((p) => !(p.bytes <= budget[p.type]!))
    .map((p) => `${p.file} (${p.type}): ${p.bytes} B > ${budget[p.type]} B`);

describe('page weight', () => {
  it('has a page of every budgeted type, and no page of another type', () => {
    const types = new Set(pages.map((p) => typeOf(p.html)));
    expect([...types].sort()).toEqual(Object.keys(budget).sort());
  });

  it('gives the search page its own type', () => {
    expect(pages.filter((p) => typeOf(p.html) === 'search').map((p) => p.file)).toEqual(['tim-kiem/index.html']);
  });

  it('keeps every page within its compressed budget', () => {
    expect(overBudget(pages)).toEqual([]);
  });

  it('writes .br and .gz beside every text file and none beside MP3s', () => {
    const files = readdirSync(siteDist, { recursive: true, encoding: 'utf8' });
    const text = files.filter(
      (f) => /\.(html|css|js|xml|json|svg|txt|vtt|m3u|rss)$/.test(f) && !f.startsWith('pagefind/'),
    );
    expect(text.length).toBeGreaterThan(50);
    expect(
      text.filter((f) => !existsSync(join(siteDist, `${f}.br`)) || !existsSync(join(siteDist, `${f}.gz`))),
    ).toEqual([]);
    expect(files.filter((f) => /\.(mp3|zip|pf_fragment)\.(br|gz)$/.test(f))).toEqual([]);
    // What every search loads (Pagefind's WebAssembly, metadata and index chunks) is stored plain with its copies
    // (src/integrations/pagefind.ts); result fragments stay gzip inside, as Pagefind writes them.
    const search = files.filter((f) =>
      /^pagefind\/(?:[^/]+\.pf_meta|index\/[^/]+\.pf_index|wasm\.[a-z-]+\.pagefind)$/.test(f),
    );
    expect(search.length).toBeGreaterThan(3);
    expect(
      search.filter((f) => !existsSync(join(siteDist, `${f}.br`)) || !existsSync(join(siteDist, `${f}.gz`))),
    ).toEqual([]);
  });
});

describe('one round trip to read', () => {
  it('has no render-blocking request: CSS inlined, scripts deferred, no fonts', () => {
    const blocking = pages.flatMap(({ file, html }) => {
      const h = head(html);
      const problems: string[] = [];
      for (const link of h.match(/<link[^>]*rel="stylesheet"[^>]*>/g) ?? []) {
        if (!link.includes('media="print"')) problems.push(`${file}: ${link}`);
      }
      for (const script of h.match(/<script[^>]*src=[^>]*>/g) ?? []) {
        if (!/type="module"|\basync\b|\bdefer\b/.test(script)) problems.push(`${file}: ${script}`);
      }
      if (/@font-face|@import/.test(html)) problems.push(`${file}: web font or CSS @import`);
      return problems;
    });
    expect(blocking).toEqual([]);
  });

  it('makes no third-party request', () => {
    const external = pages.flatMap(({ file, html }) =>
      [...html.matchAll(/<(?:script|link|img|audio|source|iframe|video)\b[^>]*\b(?:src|href)="(https?:)?\/\/[^"]+"/g)]
        .filter((m) => !m[0].includes('rel="canonical"') && !m[0].includes('rel="alternate"'))
        .map((m) => `${file}: ${m[0]}`),
    );
    expect(external).toEqual([]);
  });

  it('keeps JavaScript a small enhancement (<= 3 KB compressed per page, 6 KB on the search page)', () => {
    const scripts = (html: string) => {
      const external = [...html.matchAll(/<script[^>]*src="(\/[^"]+)"/g)].map((m) =>
        gz(readFileSync(join(siteDist, m[1]!))),
      );
      const inline = [...html.matchAll(/<script(?![^>]*src=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => gz(m[1]!));
      return [...external, ...inline].reduce((a, b) => a + b, 0);
    };
    const over = pages
      .map(({ file, html }) => ({
        file,
        bytes: scripts(html),
        limit: typeOf(html) === 'search' ? SEARCH_JS_BUDGET : JS_BUDGET,
      }))
      .filter((p) => p.bytes > p.limit)
      .map((p) => `${p.file}: ${p.bytes} B > ${p.limit} B`);
    expect(over).toEqual([]);
    // The search page's scripts are found and weighed, not skipped.
    expect(scripts(pages.find((p) => p.file === 'tim-kiem/index.html')!.html)).toBeGreaterThan(0);
  });

  it('ships a service worker well under 5 KB, stamped with a version', () => {
    const sw = readFileSync(join(siteDist, 'sw.js'), 'utf8');
    expect(sw).not.toContain('__VERSION__');
    expect(sw).toMatch(/const VERSION = '[0-9a-f]{12}'/);
    expect(Buffer.byteLength(sw)).toBeLessThan(5_000);
  });
});

describe('page weight past the list limits (the fixture site)', () => {
  let fixture: { file: string; html: string }[];
  beforeAll(async () => {
    fixture = residentPages((await fixtureSite()).dist);
  });

  it('has a topic split over three pages and a booklet in two volumes, each page its own file', () => {
    const topic = FIXTURE.manyTopic;
    const files = new Set(fixture.map((p) => p.file));
    const topicPages = Math.ceil(FIXTURE.manyCount / TOPIC_PAGE_SIZE);
    const volumes = Math.ceil(FIXTURE.manyCount / BOOKLET_VOLUME_SIZE);
    expect(topicPages).toBeGreaterThanOrEqual(3);
    expect(volumes).toBeGreaterThanOrEqual(2);
    for (let n = 1; n <= topicPages; n++) expect(files).toContain(`${urls.topicPage(topic, n).slice(1)}index.html`);
    for (let v = 1; v <= volumes; v++) expect(files).toContain(`${printUrls.booklet(topic, v).slice(1)}index.html`);
    const typed = (path: string) => typeOf(fixture.find((p) => p.file === `${path.slice(1)}index.html`)!.html);
    expect(typed(urls.topicPage(topic, 2))).toBe('topic');
    expect(typed(printUrls.booklet(topic, 2))).toBe('print');
  });

  it('keeps every page within its compressed budget', async () => {
    expect(overBudget(fixture)).toEqual([]);
    // The benchmark's check (scripts/lib/page-budgets.ts) finds the same: every type, none over.
    const checked = await pageBudgets((await fixtureSite()).dist);
    expect(checked.over).toEqual([]);
    expect(checked.types.map((t) => t.type).sort()).toEqual(Object.keys(budget).sort());
  });
});
