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

/** Resident pages: the editing app under /bien-tap/ is for editors and has budgets of its own (editor-site.test.ts). */
const pages = readdirSync(siteDist, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.html') && !f.startsWith('bien-tap/'))
  .map((file) => ({ file, html: readFileSync(join(siteDist, file), 'utf8') }));
const typeOf = (html: string) => /<body data-page="([a-z]+)"/.exec(html)?.[1] ?? 'list';
const gz = (data: string | Buffer) => gzipSync(data, { level: 9 }).length;
const head = (html: string) => html.slice(0, html.indexOf('</head>'));

describe('page weight', () => {
  it('covers every page type', () => {
    const types = new Set(pages.map((p) => typeOf(p.html)));
    for (const t of ['home', 'topic', 'qa', 'explainer', 'list']) expect(types).toContain(t);
  });

  it('keeps every page within its compressed budget', () => {
    const over = pages
      .map((p) => ({ file: p.file, type: typeOf(p.html), bytes: gz(p.html) }))
      .filter((p) => p.bytes > budget[p.type]!)
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

  it('keeps JavaScript a small enhancement (<= 3 KB compressed per page, search page excepted)', () => {
    const over = pages
      .filter((p) => typeOf(p.html) !== 'search')
      .map(({ file, html }) => {
        const external = [...html.matchAll(/<script[^>]*src="(\/[^"]+)"/g)].map((m) =>
          gz(readFileSync(join(siteDist, m[1]!))),
        );
        const inline = [...html.matchAll(/<script(?![^>]*src=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => gz(m[1]!));
        return { file, bytes: [...external, ...inline].reduce((a, b) => a + b, 0) };
      })
      .filter((p) => p.bytes > JS_BUDGET)
      .map((p) => `${p.file}: ${p.bytes} B`);
    expect(over).toEqual([]);
  });

  it('ships a service worker well under 5 KB, stamped with a version', () => {
    const sw = readFileSync(join(siteDist, 'sw.js'), 'utf8');
    expect(sw).not.toContain('__VERSION__');
    expect(sw).toMatch(/const VERSION = '[0-9a-f]{12}'/);
    expect(Buffer.byteLength(sw)).toBeLessThan(5_000);
  });
});
