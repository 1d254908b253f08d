/**
 * npm run bench: how the site scales and how it loads on a 2G-class link. A benchmark, not a test: it prints tables.
 *
 * 1. Scale, against bare Astro. The same synthetic Q&A (BENCH_QA of them: sentences reshuffled from the real answers,
 *    added to a copy of the real content in a temp folder) are built BENCH_RUNS times, each time once by this project
 *    (every feature on) and once by a bare Astro project made in a temp folder (the same Astro from our node_modules,
 *    no integrations, one page per Q&A). Reported: wall time, peak memory (RSS of the build's whole process tree,
 *    sampled every 100 ms from /proc), a stage table, and the ratio ours/bare as the median over the runs: absolute
 *    times vary between machines, the ratio does not. The PDF step (Chromium printing booklets and leaflets) is timed
 *    by the step itself and left out of our time, reported apart, so how long Chromium prints moves no comparison.
 *    Stages come from the build's own log: each line is timed as it arrives, Astro's phases end at its own lines,
 *    and each build-done step logs its time (src/integrations/build-done.ts).
 * 2. A second build with one Q&A changed, caches kept (Astro's cache folder and our precompression cache), as an
 *    editor's publish on the machine that builds: its time against the first build's.
 * 3. The largest compressed page of each page type at that scale.
 * 4. The main page types of the real site in headless Chromium over an emulated 400 kbit/s, 400 ms link: bytes on
 *    the wire, requests and first contentful paint.
 *
 * Options (environment): BENCH_QA=20000 (Q&A added), BENCH_RUNS=3, BENCH_SECOND=0 skips the second build,
 * BENCH_BARE=0 skips bare Astro, BENCH_PAINT=0 skips the real-site load test, BENCH_SKIP_BUILD=1 reuses the last
 * outputs for the page tables.
 */
import { execFileSync, spawn } from 'node:child_process';
import { appendFile, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { formatPageBudgets, pageBudgets } from './lib/page-budgets.ts';
import { chromePath, emulateLink } from './lib/browser.ts';
import { serve } from './lib/static-server.ts';
import { syntheticContent } from './lib/synthetic-content.ts';

const root = resolve(import.meta.dirname, '..');
const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const qaCount = env('BENCH_QA', 20_000);
const runs = Math.max(1, env('BENCH_RUNS', 3));
const second = env('BENCH_SECOND', 1) === 1;
const bare = env('BENCH_BARE', 1) === 1;
const paint = env('BENCH_PAINT', 1) === 1;
const skipBuild = process.env['BENCH_SKIP_BUILD'] === '1';
const outBase = join(root, 'node_modules/.cache/loa-ban/bench');
/** What `npm run build` runs (scripts/build.ts: Astro, then the after-build steps once Astro has exited), and bare
 * Astro's own build. */
const oursCommand = [join(root, 'scripts/build.ts')];
const bareCommand = [join(root, 'node_modules/astro/bin/astro.mjs'), 'build'];

/** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux). */
const TICKS = 100;

/** Sum of RSS (bytes) and of CPU time (seconds: user and system, with that of children already waited for) of `pid`
 * and all its descendants, from /proc. CPU time against wall time says how many of the cores a stage kept busy. */
function treeUsage(pid: number): { rss: number; cpu: number } {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  const cpu = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
      rss.set(Number(name), Number(fields[21]) * 4096);
      // utime, stime, cutime, cstime: fields 14–17 of stat, counted here from the state (field 3).
      cpu.set(Number(name), fields.slice(11, 15).reduce((a, b) => a + Number(b), 0) / TICKS);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  let seconds = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    total += rss.get(p) ?? 0;
    seconds += cpu.get(p) ?? 0;
    stack.push(...(children.get(p) ?? []));
  }
  return { rss: total, cpu: seconds };
}

interface Build {
  /** Wall time, PDF step left out. */
  seconds: number;
  peakMb: number;
  pdfSeconds: number;
  /** Stage name → seconds. */
  stages: Map<string, number>;
  /** Stage name → peak memory of the process tree during that stage (MB). */
  stagePeaks: Map<string, number>;
  /** Stage name → cores kept busy on average (CPU seconds of the process tree over wall seconds). */
  stageCores: Map<string, number>;
}

