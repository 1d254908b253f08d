/** Links and assets: every internal URL in the built site resolves to a built file (and its #fragment to an id), and
 * the sitemap lists exactly the pages that exist. Printed QR codes and shared links depend on this. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { INBOX_PREFIXES } from '../lib/urls';
import { siteDist } from './helpers/paths';
import { builtFiles, builtPages } from './helpers/site-pages';

const decode = (s: string) =>
  s.replace(
    /&(amp|lt|gt|quot|#39|#x27|apos);/g,
    (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", apos: "'" })[e]!,
  );

/** The site's origin, as written in the home page's canonical link (SITE_URL at build). */
let origin = '';
const idsCache = new Map<string, Set<string>>();

function idsOf(file: string): Set<string> {
  let ids = idsCache.get(file);
  if (!ids) {
    const html = readFileSync(file, 'utf8');
    ids = new Set([...html.matchAll(/\s(?:id|name)\s*=\s*"([^"]+)"/g)].map((m) => decode(m[1]!)));
    idsCache.set(file, ids);
  }
  return ids;
}

function fragmentProblem(file: string, hash: string): string | undefined {
  if (hash === '#') return 'empty fragment "#"';
  const fragment = decodeURIComponent(hash.slice(1));
  if (fragment && file.endsWith('.html') && !idsOf(file).has(fragment)) return `no element with id "${fragment}"`;
  return undefined;
}

/** Why an internal URL does not resolve, or undefined when it does. */
function problem(url: URL): string | undefined {
  // The inbox service answers these, not the build (inbox-service.test.ts and nginx.test.ts check them).
  if (INBOX_PREFIXES.some((prefix) => url.pathname.startsWith(prefix))) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return 'malformed percent-encoding';
  }
  let file = join(siteDist, path);
  if (path.endsWith('/')) file = join(file, 'index.html');
  else if (existsSync(file) && statSync(file).isDirectory()) return 'folder without trailing slash (costs a redirect)';
  if (!existsSync(file)) return 'no such file in the build';
  return fragmentProblem(file, url.hash);
}

/** Internal URLs in one HTML page: href/src/srcset/poster/action/data attributes. */
function htmlUrls(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/\s(href|src|poster|action|data|srcset|content)\s*=\s*"([^"]*)"/gi)) {
    const name = m[1]!.toLowerCase();
    const value = decode(m[2]!);
    if (name === 'srcset')
      out.push(
        ...value
          .split(',')
          .map((c) => c.trim().split(/\s+/)[0]!)
          .filter(Boolean),
      );
    // <meta content> holds a URL only for og:url/og:image/og:audio and the like: absolute ones are checked below.
    else if (name === 'content') {
      if (value.startsWith(origin)) out.push(value);
    } else out.push(value);
  }
  return out;
}

const isInternal = (raw: string, base: URL): URL | undefined => {
  if (/^(?:mailto|tel|sms|data|blob):/i.test(raw)) return undefined;
  const url = new URL(raw, base);
  return url.origin === base.origin ? url : undefined;
};

describe('internal links and assets', () => {
  beforeAll(() => {
    const home = readFileSync(join(siteDist, 'index.html'), 'utf8');
    const canonical = /<link rel="canonical" href="([^"]+)"/.exec(home)?.[1];
    if (!canonical) throw new Error('home page has no canonical link');
    origin = new URL(canonical).origin;
  });

  it('every href/src/srcset/action/#fragment in every page resolves in the build', () => {
    const failures: string[] = [];
    let checked = 0;
    for (const page of builtPages(siteDist)) {
      // The 404 page is served at any missing URL, so its links must be root-relative; resolve them from a deep URL.
      const base = new URL(page.path === '/404.html' ? '/khong/co/trang/nay/' : page.path, origin);
      for (const raw of htmlUrls(readFileSync(page.file, 'utf8'))) {
        if (page.path === '/404.html' && !/^(?:[a-z]+:|\/|#)/i.test(raw)) {
          failures.push(`${page.path}: relative URL "${raw}" breaks when shown at a missing URL`);
          continue;
        }
        const url = isInternal(raw, base);
        if (!url) continue;
        checked++;
        // Same-page links (#main) are checked against this page's own ids, also for the 404 page.
        const why = url.pathname === base.pathname ? fragmentProblem(page.file, url.hash) : problem(url);
        if (why) failures.push(`${page.path}: ${raw} → ${why}`);
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(failures).toEqual([]);
  });

  it('every absolute site URL in feeds, playlists, JSON and text files resolves (feeds, enclosures, printed URLs)', () => {
    const failures: string[] = [];
    const pattern = new RegExp(`${origin.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^\\s"'<>)\\]]*`, 'g');
    for (const file of builtFiles(siteDist)) {
      if (!/\.(?:xml|rss|m3u|json|txt|vtt|html)$/.test(file) || /^pagefind\//.test(file)) continue;
      const text = readFileSync(join(siteDist, file), 'utf8');
      for (const m of text.matchAll(pattern)) {
        const why = problem(new URL(decode(m[0])));
        if (why) failures.push(`${file}: ${m[0]} → ${why}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('relative entries in .m3u playlists resolve', () => {
    const failures: string[] = [];
    for (const file of builtFiles(siteDist).filter((f) => f.endsWith('.m3u'))) {
      const base = new URL(`/${file}`, origin);
      for (const line of readFileSync(join(siteDist, file), 'utf8').split(/\r?\n/)) {
        if (!line.trim() || line.startsWith('#')) continue;
        const url = isInternal(line.trim(), base);
        const why = url && problem(url);
        if (why) failures.push(`${file}: ${line} → ${why}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('sitemap', () => {
  const parser = new XMLParser({ isArray: (name) => name === 'sitemap' || name === 'url' });
  const read = (file: string) => parser.parse(readFileSync(join(siteDist, file), 'utf8'));

  it('lists every page except 404 and noindex pages, and only pages that exist, each with a lastmod where dated', () => {
    const index = read('sitemap-index.xml');
    const maps: string[] = index.sitemapindex.sitemap.map((s: { loc: string }) => new URL(s.loc).pathname.slice(1));
    expect(maps.length).toBeGreaterThan(0);
    const entries: { loc: string; lastmod?: string }[] = maps.flatMap((m) => read(m).urlset.url);
    const listed = entries.map((e) => new URL(e.loc).pathname);
    expect(new Set(listed).size).toBe(listed.length);

    const pages = builtPages(siteDist).filter((p) => p.path !== '/404.html');
    const noindex = new Set(
      pages
        .filter((p) => /<meta name="robots" content="[^"]*noindex/i.test(readFileSync(p.file, 'utf8')))
        .map((p) => p.path),
    );
    const expected = pages
      .map((p) => p.path)
      .filter((p) => !noindex.has(p))
      .sort();
    expect([...listed].sort()).toEqual(expected);

    // Dated content (Q&A, explainers) carries its lastmod, a valid W3C date.
    const dated = entries.filter((e) => e.lastmod);
    expect(dated.length).toBeGreaterThan(0);
    for (const e of dated) expect(e.lastmod).toMatch(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/);
    expect(
      entries.find(
        (e) => new URL(e.loc).pathname.startsWith('/hoi-dap/') && new URL(e.loc).pathname.split('/').length > 4,
      )?.lastmod,
    ).toBeTruthy();
  });
});
