/** The service-worker stamp on a finished site in a temporary folder: the same pages give the same stamp, so a rebuild
 * that changes no page installs no new worker on residents' phones; any change to a page, or a page added or moved,
 * gives a new one. */
import { cp, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromRoot } from '../lib/paths';
import { stampServiceWorker } from './service-worker';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'loa-ban-sw-stamp-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

let sites = 0;

/** A small finished site with the real public/sw.js, changed by `change` before it is stamped; returns the stamp. */
async function stamp(change: (dir: string) => Promise<unknown> = async () => undefined): Promise<string> {
  const dir = join(work, `site-${++sites}`);
  await mkdir(join(dir, 'hoi-dap/a'), { recursive: true });
  await mkdir(join(dir, '_astro'));
  await writeFile(join(dir, 'index.html'), '<!DOCTYPE html><html lang="vi"><title>Trang chủ</title><h1>Loa Bản</h1>');
  await writeFile(join(dir, 'hoi-dap/a/index.html'), '<!DOCTYPE html><html lang="vi"><title>A</title><h1>Hỏi?</h1>');
  await writeFile(join(dir, '_astro/site.css'), 'body{color:#000}');
  await cp(fromRoot('public/sw.js'), join(dir, 'sw.js'));
  await change(dir);
  await stampServiceWorker({ dir: pathToFileURL(`${dir}/`) });
  const sw = await readFile(join(dir, 'sw.js'), 'utf8');
  return /const VERSION = '([^']*)'/.exec(sw)![1]!;
}

describe('the service-worker stamp', () => {
  let base: string;
  beforeAll(async () => {
    base = await stamp();
  });

  it('replaces the placeholder with a 12-digit hash', () => {
    expect(base).toMatch(/^[0-9a-f]{12}$/);
  });

  it('stays the same when no page changes', async () => {
    expect(await stamp()).toBe(base);
    // Other files (styles, recordings) change with the pages that name them, not on their own.
    expect(await stamp((d) => writeFile(join(d, '_astro/site.css'), 'body{color:#111}'))).toBe(base);
    expect(await stamp((d) => writeFile(join(d, 'thu.mp3'), 'ID3'))).toBe(base);
  });

  it('changes when a page changes, is added or moves', async () => {
    const changed = [
      await stamp((d) => writeFile(join(d, 'hoi-dap/a/index.html'), '<!DOCTYPE html><h1>Hỏi đáp đã sửa</h1>')),
      await stamp((d) => writeFile(join(d, 'lien-he.html'), '<h1>Liên hệ</h1>')),
      await stamp((d) => rename(join(d, 'hoi-dap/a'), join(d, 'hoi-dap/b'))),
    ];
    for (const s of changed) expect(s).not.toBe(base);
    expect(new Set(changed).size).toBe(changed.length);
  });

  it('refuses a worker without its placeholder, in Vietnamese', async () => {
    await expect(stamp((d) => writeFile(join(d, 'sw.js'), 'const VERSION = "1";'))).rejects.toThrow(
      "public/sw.js: thiếu dòng const VERSION = '__VERSION__';",
    );
  });
});
