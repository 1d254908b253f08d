import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scriptClosure } from './script-closure';

describe('scriptClosure', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true }))));

  it('follows static and dynamic imports from the entries, and nothing else', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'closure-'));
    dirs.push(dir);
    await writeFile(join(dir, 'ask-form.A1.js'), 'import{f as a}from"./ask-outbox.B2.js";import"./shared.C3.js";');
    await writeFile(join(dir, 'ask-outbox.B2.js'), 'const x=()=>import("./lazy.D4.js");');
    await writeFile(join(dir, 'shared.C3.js'), 'export const s=1;');
    await writeFile(join(dir, 'lazy.D4.js'), 'import "./ask-form.A1.js";');
    await writeFile(join(dir, 'other.E5.js'), 'import "./shared.C3.js";');
    await writeFile(join(dir, 'ask-form.A1.js.gz'), '');
    expect(await scriptClosure(dir, /^ask-form\./)).toEqual([
      'ask-form.A1.js',
      'ask-outbox.B2.js',
      'lazy.D4.js',
      'shared.C3.js',
    ]);
  });
});
