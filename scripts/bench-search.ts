/**
 * npm run bench:search: what search costs a resident. For the real site and for a generated 5,000-page site (synthetic
 * Q&A made of the real answers' sentences, reshuffled, added to a temp copy of the content and built with
 * LOA_BAN_CONTENT), open /tim-kiem/?q=… in a fresh headless Chromium for queries of one to six words, then a second
 * query in the same page. Reports every request and byte from opening the page to results on screen (the page, its
 * scripts, Pagefind's files, the service worker's: the count search-budget.test.ts asserts; compressed as a
 * brotli/gzip server sends them), the time to results on an emulated 2G-class link, and the index size on disk.
 * A benchmark: it prints.
 *
 * Options: BENCH_PAGES=5000 for the synthetic size; BENCH_SKIP_BUILD=1 to reuse the last outputs.
 */
import { spawn } from 'node:child_process';
import { readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { emulateLink, launch } from './lib/browser.ts';
import { serve } from './lib/static-server.ts';
import type { Page } from 'playwright-core';
import { FIRST_SEARCH_QUERIES, firstSearch, nextSearch, type Transfer } from './lib/search-page.ts';
import { syntheticContent } from './lib/synthetic-content.ts';
import { formatPageBudgets, pageBudgets } from './lib/page-budgets.ts';

const root = resolve(import.meta.dirname, '..');
const pages = Number(process.env['BENCH_PAGES'] ?? 5000);
// Inside the project: Astro keeps a build's prerender chunks beside an outDir under the working directory, instead
// of in the shared ./.astro/.prerender that parallel builds would fight over.
const outBase = join(root, 'node_modules/.cache/loa-ban/bench-search');
/** Typed after the six-word first search, in the same page. */
const SECOND_QUERY = 'duong day nong';

async function build(contentDir: string, outDir: string): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [join(root, 'scripts/build.ts')], {
    cwd: root,
    env: { ...process.env, LOA_BAN_CONTENT: contentDir, LOA_BAN_OUT: outDir, LOA_BAN_CACHE: `${outDir}-cache` },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const code = await new Promise<number>((ok) => child.on('close', (c) => ok(c ?? 1)));
  if (code !== 0) throw new Error(`build failed:\n${stderr}`);
  return (performance.now() - started) / 1000;
}

async function dirBytes(dir: string): Promise<number> {
  const { stat } = await import('node:fs/promises');
  let total = 0;
  for (const f of await readdir(dir, { recursive: true, withFileTypes: true }))
    if (f.isFile()) total += (await stat(join(f.parentPath, f.name))).size;
  return total;
}

/** Slows a page's network to a 2G-class link: 250 kbit/s down, 300 ms round trip. */
async function throttle(page: Page) {
  await emulateLink(await page.context().newCDPSession(page), { latency: 300, down: 31_250, up: 15_000 });
}

async function measure(name: string, outDir: string, buildSeconds: number) {
  const server = await serve(outDir);
  const browser = await launch();
  const rows: string[] = [];
  const row = (link: string, what: string, t: Transfer, ms: number, outcome: string) => {
    const kinds = (prefix: string) => t.requests.filter((r) => r.path.startsWith(`/pagefind/${prefix}`)).length;
    rows.push(
      `| ${name} | ${link} | ${what} | ${t.requests.length} (${kinds('index/')} index, ${kinds('fragment/')} fragments) | ${(t.compressed / 1000).toFixed(1)} | ${ms} | ${outcome} |`,
    );
    console.log(rows.at(-1));
  };
  try {
    for (const link of ['unthrottled', '2G'] as const) {
      // Every query a first search in a fresh browser (nothing cached), counted from opening the page.
      for (const query of FIRST_SEARCH_QUERIES) {
        if (link === '2G' && query !== FIRST_SEARCH_QUERIES.at(-1)) continue;
        const started = performance.now();
        const first = await firstSearch(browser, server.url, query, link === '2G' ? { setup: throttle } : {});
        const ms = Math.round(performance.now() - started);
        const shown = await first.page.locator('#search-results li').count();
        row(link, `first: "${query}" (${query.split(' ').length} words)`, first, ms, `${first.state}, ${shown} shown`);
        if (query === FIRST_SEARCH_QUERIES.at(-1)) {
          await first.page.evaluate(() => navigator.serviceWorker.ready);
          const again = performance.now();
          const second = await nextSearch(first.page, SECOND_QUERY);
          const count = await first.page.locator('#search-results li').count();
          row(
            link,
            `second: "${SECOND_QUERY}"`,
            second,
            Math.round(performance.now() - again),
            `${second.state}, ${count} shown`,
          );
        }
        await first.context.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const index = await dirBytes(join(outDir, 'pagefind'));
  return {
    rows,
    summary: `| ${name} | ${buildSeconds ? buildSeconds.toFixed(1) : '(reused)'} | ${(index / 1e6).toFixed(2)} |`,
  };
}

const sites: { name: string; outDir: string; content: () => Promise<string | undefined> }[] = [
  { name: 'real site', outDir: join(outBase, 'real'), content: async () => undefined },
  {
    name: `synthetic ${pages}`,
    outDir: join(outBase, `synthetic-${pages}`),
    content: () => syntheticContent(pages, 'bench-search'),
  },
];
const rows = [
  '| site | link | query | requests | KB compressed | ms to results | outcome |',
  '| --- | --- | --- | --- | --- | --- | --- |',
];
/** Every page type's heaviest page against its budget (scripts/lib/page-budgets.ts), per site. */
const budgets: string[] = [];
const summaries = ['| site | build (s) | /pagefind/ on disk (MB) |', '| --- | --- | --- |'];
for (const site of sites) {
  let seconds = 0;
  if (process.env['BENCH_SKIP_BUILD'] !== '1') {
    const content = await site.content();
    // The content cache too: it names the last run's temporary content folder, and a build reusing it fails.
    await Promise.all([site.outDir, `${site.outDir}-cache`].map((d) => rm(d, { recursive: true, force: true })));
    seconds = await build(content ?? join(root, 'content'), site.outDir);
    if (content) await rm(content, { recursive: true, force: true });
  }
  const { rows: r, summary } = await measure(site.name, site.outDir, seconds);
  rows.push(...r);
  summaries.push(summary);
  budgets.push(formatPageBudgets(site.name, await pageBudgets(site.outDir)));
}
console.log(
  `\n## Search: everything downloaded from opening /tim-kiem/?q=… to results on screen (budget: first <= 90 KB on the real site, <= 100 KB at 5,000 pages; second < 20 KB)\n\n${rows.join('\n')}\n\n${summaries.join('\n')}\n`,
);
console.log(`## Page weight by type (gzip -9)\n\n${budgets.join('\n\n')}\n`);
