import { spawn } from 'node:child_process';
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
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

/** Runs `astro build` in a child process, optionally on another content folder, into `outDir`. */
export function build(options: { outDir: string; contentDir?: string; env?: Record<string, string> }): Promise<BuildResult> {
  // Vitest exports Vite's env (MODE, DEV, SSR, BASE_URL…) into process.env, and Astro reads it: the child build
  // gets the environment a person's shell would give it.
  const viteKeys = new Set(['BASE_URL', 'DEV', 'MODE', 'PROD', 'SSR', 'TEST', 'NODE_ENV']);
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && !viteKeys.has(k)));
  const env: Record<string, string | undefined> = { ...inherited, LOA_BAN_OUT: options.outDir, ...options.env };
  if (options.contentDir) env['LOA_BAN_CONTENT'] = options.contentDir;
  // Each build keeps its own content cache so parallel builds never share a data store.
  env['LOA_BAN_CACHE'] = `${resolve(options.outDir)}-cache`;
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [resolve(root, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: root, env });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', fail);
    child.on('close', (code) => done({ code: code ?? 1, output, outDir: options.outDir }));
  });
}

/** A throwaway copy of the real content folder for a test to break. */
export async function copyContent(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'loa-ban-content-'));
  await cp(resolve(root, 'content'), dir, { recursive: true });
  return dir;
}
