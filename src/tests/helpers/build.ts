import { spawn } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { cacheDir } from '../../lib/paths';
import { root } from './paths';

export interface BuildResult {
  code: number;
  /** stdout and stderr together, as an editor would see them. */
  output: string;
  outDir: string;
}

/** A fresh output folder inside the project. Astro writes its prerender chunks inside outDir only when outDir is under
 * the working directory (elsewhere it shares <root>/.astro/ between builds), and those chunks must resolve
 * node_modules: so parallel test builds go here. */
export const scratchOut = (name: string) =>
  resolve(cacheDir, 'builds', `${name}-${process.pid}-${Math.random().toString(36).slice(2)}`);

/** Runs `run` while holding the lock file `file`, across vitest's worker processes. A lock left by a dead process is
 * taken over. */
export async function withLock<T>(file: string, run: () => Promise<T>): Promise<T> {
  mkdirSync(dirname(file), { recursive: true });
  for (;;) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      break;
    } catch {
      let owner: number;
      try {
        owner = Number(readFileSync(file, 'utf8') || 0);
      } catch {
        continue; // released between our two calls
      }
      if (owner && !alive(owner)) rmSync(file, { force: true });
      else await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    return await run();
  } finally {
    rmSync(file, { force: true });
  }
}

/** One build at a time across vitest's workers: every build, whatever its content folder, rewrites the project's
 * `.astro/` (content module map, types), and two at once make MDX entries of one render with the other's map. */
export const withBuildLock = <T>(run: () => Promise<T>) => withLock(resolve(cacheDir, 'build.lock'), run);

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Every build of a test run is listed here (one line each), so the global teardown can say how many the suite made:
 * builds are what makes the suite slow, and a new one should be a choice. */
export const buildLog = () => resolve(cacheDir, `test-builds-${process.env['LOA_BAN_TEST_RUN'] ?? 'manual'}.log`);

/** The environment a person's shell would give a child process. Vitest exports Vite's env (MODE, DEV, SSR, BASE_URL,
 * SITE…) into process.env, and Astro reads it (an inherited SITE would override the child's SITE_URL in
 * import.meta.env.SITE). LOA_BAN_ROOT, set by src/lib/paths.ts in this process, is left out too: a child finds the
 * project root by itself. */
export function shellEnv(): Record<string, string | undefined> {
  const dropped = new Set(['BASE_URL', 'DEV', 'MODE', 'PROD', 'SITE', 'SSR', 'TEST', 'NODE_ENV', 'LOA_BAN_ROOT']);
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && !dropped.has(k)));
}

/** Runs `npm run build` (scripts/build.ts: `astro build`, then the after-build steps) in a child process, optionally
 * on another content folder, into `outDir`. `cwd` starts it from another working directory (with `--root` naming the
 * project), as a deploy script might. `plainAstro` runs `astro build` alone, whose hook runs the same steps. */
export function build(options: {
  outDir: string;
  contentDir?: string;
  env?: Record<string, string>;
  cwd?: string;
  plainAstro?: boolean;
}): Promise<BuildResult> {
  const env: Record<string, string | undefined> = { ...shellEnv(), LOA_BAN_OUT: options.outDir, ...options.env };
  if (options.contentDir) env['LOA_BAN_CONTENT'] = options.contentDir;
  // Each build keeps its own content cache so parallel builds never share a data store.
  env['LOA_BAN_CACHE'] = `${resolve(options.outDir)}-cache`;
  const args = options.plainAstro
    ? [resolve(root, 'node_modules/astro/bin/astro.mjs'), 'build']
    : [resolve(root, 'scripts/build.ts')];
  if (options.cwd) args.push('--root', root);
  return withBuildLock(
    () =>
      new Promise((done, fail) => {
        const started = Date.now();
        const child = spawn(process.execPath, args, { cwd: options.cwd ?? root, env });
        let output = '';
        child.stdout.on('data', (d) => (output += d));
        child.stderr.on('data', (d) => (output += d));
        child.on('error', fail);
        child.on('close', (code) => {
          const seconds = ((Date.now() - started) / 1000).toFixed(0);
          appendFileSync(buildLog(), `${relative(root, options.outDir)} exit ${code} ${seconds} s\n`);
          // Astro colours its messages on CI; tests read the words.
          done({ code: code ?? 1, output: stripVTControlCharacters(output), outDir: options.outDir });
        });
      }),
  );
}

/** A throwaway copy of the real content folder for a test to break, inside the project so that the MDX modules
 * compiled from it resolve Astro's runtime from the project's node_modules. */
export async function copyContent(): Promise<string> {
  const base = resolve(cacheDir, 'content');
  await mkdir(base, { recursive: true });
  const dir = await mkdtemp(join(base, 'copy-'));
  await cp(resolve(root, 'content'), dir, { recursive: true });
  return dir;
}
