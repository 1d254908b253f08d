/**
 * npm run bench:search: what search costs a resident. For the real site and for a generated 5,000-page site (synthetic
 * Q&A made of the real answers' sentences, reshuffled, added to a temp copy of the content and built with
 * LOA_BAN_CONTENT), open /tim-kiem/ in headless Chromium and run a first and a second query. Reports the requests
 * and bytes under /pagefind/ (compressed as a brotli/gzip server sends them; Pagefind's index files are gzip
 * already), the time to results on an emulated 2G-class link, and the index size on disk. A benchmark: it prints.
 *
 * Options: BENCH_PAGES=5000 for the synthetic size; BENCH_SKIP_BUILD=1 to reuse the last outputs.
 */
import { spawn } from 'node:child_process';
import { readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { launch } from './lib/browser.ts';
import { serve } from './lib/static-server.ts';
import { recordTransfers, settled, type Transfer } from './lib/search-page.ts';
import { syntheticContent } from './lib/synthetic-content.ts';

const root = resolve(import.meta.dirname, '..');
const pages = Number(process.env['BENCH_PAGES'] ?? 5000);
// Inside the project: Astro keeps a build's prerender chunks beside an outDir under the working directory, instead
// of in the shared ./.astro/.prerender that parallel builds would fight over.
const outBase = join(root, 'node_modules/.cache/loa-ban/bench-search');
const QUERIES = ['duong day nong', 'dieu tra dan toc'] as const;

async function build(contentDir: string, outDir: string): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
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

async function measure(name: string, outDir: string, buildSeconds: number) {
  const server = await serve(outDir);
  const browser = await launch();
  const rows: string[] = [];
  try {
    for (const link of ['unthrottled', '2G'] as const) {
      const context = await browser.newContext({ serviceWorkers: 'block' });
      const page = await context.newPage();
      if (link === '2G') {
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        // 250 kbit/s down, 300 ms round trip.
        await cdp.send('Network.emulateNetworkConditions', {
          offline: false,
          latency: 300,
          downloadThroughput: 31_250,
          uploadThroughput: 15_000,
        });
      }
      await page.goto(`${server.url}/tim-kiem/`);
      for (const [i, query] of QUERIES.entries()) {
        const stop = recordTransfers(page, '/pagefind/');
        const started = performance.now();
        await page.fill('#q', query);
        await page.press('#q', 'Enter');
        const state = await settled(page);
        const ms = Math.round(performance.now() - started);
        const t: Transfer = await stop();
        const results = await page.locator('#search-results li').count();
        const kinds = (prefix: string) => t.requests.filter((r) => r.path.startsWith(`/pagefind/${prefix}`)).length;
        rows.push(
          `| ${name} | ${link} | ${i === 0 ? 'first' : 'second'}: "${query}" | ${t.requests.length} (${kinds('index/')} index, ${kinds('fragment/')} fragments) | ${(t.compressed / 1000).toFixed(1)} | ${ms} | ${state}, ${results} shown |`,
        );
        console.log(rows.at(-1));
      }
      await context.close();
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
const summaries = ['| site | build (s) | /pagefind/ on disk (MB) |', '| --- | --- | --- |'];
for (const site of sites) {
  let seconds = 0;
  if (process.env['BENCH_SKIP_BUILD'] !== '1') {
    const content = await site.content();
    await rm(site.outDir, { recursive: true, force: true });
    seconds = await build(content ?? join(root, 'content'), site.outDir);
    if (content) await rm(content, { recursive: true, force: true });
  }
  const { rows: r, summary } = await measure(site.name, site.outDir, seconds);
  rows.push(...r);
  summaries.push(summary);
}
console.log(
  `\n## Search: first and second query (budget: first <= 90 KB)\n\n${rows.join('\n')}\n\n${summaries.join('\n')}\n`,
);
