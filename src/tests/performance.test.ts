/** Built for 2G: byte and request budgets over every built page (compressed sizes, images excluded). Timings live in
 * `npm run bench`, not here. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { siteDist } from './helpers/paths';

/** Compressed HTML budget per page type (bytes). 14 KB is what fits the first TCP round trip (10 segments). */
const budget: Record<string, number> = {
  qa: 14_000,
  recording: 14_000,
  explainer: 20_000,
  topic: 20_000,
  home: 25_000,
  list: 25_000,
  search: 25_000,
  print: 60_000,
};
const JS_BUDGET = 3_000;
/** The search page runs its own UI before Pagefind loads (Pagefind's bytes are budgeted in search-budget.test.ts). */
const SEARCH_JS_BUDGET = 6_000;

/** Resident pages: the editing app under /bien-tap/ is for editors and has budgets of its own (editor-site.test.ts). */
const pages = readdirSync(siteDist, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.html') && !f.startsWith('bien-tap/'))
  .map((file) => ({ file, html: readFileSync(join(siteDist, file), 'utf8') }));
/** A page's type, as its layout declares it; a page that declares none gets no budget and fails. */
const typeOf = (html: string) => /<body data-page="([a-z]+)"/.exec(html)?.[1] ?? 'none';
const gz = (data: string | Buffer) => gzipSync(data, { level: 9 }).length;
const head = (html: string) => html.slice(0, html.indexOf('</head>'));

describe('page weight', () => {
  it('has a page of every budgeted type, and no page of another type', () => {
    const types = new Set(pages.map((p) => typeOf(p.html)));
    expect([...types].sort()).toEqual(Object.keys(budget).sort());
  });

  it('gives the search page its own type', () => {
    expect(pages.filter((p) => typeOf(p.html) === 'search').map((p) => p.file)).toEqual(['tim-kiem/index.html']);
  });

  it('keeps every page within its compressed budget', () => {
    const over = pages
      .map((p) => ({ file: p.file, type: typeOf(p.html), bytes: gz(p.html) }))
      .filter((p) => !(p.bytes <= budget[p.type]!))
      .map((p) => `${p.file} (${p.type}): ${p.bytes} B > ${budget[p.type]} B`);
    expect(over).toEqual([]);
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
    expect(files.filter((f) => /\.(mp3|zip|pf_fragment|pf_index)\.(br|gz)$/.test(f))).toEqual([]);
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
