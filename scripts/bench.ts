/**
 * npm run bench: how the site scales and how it loads on a 2G-class link. A benchmark, not a test: it prints a table.
 *
 * 1. For 1,000, 5,000 and 20,000 synthetic Q&A (sentences reshuffled from the real answers, added to a copy of the
 *    real content in a temp folder), run `astro build` and report wall time, peak memory (RSS of the build's whole
 *    process tree, sampled every 50 ms from /proc) and the largest compressed page per page type. The build's PDF
 *    step (Chromium printing every booklet, leaflet and the slogans) is timed by the step itself and reported apart:
 *    the build time shown leaves it out, so comparisons of build times are not moved by how long Chromium prints.
 * 2. Load the main page types of the real site in headless Chromium over an emulated 400 kbit/s, 400 ms link and
 *    report bytes on the wire, requests and first contentful paint.
 *
 * Options: BENCH_SIZES=1000,5000 to choose sizes; BENCH_SKIP_BUILD=1 to reuse the last outputs.
 */
import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { chromePath } from './lib/browser.ts';
import { serve } from './lib/static-server.ts';
import { syntheticContent } from './lib/synthetic-content.ts';

const root = resolve(import.meta.dirname, '..');
const sizes = (process.env['BENCH_SIZES'] ?? '1000,5000,20000').split(',').map(Number);
const outBase = join(root, 'node_modules/.cache/loa-ban/bench');

/** Sum of RSS (bytes) of `pid` and all its descendants, from /proc. */
function treeRss(pid: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
      rss.set(Number(name), Number(fields[21]) * 4096);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    total += rss.get(p) ?? 0;
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}

/** What the build's PDF step logs (src/integrations/pdf.ts): files, A4 pages, seconds. */
const PDF_LINE = /Đã in (\d+) tệp PDF \((\d+) trang A4\) trong ([\d.]+) giây/;

async function timedBuild(contentDir: string, outDir: string) {
  const started = performance.now();
  const child = spawn(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: root,
    env: { ...process.env, LOA_BAN_CONTENT: contentDir, LOA_BAN_OUT: outDir, LOA_BAN_CACHE: `${outDir}-cache` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, treeRss(child.pid!))), 50);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const code = await new Promise<number>((ok) => child.on('close', (c) => ok(c ?? 1)));
  clearInterval(timer);
  if (code !== 0) throw new Error(`build failed:\n${stderr}`);
  const pdf = PDF_LINE.exec(stdout);
  const pdfSeconds = pdf ? Number(pdf[3]) : 0;
  return {
    /** Wall time without the PDF step. */
    seconds: (performance.now() - started) / 1000 - pdfSeconds,
    peakMb: peak / 1e6,
    pdf: pdf ? `${pdfSeconds.toFixed(1)} s: ${pdf[1]} files, ${pdf[2]} pages` : 'none (no Chromium)',
  };
}

function largestPages(outDir: string) {
  const largest = new Map<string, { bytes: number; file: string }>();
  for (const file of readdirSync(outDir, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.html')) continue;
    const html = readFileSync(join(outDir, file));
    const type = /<body data-page="([a-z]+)"/.exec(html.toString('utf8', 0, 20_000))?.[1] ?? 'list';
    const bytes = gzipSync(html, { level: 9 }).length;
    if (bytes > (largest.get(type)?.bytes ?? 0)) largest.set(type, { bytes, file });
  }
  return largest;
}

async function scale() {
  const rows: string[] = [
    '| Q&A added | build without PDFs (s) | peak memory (MB) | PDF step, apart | largest page, compressed (type: KB) |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const n of sizes) {
    const outDir = join(outBase, `site-${n}`);
    let timing = { seconds: NaN, peakMb: NaN, pdf: 'not built' };
    if (process.env['BENCH_SKIP_BUILD'] !== '1') {
      const contentDir = await syntheticContent(n, 'bench');
      await rm(outDir, { recursive: true, force: true });
      await rm(`${outDir}-cache`, { recursive: true, force: true });
      timing = await timedBuild(contentDir, outDir);
      await rm(contentDir, { recursive: true, force: true });
    }
    const pages = [...largestPages(outDir)].map(([t, p]) => `${t}: ${(p.bytes / 1000).toFixed(1)}`).join(', ');
    rows.push(`| ${n} | ${timing.seconds.toFixed(1)} | ${timing.peakMb.toFixed(0)} | ${timing.pdf} | ${pages} |`);
    console.log(rows.at(-1));
  }
  return rows.join('\n');
}

/** The real site's build, timed like the others; its PDF step is the one a production deploy pays. */
let realBuild = 'not built';

async function firstPaint() {
  const outDir = join(outBase, 'site-real');
  if (process.env['BENCH_SKIP_BUILD'] !== '1') {
    await rm(outDir, { recursive: true, force: true });
    const timing = await timedBuild(join(root, 'content'), outDir);
    realBuild = `${timing.seconds.toFixed(1)} s without PDFs; PDF step ${timing.pdf}`;
  }
  const server = await serve(outDir);
  const browser = await chromium.launch({
    executablePath: chromePath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  const pick = (prefix: string) => {
    const f = readdirSync(join(outDir, prefix), { recursive: true, encoding: 'utf8' }).find(
      (p) => p.split('/').length >= 2 && p.endsWith('index.html'),
    );
    return f ? `${prefix}${f.replace(/index\.html$/, '')}` : prefix;
  };
  const targets = [
    ['home', '/'],
    ['topic', pick('/chu-de/')],
    ['Q&A', pick('/hoi-dap/')],
    ['explainer', pick('/chinh-sach/')],
    ['recording', pick('/ban-nghe/')],
  ];
  const rows = ['| page | bytes on the wire | requests | first contentful paint (ms) |', '| --- | --- | --- | --- |'];
  for (const [name, path] of targets) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    // 400 kbit/s both ways, 400 ms round trip: a weak 2G/3G link in the hills.
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 400,
      downloadThroughput: 50_000,
      uploadThroughput: 50_000,
    });
    let bytes = 0;
    let requests = 0;
    cdp.on('Network.loadingFinished', (e) => {
      bytes += e.encodedDataLength;
      requests += 1;
    });
    await page.goto(server.url + path, { waitUntil: 'load' });
    await page.waitForTimeout(500);
    const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);
    rows.push(`| ${name} (${path}) | ${bytes} | ${requests} | ${Math.round(fcp)} |`);
    console.log(rows.at(-1));
    await context.close();
  }
  await browser.close();
  await server.close();
  return rows.join('\n');
}

const scaleTable = await scale();
const paintTable = await firstPaint();
console.log(`\n## Build at scale (${sizes.join(', ')} synthetic Q&A on top of the real content)\n\n${scaleTable}\n`);
console.log(`## Real site over 400 kbit/s, 400 ms RTT (Chromium, service worker off)\n\n${paintTable}\n`);
console.log(`Real site build: ${realBuild}.\n`);
