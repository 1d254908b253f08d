import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeWhole } from './write-whole';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

describe('writeWhole', () => {
  it('leaves the file with the last bytes written and no temporary file, even when written twice at once', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'loa-ban-write-whole-'));
    dirs.push(dir);
    const file = join(dir, 'entry');
    await Promise.all([writeWhole(file, Buffer.from('một')), writeWhole(file, Buffer.from('một'))]);
    expect(await readFile(file, 'utf8')).toBe('một');
    await writeWhole(file, Buffer.from('hai'));
    expect(await readFile(file, 'utf8')).toBe('hai');
    expect(await readdir(dir)).toEqual(['entry']);
  });
});
