/** Every path is resolved from the project root, not from the working directory: `astro build --root <project>`
 * started from an unrelated folder makes the same site as the test build, file for file and byte for byte. */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { build, scratchOut, type BuildResult } from './helpers/build';
import { siteDist, TEST_BUILD_ENV } from './helpers/paths';
import { builtFiles } from './helpers/site-pages';

const made: string[] = [];
afterAll(() => Promise.all(made.map((d) => rm(d, { recursive: true, force: true }))));

const outDir = scratchOut('other-cwd');
let result: BuildResult;
// In a hook, whose time limit allows for waiting on other test files' builds on a busy machine.
beforeAll(async () => {
  const elsewhere = await mkdtemp(join(tmpdir(), 'loa-ban-cwd-'));
  made.push(elsewhere, outDir, `${outDir}-cache`);
  result = await build({ outDir, cwd: elsewhere, env: { ...TEST_BUILD_ENV } });
});

it('a build started from another working directory makes the same site', () => {
  expect(result.code, result.output.slice(-3000)).toBe(0);
  const files = builtFiles(siteDist);
  expect(files.length).toBeGreaterThan(100);
  expect(builtFiles(outDir)).toEqual(files);
  const differ = files.filter((f) => !readFileSync(join(siteDist, f)).equals(readFileSync(join(outDir, f))));
  expect(differ).toEqual([]);
});
