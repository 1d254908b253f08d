import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtFiles } from './built-files';

const root = mkdtempSync(join(tmpdir(), 'loa-ban-built-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('builtFiles', () => {
  it('finds matching files at any depth, sorted, and no folders', async () => {
    mkdirSync(join(root, 'hoi-dap/a.html'), { recursive: true }); // a folder with a page-like name
    for (const f of ['index.html', 'hoi-dap/x/index.html', 'sw.js', 'ban-nghe/a.mp3']) {
      mkdirSync(join(root, f, '..'), { recursive: true });
      writeFileSync(join(root, f), '');
    }
    expect(await builtFiles(root, /\.html$/)).toEqual([join(root, 'hoi-dap/x/index.html'), join(root, 'index.html')]);
    expect(await builtFiles(root, /\.(js|mp3)$/)).toEqual([join(root, 'ban-nghe/a.mp3'), join(root, 'sw.js')]);
  });
});
