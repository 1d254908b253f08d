/** The steps that run on the finished site, in the one order that works, stated here rather than by position in
 * astro.config.mjs:
 * 1. PDFs: prints the print pages to PDF and writes each page's real PDF page count and size into the pages that
 *    offer it, so every later step sees the final HTML;
 * 2. search index: reads the final HTML, writes /pagefind/;
 * 3. image budget: warns about images a phone would download that are too heavy;
 * 4. service-worker stamp: hashes the final pages into sw.js, so a deploy that changes a page installs a new worker;
 * 5. precompression: last, so every file the steps before wrote gets its .br and .gz.
 * One after another: run side by side, the search index and precompression each took the core the other needed (a
 * 20,000-Q&A build's after-build steps took 49 s instead of 43 s, npm run bench).
 *
 * Where they run: `npm run build` (scripts/build.ts) runs them in its own process once Astro's has exited, and sets
 * AFTER_BUILD_APART so Astro's hook leaves them. Astro's process ends a large build holding memory it does not give
 * back (20,000 Q&A: 1.35 GB, of which V8's heap is 0.44 GB after a full collection), and Pagefind's indexer alone
 * peaks at 1.5 GB while it writes; together they were 3.1 GB. A plain `astro build` still runs them in its hook, so
 * it ships the same site. */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { spawn } from 'node:child_process';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inChild } from './in-child.ts';
import { AFTER_BUILD_APART } from '../lib/paths.ts';

/** What each step gets: the output folder, a logger (Astro's, or scripts/build.ts's) and the build's cache folder
 * (Astro's `cacheDir`), where a step may keep what the next build can reuse. */
export interface BuildDone {
  dir: URL;
  logger: Pick<AstroIntegrationLogger, 'info' | 'warn'>;
  cacheDir: string;
}

/** The line each step logs when it ends; `npm run bench` reads it for its stage table (scripts/bench.ts). */
export const stepLine = (name: string, seconds: number) => `Bước ${name} xong trong ${seconds.toFixed(2)} giây.`;

/** Prefix of a previous build's output moved aside (in the cache folder) to be deleted while this build runs. */
const OLD_OUTPUT = 'loa-ban-old-output-';

/** Deletes `paths` in a child process (`rm -rf` at the lowest CPU priority), off Node's thread pool: 80,000 deletions
 * queued on libuv's four threads held Vite's file reads behind them (bundling took 9.6 s instead of 3.2 s in a second
 * 20,000-Q&A build). Where `nice` or `rm` cannot start, Node deletes them itself. `deleted` settles when they are
 * gone; `leave()` lets this process exit first, the deleting going on without it. */
function removeApart(paths: string[]): { deleted: Promise<unknown>; leave: () => void } {
  if (paths.length === 0) return { deleted: Promise.resolve(), leave: () => undefined };
  const inNode = () => Promise.all(paths.map((p) => rm(p, { recursive: true, force: true })));
  const child = spawn('nice', ['-n', '19', 'rm', '-rf', '--', ...paths], { stdio: 'ignore' });
  const deleted = new Promise((done) => {
    child.once('error', () => done(inNode()));
    child.once('close', (code) => done(code === 0 ? undefined : inNode()));
  });
  return { deleted, leave: () => child.unref() };
}

/** Moves the previous build's output out of the way and deletes it in the background. Astro would empty the output
 * folder itself, one file at a time on the main thread before any page is rendered: on a 20,000-Q&A site (about
 * 80,000 files with the .br/.gz) that took a minute of a second build. A rename is one step; the deleting then runs in
 * another process while Astro renders. Left alone when the folder cannot be renamed into the cache folder (another
 * file system, a mount point): Astro empties it as before. */
async function moveAside(outDir: string, cacheDir: string): Promise<ReturnType<typeof removeApart>> {
  if (cacheDir.startsWith(outDir)) return removeApart([]);
  await mkdir(cacheDir, { recursive: true });
  // What a build cut short left behind.
  const leftovers = (await readdir(cacheDir)).filter((name) => name.startsWith(OLD_OUTPUT));
  const old = join(cacheDir, `${OLD_OUTPUT}${process.pid}-${Date.now()}`);
  try {
    await rename(outDir, old);
    leftovers.push(basename(old));
  } catch {
    // No previous output, or not movable: nothing to do, or Astro's own emptying.
  }
  return removeApart(leftovers.map((name) => join(cacheDir, name)));
}

/** The steps in order: the export that runs each, and its module. */
const STEPS = [
  ['printPdfs', 'src/integrations/pdf.ts'],
  ['searchIndex', 'src/integrations/pagefind.ts'],
  ['imageBudget', 'src/integrations/image-budget.ts'],
  ['stampServiceWorker', 'src/integrations/service-worker.ts'],
  ['precompressFiles', 'src/integrations/precompress.ts'],
] as const;

/** Runs the steps in order on the built site in `dir`, each in a process of its own (in-child.ts) and logging its
 * time. This module imports none of them, so the process that waits on them stays small. */
export async function afterBuild(args: BuildDone): Promise<void> {
  const started = performance.now();
  for (const [name, module] of STEPS) {
    const from = performance.now();
    await inChild(module, name, args);
    args.logger.info(stepLine(name, (performance.now() - from) / 1000));
  }
  args.logger.info(stepLine('afterBuild', (performance.now() - started) / 1000));
}

export default function buildDone(): AstroIntegration {
  let cacheDir = '';
  let outDir = '';
  let old = removeApart([]);
  return {
    name: 'loa-ban:build-done',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': async () => {
        old = await moveAside(outDir, cacheDir);
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (process.env[AFTER_BUILD_APART] === '1') {
          // Astro exits without waiting for the last build's output to be deleted: after a second 20,000-Q&A build
          // the deleting still had 5–8 s to go, and the steps can run meanwhile (it runs at the lowest priority).
          old.leave();
          return;
        }
        await afterBuild({ dir, logger, cacheDir });
        await old.deleted;
      },
    },
  };
}
