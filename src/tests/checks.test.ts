/** The static checks, run by `npm test` like every other test: types (astro check, strictest tsconfig), lint (ESLint
 * with typescript-eslint and eslint-plugin-astro, no undeclared dependency) and format (Prettier, checked, never
 * rewritten). Each names what it found when it fails. */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withBuildLock } from './helpers/build';
import { root } from './helpers/paths';

function run(bin: string, args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [resolve(root, bin), ...args], {
      cwd: root,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', fail);
    child.on('close', (code) => done({ code: code ?? 1, output }));
  });
}

describe('static checks', () => {
  it('type-checks with no error (astro check)', async () => {
    // astro check syncs the project's .astro/ like a build does, so it waits for any build under way.
    const r = await withBuildLock(() => run('node_modules/astro/bin/astro.mjs', ['check']));
    expect(r.output).toMatch(/- 0 errors/);
    expect(r.code, r.output).toBe(0);
  });

  it('lints with no error or warning (eslint)', async () => {
    const r = await run('node_modules/eslint/bin/eslint.js', ['--max-warnings', '0', '.']);
    expect(r.code, r.output).toBe(0);
  });

  it('is formatted (prettier --check)', async () => {
    const r = await run('node_modules/prettier/bin/prettier.cjs', ['--check', '.']);
    expect(r.code, r.output).toBe(0);
  });
});
