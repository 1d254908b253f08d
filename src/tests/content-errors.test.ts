/** A content mistake stops `astro build` with a message naming the file and the field. Each kind of mistake is
 * unit-tested where it is caught (src/schemas/schemas.test.ts for one entry, src/lib/validate.test.ts across
 * entries); this one build of a broken copy proves the schemas are wired into the real build. The cross-entry checks
 * are proven in a build by src/tests/audio-errors.test.ts (an empty MP3). */
import { readdirSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { build, copyContent, scratchOut, type BuildResult } from './helpers/build';
import { root } from './helpers/paths';

const folder = 'qa/dieu-tra-53-dan-toc';
const file = `${folder}/${
  readdirSync(join(root, 'content', folder))
    .filter((f) => f.endsWith('.md'))
    .sort()[0]!
}`;
const made: string[] = [];
let result: BuildResult;

// In a hook, whose time limit allows for waiting on other test files' builds on a busy machine.
beforeAll(async () => {
  const dir = await copyContent();
  const outDir = scratchOut('broken');
  made.push(dir, outDir, `${outDir}-cache`);
  const text = await readFile(join(dir, file), 'utf8');
  await writeFile(join(dir, file), text.replace(/^question:.*\n/m, ''));
  result = await build({ contentDir: dir, outDir });
});
afterAll(() => Promise.all(made.map((d) => rm(d, { recursive: true, force: true }))));

it('a Q&A without its question fails the build, naming the file and the field', () => {
  expect(result.code).not.toBe(0);
  expect(result.output).toContain(file);
  expect(result.output).toMatch(/question\*?\*?: .*Required/);
});