/** What each build-done step logs when it ends (src/integrations/build-done.ts, stepLine). */
const STEP_LINE = /Bước (\w+) xong trong ([\d.]+) giây/;
/** What the PDF step logs: files and A4 pages printed, then those reused from its cache (src/integrations/pdf.ts). */
const PDF_LINE = /Đã in (\d+) tệp PDF \((\d+) trang A4\)(?:, lấy lại (\d+) tệp PDF [^(]*\((\d+) trang A4\))?/;
/** Astro's phases, each ending at its own log line, in the order they come. */
const PHASES: [string, RegExp][] = [
  ['start-up and content sync', /Synced content/],
  ['bundling (Vite)', /generating static routes/],
  ['rendering pages', /Completed in/],
];
const STEP_NAMES: Record<string, string> = {
  printPdfs: 'PDF (apart)',
  searchIndex: 'search index (Pagefind)',
  imageBudget: 'image budget',
  stampServiceWorker: 'service-worker stamp',
  precompressFiles: 'precompression',
  afterBuild: 'after-build steps, wall (PDF included)',
};
/** The after-build steps: the after-build wall covers them, so they are left out of the sum that leaves "other". */
const INSIDE_AFTER_BUILD = new Set([
  'printPdfs',
  'searchIndex',
  'imageBudget',
  'stampServiceWorker',
  'precompressFiles',
]);
let pdfFacts = 'none (no Chromium)';

/** Runs `command` (a build) in `cwd` with `extra` environment, sampling the process tree's memory and timing each line of
 * its output as it arrives. `log` keeps the whole output for reading afterwards. */
async function timedBuild(cwd: string, extra: Record<string, string>, log: string, command: string[]): Promise<Build> {
  // The last build's gigabyte of writes goes to disk first, not during this build: without it every build of a bench
  // ran slower than the one before (bare Astro 17.7 → 23.9 → 34.8 s).
  execFileSync('sync');
  const started = performance.now();
  const child = spawn(process.execPath, command, {
    cwd,
    env: { ...process.env, ...extra, FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const samples: { at: number; rss: number; cpu: number }[] = [];
  const timer = setInterval(
    () => samples.push({ at: (performance.now() - started) / 1000, ...treeUsage(child.pid!) }),
    100,
  );
  const lines: { at: number; text: string }[] = [];
  let pending = '';
  child.stdout.on('data', (d: Buffer) => {
    const at = (performance.now() - started) / 1000;
    const parts = (pending + d.toString()).split('\n');
    pending = parts.pop()!;
    for (const text of parts) lines.push({ at, text });
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const code = await new Promise<number>((ok) => child.on('close', (c) => ok(c ?? 1)));
  clearInterval(timer);
  const total = (performance.now() - started) / 1000;
  await writeFile(log, lines.map((l) => `${l.at.toFixed(2)} ${l.text}`).join('\n') + `\n${stderr}`);
  if (code !== 0) throw new Error(`build failed (log: ${log}):\n${stderr.slice(-3000)}`);

  const stages = new Map<string, number>();
  const stagePeaks = new Map<string, number>();
  const stageCores = new Map<string, number>();
  const peakBetween = (from: number, to: number) =>
    Math.max(0, ...samples.filter((x) => x.at >= from && x.at <= to + 0.1).map((x) => x.rss)) / 1e6;
  /** CPU counter at `at`: the last sample before it. */
  const cpuAt = (at: number) => samples.findLast((x) => x.at <= at)?.cpu ?? 0;
  const coresBetween = (from: number, to: number) => (to > from ? (cpuAt(to) - cpuAt(from)) / (to - from) : 0);
  let phase = 0;
  let last = 0;
  for (const { at, text } of lines) {
    if (phase < PHASES.length && PHASES[phase]![1].test(text)) {
      stages.set(PHASES[phase]![0], at - last);
      stagePeaks.set(PHASES[phase]![0], peakBetween(last, at));
      stageCores.set(PHASES[phase]![0], coresBetween(last, at));
      last = at;
      phase += 1;
    }
    const step = STEP_LINE.exec(text);
    if (step) {
      const name = STEP_NAMES[step[1]!] ?? step[1]!;
      stages.set(name, Number(step[2]));
      stagePeaks.set(name, peakBetween(at - Number(step[2]), at));
      stageCores.set(name, coresBetween(at - Number(step[2]), at));
    }
    const pdf = PDF_LINE.exec(text);
    if (pdf) pdfFacts = `${pdf[1]} files printed (${pdf[2]} A4 pages), ${pdf[3] ?? 0} reused (${pdf[4] ?? 0} A4 pages)`;
  }
  const pdfSeconds = stages.get(STEP_NAMES['printPdfs']!) ?? 0;
  // Astro's phases and the after-build wall follow one another; the steps are inside that wall.
  const inside = new Set([...INSIDE_AFTER_BUILD].map((step) => STEP_NAMES[step]));
  const known = [...stages].filter(([name]) => !inside.has(name)).reduce((a, [, b]) => a + b, 0);
  stages.set('other (sitemap, editor copy, hooks, exit)', total - known);
  const peakMb = Math.max(0, ...samples.map((x) => x.rss)) / 1e6;
  return { seconds: total - pdfSeconds, peakMb, pdfSeconds, stages, stagePeaks, stageCores };
}

/** A bare Astro project in a temp folder: our node_modules linked in (the same Astro), no integrations, one page per
 * Q&A (the Markdown files of `qaDir`), the Markdown rendered into a minimal HTML page. */
async function bareProject(qaDir: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'loa-ban-bare-'));
  await symlink(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  await mkdir(join(dir, 'src/pages/hoi-dap'), { recursive: true });
  await writeFile(join(dir, 'package.json'), '{ "name": "bare", "private": true, "type": "module" }\n');
  await writeFile(
    join(dir, 'astro.config.mjs'),
    "import { defineConfig } from 'astro/config';\nexport default defineConfig({});\n",
  );
  await writeFile(
    join(dir, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\n` +
      `export const collections = { qa: defineCollection({ loader: glob({ base: ${JSON.stringify(qaDir)}, pattern: '**/[^_]*.md' }) }) };\n`,
  );
  await writeFile(
    join(dir, 'src/pages/hoi-dap/[...id].astro'),
    `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
  return (await getCollection('qa')).map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<html lang="vi"><head><meta charset="utf-8" /><title>{entry.data.question}</title></head>
<body><main><h1>{entry.data.question}</h1><Content /></main></body></html>
`,
  );
  return dir;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const fmt = (x: number | undefined, digits = 1) => (x === undefined || Number.isNaN(x) ? '–' : x.toFixed(digits));

const report: string[] = [];
const say = (text: string) => {
  report.push(text);
  console.log(text);
};

async function scale() {
  const outDir = join(outBase, `site-${qaCount}`);
  const cacheDir = `${outDir}-cache`;
  const logs = join(outBase, 'logs');
  await mkdir(logs, { recursive: true });
  if (skipBuild) return outDir;
  const contentDir = await syntheticContent(qaCount, 'bench');
  const bareDir = bare ? await bareProject(join(contentDir, 'qa')) : '';
  const ours: Build[] = [];
  const theirs: Build[] = [];
  try {
    for (let run = 1; run <= runs; run++) {
      await rm(outDir, { recursive: true, force: true });
      await rm(cacheDir, { recursive: true, force: true });
      const env = { LOA_BAN_CONTENT: contentDir, LOA_BAN_OUT: outDir, LOA_BAN_CACHE: cacheDir };
      ours.push(await timedBuild(root, env, join(logs, `ours-${qaCount}-${run}.log`), oursCommand));
      let line = `run ${run}: ours ${fmt(ours.at(-1)!.seconds)} s, ${fmt(ours.at(-1)!.peakMb, 0)} MB`;
      if (bare) {
        await rm(join(bareDir, 'dist'), { recursive: true, force: true });
        await rm(join(bareDir, 'node_modules/.astro'), { recursive: true, force: true }).catch(() => {});
        await rm(join(bareDir, '.astro'), { recursive: true, force: true });
        theirs.push(await timedBuild(bareDir, {}, join(logs, `bare-${qaCount}-${run}.log`), bareCommand));
        const b = theirs.at(-1)!;
        line += `; bare ${fmt(b.seconds)} s, ${fmt(b.peakMb, 0)} MB; ratio ${fmt(ours.at(-1)!.seconds / b.seconds, 2)}`;
      }
      console.log(line);
    }

    say(`\n## Build of ${qaCount} synthetic Q&A on top of the real content, ${runs} run(s), median\n`);
    say('| build | time (s) | peak memory, process tree (MB) |');
    say('| --- | --- | --- |');
    say(
      `| this project, every feature on, PDF step apart | ${fmt(median(ours.map((b) => b.seconds)))} | ${fmt(median(ours.map((b) => b.peakMb)), 0)} |`,
    );
    if (bare) {
      say(
        `| bare Astro, one page per Q&A | ${fmt(median(theirs.map((b) => b.seconds)))} | ${fmt(median(theirs.map((b) => b.peakMb)), 0)} |`,
      );
      const ratios = ours.map((b, i) => b.seconds / theirs[i]!.seconds);
      say(
        `\n**Ratio ours / bare Astro: ${fmt(median(ratios), 2)}** (median; runs: ${ratios.map((r) => fmt(r, 2)).join(', ')})`,
      );
    }
    say(`\nPDF step, apart: ${fmt(median(ours.map((b) => b.pdfSeconds)))} s (${pdfFacts}).\n`);
    say('| stage | this project (s) | its peak memory (MB) | cores busy | bare Astro (s) | cores busy |');
    say('| --- | --- | --- | --- | --- | --- |');
    for (const name of new Set([
      ...ours.flatMap((b) => [...b.stages.keys()]),
      ...theirs.flatMap((b) => [...b.stages.keys()]),
    ])) {
      const of = (builds: Build[], key: 'stages' | 'stagePeaks' | 'stageCores' = 'stages') => {
        const xs = builds.flatMap((b) => (b[key].has(name) ? [b[key].get(name)!] : []));
        return xs.length ? median(xs) : undefined;
      };
      say(
        `| ${name} | ${fmt(of(ours))} | ${fmt(of(ours, 'stagePeaks'), 0)} | ${fmt(of(ours, 'stageCores'), 2)} | ` +
          `${fmt(of(theirs))} | ${fmt(of(theirs, 'stageCores'), 2)} |`,
      );
    }

    if (second) {
      // An editor's change to one answer; no digit, so the figure checks pass.
      const changed = join(contentDir, 'qa/bench/cau-0.md');
      await appendFile(changed, '\nCâu trả lời này vừa được biên tập viên sửa lại cho rõ hơn.\n');
      const env = { LOA_BAN_CONTENT: contentDir, LOA_BAN_OUT: outDir, LOA_BAN_CACHE: cacheDir };
      const again = await timedBuild(root, env, join(logs, `ours-${qaCount}-second.log`), oursCommand);
      const first = ours.at(-1)!;
      say(`\n## Second build, one Q&A changed, caches kept\n`);
      say(
        `${fmt(again.seconds)} s (${fmt(again.peakMb, 0)} MB) against ${fmt(first.seconds)} s for the first: **${fmt((100 * again.seconds) / first.seconds, 0)} %**.\n`,
      );
      say('| stage | first build (s) | second build (s) |');
      say('| --- | --- | --- |');
      for (const [name, s] of again.stages) say(`| ${name} | ${fmt(first.stages.get(name))} | ${fmt(s)} |`);
      say(`\nPDF step, apart: ${fmt(first.pdfSeconds)} s first, ${fmt(again.pdfSeconds)} s second (${pdfFacts}).\n`);
    }
  } finally {
    await rm(contentDir, { recursive: true, force: true });
    if (bareDir) await rm(bareDir, { recursive: true, force: true });
  }
  return outDir;
}

async function firstPaint() {
  const outDir = join(outBase, 'site-real');
  if (!skipBuild) {
    await rm(outDir, { recursive: true, force: true });
    await rm(`${outDir}-cache`, { recursive: true, force: true });
    const env = { LOA_BAN_CONTENT: join(root, 'content'), LOA_BAN_OUT: outDir, LOA_BAN_CACHE: `${outDir}-cache` };
    const timing = await timedBuild(root, env, join(outBase, 'logs/real.log'), oursCommand);
    say(
      `Real site build: ${fmt(timing.seconds)} s without PDFs; PDF step ${fmt(timing.pdfSeconds)} s (${pdfFacts}).\n`,
    );
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
  say('## Real site over 400 kbit/s, 400 ms RTT (Chromium, service worker off)\n');
  say('| page | bytes on the wire | requests | first contentful paint (ms) |');
  say('| --- | --- | --- | --- |');
  for (const [name, path] of targets) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    // 400 kbit/s both ways, 400 ms round trip: a weak 2G/3G link in the hills.
    await emulateLink(cdp, { latency: 400, down: 50_000, up: 50_000 });
    let bytes = 0;
    let requests = 0;
    cdp.on('Network.loadingFinished', (e) => {
      bytes += e.encodedDataLength;
      requests += 1;
    });
    await page.goto(server.url + path, { waitUntil: 'load' });
    await page.waitForTimeout(500);
    const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);
    say(`| ${name} (${path}) | ${bytes} | ${requests} | ${Math.round(fcp)} |`);
    await context.close();
  }
  await browser.close();
  await server.close();
}

const outDir = await scale();
// Every page type against its budget (the table npm test checks on the real and fixture sites).
say(`\n## Page weight per type at ${qaCount} Q&A, compressed (gzip 9)\n`);
say(formatPageBudgets(`${qaCount} Q&A`, await pageBudgets(outDir)));
say('');
if (paint) await firstPaint();
await writeFile(join(outBase, `report-${qaCount}.md`), report.join('\n') + '\n');
