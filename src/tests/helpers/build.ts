import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
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
  resolve(root, 'node_modules/.cache/loa-ban/builds', `${name}-${process.pid}-${Math.random().toString(36).slice(2)}`);

const lockFile = resolve(root, 'node_modules/.cache/loa-ban/build.lock');

/** One build at a time across vitest's workers: every build, whatever its content folder, rewrites the project's
 * `.astro/` (content module map, types), and two at once make MDX entries of one render with the other's map. */
export async function withBuildLock<T>(run: () => Promise<T>): Promise<T> {
  mkdirSync(dirname(lockFile), { recursive: true });
  for (;;) {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      break;
    } catch {
      const owner = Number(readFileSync(lockFile, 'utf8') || 0);
      if (owner && !alive(owner)) rmSync(lockFile, { force: true });
      else await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    return await run();
  } finally {
    rmSync(lockFile, { force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const stripAnsi = (text: string) => stripVTControlCharacters(text);

/** The environment a person's shell would give a child process. Vitest exports Vite's env (MODE, DEV, SSR, BASE_URL,
 * SITE…) into process.env, and Astro reads it. (An inherited SITE would override the child's SITE_URL in
 * import.meta.env.SITE.) */
export function shellEnv(): Record<string, string | undefined> {
  const viteKeys = new Set(['BASE_URL', 'DEV', 'MODE', 'PROD', 'SITE', 'SSR', 'TEST', 'NODE_ENV']);
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && !viteKeys.has(k)));
}

/** Runs `astro build` in a child process, optionally on another content folder, into `outDir`. */
export function build(options: {
  outDir: string;
  contentDir?: string;
  env?: Record<string, string>;
}): Promise<BuildResult> {
  const env: Record<string, string | undefined> = { ...shellEnv(), LOA_BAN_OUT: options.outDir, ...options.env };
  if (options.contentDir) env['LOA_BAN_CONTENT'] = options.contentDir;
  // Each build keeps its own content cache so parallel builds never share a data store.
  env['LOA_BAN_CACHE'] = `${resolve(options.outDir)}-cache`;
  return withBuildLock(
    () =>
      new Promise((done, fail) => {
        const child = spawn(process.execPath, [resolve(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
          cwd: root,
          env,
        });
        let output = '';
        child.stdout.on('data', (d) => (output += d));
        child.stderr.on('data', (d) => (output += d));
        child.on('error', fail);
        // Astro colours its messages on CI; tests read the words.
        child.on('close', (code) => done({ code: code ?? 1, output: stripAnsi(output), outDir: options.outDir }));
      }),
  );
}

/** A throwaway copy of the real content folder for a test to break, inside the project so that the MDX modules
 * compiled from it resolve Astro's runtime from the project's node_modules. */
export async function copyContent(): Promise<string> {
  const base = resolve(root, 'node_modules/.cache/loa-ban/content');
  await mkdir(base, { recursive: true });
  const dir = await mkdtemp(join(base, 'copy-'));
  await cp(resolve(root, 'content'), dir, { recursive: true });
  return dir;
}
