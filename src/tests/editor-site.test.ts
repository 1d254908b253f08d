/** The editing app in the real build: what /bien-tap/ serves, that it stays out of the residents' site (sitemap,
 * search index, service worker, links) and that it adds nothing to resident pages. Byte counts are printed for the
 * record; the budgets that matter are the residents' (performance.test.ts). */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { siteDist } from './helpers/paths';
import { builtFiles, builtPages, editorPages } from './helpers/site-pages';

const editorFiles = builtFiles(siteDist).filter((f) => f.startsWith('bien-tap/'));
const size = (f: string) => statSync(join(siteDist, f)).size;

describe('the editing app in the build', () => {
  it('serves Decap from /bien-tap/ as copied files (main bundle, lazy chunks, WebAssembly), nothing from a CDN', () => {
    for (const f of [
      'index.html',
      'config.yml',
      'decap-cms.js',
      'loa-ban-cms.js',
      'preview.css',
      'ghi-am/index.html',
    ]) {
      expect(editorFiles, f).toContain(`bien-tap/${f}`);
    }
    expect(editorFiles.filter((f) => /^bien-tap\/\d+\.decap-cms\.js$/.test(f)).length).toBeGreaterThan(20);
    expect(editorFiles.filter((f) => f.endsWith('.wasm')).length).toBe(2);
    const shell = readFileSync(join(siteDist, 'bien-tap/index.html'), 'utf8');
    expect(shell).not.toMatch(/https?:\/\//);
    expect(shell).toContain('<meta name="robots" content="noindex, nofollow" />');
    const raw = editorFiles.filter((f) => !/\.(br|gz)$/.test(f)).reduce((n, f) => n + size(f), 0);
    const brotli = editorFiles
      .filter((f) => !/\.(br|gz)$/.test(f))
      .reduce((n, f) => n + size(editorFiles.includes(`${f}.br`) ? `${f}.br` : f), 0);
    const compressed = (f: string) => size(editorFiles.includes(`${f}.br`) ? `${f}.br` : f);
    const first = ['index.html', 'config.yml', 'decap-cms.js', 'loa-ban-cms.js'].reduce(
      (n, f) => n + compressed(`bien-tap/${f}`),
      0,
    );
    console.log(
      `/bien-tap/: ${editorFiles.length} files, ${raw} B as built, ${brotli} B with brotli; opening the app ` +
        `downloads ${first} B (brotli) before lazy chunks`,
    );
  });

  it('generates the CMS configuration at build: Vietnamese, a production backend, every collection', () => {
    const config = yaml.load(readFileSync(join(siteDist, 'bien-tap/config.yml'), 'utf8')) as Record<string, unknown>;
    expect(config).toMatchObject({ locale: 'vi', backend: { name: 'forgejo' }, publish_mode: 'editorial_workflow' });
    expect((config['collections'] as { name: string }[]).map((c) => c.name).sort()).toEqual(
      ['audio', 'documents', 'explainers', 'languages', 'qa', 'settings', 'topics'].sort(),
    );
  });

  it('every editor page is noindex and outside the sitemap, the search index and the service worker', () => {
    const pages = editorPages(siteDist);
    expect(pages.map((p) => p.path)).toEqual(
      expect.arrayContaining(['/bien-tap/', '/bien-tap/ghi-am/', '/bien-tap/viec-can-lam/']),
    );
    for (const page of pages) {
      const html = readFileSync(page.file, 'utf8');
      expect(html, page.path).toMatch(/<meta name="robots" content="noindex, nofollow"/);
      expect(html, page.path).not.toContain('data-pagefind-body');
    }
    const sitemap = builtFiles(siteDist)
      .filter((f) => /^sitemap.*\.xml$/.test(f))
      .map((f) => readFileSync(join(siteDist, f), 'utf8'))
      .join('');
    expect(sitemap).toContain('/hoi-dap/');
    expect(sitemap).not.toContain('/bien-tap/');
    expect(readFileSync(join(siteDist, 'sw.js'), 'utf8')).toContain(
      String.raw`if (/^\/(api|bien-tap)\//.test(url.pathname)) return;`,
    );
  });

  it('adds zero bytes to resident pages: none links, loads or mentions the editing app', () => {
    const mentions = builtPages(siteDist).filter((p) => /\/bien-tap\/|decap/i.test(readFileSync(p.file, 'utf8')));
    expect(mentions.map((p) => p.path)).toEqual([]);
  });

  it('the worklist lists every Vietnamese Q&A, as a page and as CSV', () => {
    const csv = readFileSync(join(siteDist, 'bien-tap/viec-can-lam.csv'), 'utf8');
    const qaPages = builtPages(siteDist).filter((p) => /^\/hoi-dap\/[^/]+\/[^/]+\/$/.test(p.path));
    expect(csv.trim().split('\r\n').length - 1).toBe(qaPages.length);
    const page = readFileSync(join(siteDist, 'bien-tap/viec-can-lam/index.html'), 'utf8');
    for (const q of qaPages) expect(page, q.path).toContain(`href="${q.path}"`);
  });
});
