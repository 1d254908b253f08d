/** A content mistake stops `astro build` with a message naming the file and the field. Each kind of mistake is
 * unit-tested where it is caught (src/schemas/schemas.test.ts for one entry, src/lib/validate.test.ts across
 * entries); this one build of a broken copy proves the schemas are wired into the real build. The cross-entry checks
 * are proven in a build by src/tests/audio-errors.test.ts (an empty MP3). */
import { readdirSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { editorMessages } from '../lib/build-report';
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
  // Two mistakes in one file: a required field missing, a field misspelled.
  await writeFile(join(dir, file), text.replace(/^question:.*\n/m, '').replace(/^updated:/m, 'updatd:'));
  result = await build({ contentDir: dir, outDir });
});
afterAll(() => Promise.all(made.map((d) => rm(d, { recursive: true, force: true }))));

it('a Q&A without its question and with a misspelled field fails the build, naming the file and the fields', () => {
  expect(result.code).not.toBe(0);
  // In Vietnamese, naming the file as editors know it and the field; none of zod's or Astro's English.
  expect(result.output).toContain(`content/${file}: phần đầu tệp chưa đúng:`);
  expect(result.output).toContain('trường "question": thiếu trường này (bắt buộc)');
  expect(result.output).toContain('không có trường nào tên "updatd"');
  expect(result.output).not.toMatch(/Required|Unrecognized key|does not match collection schema/);
  // What CI shows the editor (scripts/report-build.ts) from this very log.
  expect(editorMessages(result.output)).toEqual(
    expect.arrayContaining([
      `content/${file}: phần đầu tệp chưa đúng:`,
      '  - trường "question": thiếu trường này (bắt buộc)',
    ]),
  );
});
