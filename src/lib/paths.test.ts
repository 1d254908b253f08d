import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentFiles } from './paths';

const dir = mkdtempSync(join(tmpdir(), 'loa-ban-paths-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('contentFiles', () => {
  it('lists what the collections load: no drafts, no hidden files, only the asked extensions', () => {
    for (const f of [
      'a.md',
      'b.mdx',
      '_nhap.md',
      'c.yaml',
      'chu-de/d.md',
      'chu-de/_e.md',
      '.cu/f.md',
      '_thu-muc/g.md',
    ]) {
      mkdirSync(join(dir, f, '..'), { recursive: true });
      writeFileSync(join(dir, f), '');
    }
    expect(contentFiles(dir, /\.mdx?$/)).toEqual(['_thu-muc/g.md', 'a.md', 'b.mdx', 'chu-de/d.md']);
    expect(contentFiles(dir, /\.ya?ml$/)).toEqual(['c.yaml']);
    expect(contentFiles(join(dir, 'khong-co'), /\.md$/)).toEqual([]);
  });
});
