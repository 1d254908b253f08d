/** Precompression of a finished site in a temporary folder: brotli 11 and gzip 9 while the site's text is at most
 * 8 MB, brotli 6 and gzip 6 past it (where 11 would take minutes). What is written is compared with zlib's own output
 * at each setting. A second build into the same folder with the cache kept: a changed page gets new .br/.gz, a
 * deleted one loses them, an unchanged one is linked from the cache. */
import { mkdir, mkdtemp, readFile, readdir, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, gzipSync } from 'node:zlib';
import type { AstroIntegrationLogger } from 'astro';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressFiles } from './precompress';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'loa-ban-precompress-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

/** A page whose brotli differs between qualities 6 and 11. */
const page = Buffer.from(
  `<!DOCTYPE html><html lang="vi"><body>${Array.from({ length: 300 }, (_, i) => `<p>Câu hỏi ${i}: điều tra dân tộc thiểu số ở xã ${i * 7}.</p>`).join('')}</body></html>`,
);
const brotli = (data: Buffer, quality: number) =>
  brotliCompressSync(data, {
    params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
  });

/** A site of `textBytes` of text (the page plus filler text) and a 2 MB recording, precompressed. */
async function site(textBytes: number) {
  const dir = join(work, String(textBytes));
  await mkdir(join(dir, 'ban-nghe'), { recursive: true });
  await writeFile(join(dir, 'index.html'), page);
  await writeFile(join(dir, 'sitemap.xml'), Buffer.alloc(textBytes - page.length, ' '));
  await writeFile(join(dir, 'ban-nghe/a.mp3'), Buffer.alloc(2_000_000, 1));
  return { dir, said: await run(dir, `${dir}-cache`) };
}

/** Runs the step on `dir` with its cache in `cacheDir`; returns what it logged. */
async function run(dir: string, cacheDir: string) {
  const said: string[] = [];
  const logger = { info: (m: string) => said.push(m), warn: (m: string) => said.push(m) };
  await precompressFiles({
    dir: pathToFileURL(`${dir}/`),
    logger: logger as unknown as AstroIntegrationLogger,
    cacheDir,
  });
  return said;
}

const unbrotli = async (file: string) => brotliDecompressSync(await readFile(`${file}.br`)).toString();
const ungzip = async (file: string) => gunzipSync(await readFile(`${file}.gz`)).toString();

describe('precompressFiles', () => {
  it('uses brotli 11 up to 8 MB of text, recordings not counted', async () => {
    expect(brotli(page, 6).equals(brotli(page, 11))).toBe(false);
    const { dir, said } = await site(8_000_000);
    expect((await readFile(join(dir, 'index.html.br'))).equals(brotli(page, 11)), 'brotli at quality 11').toBe(true);
    expect(said.join('\n')).toContain('(brotli 11, gzip 9)');
    expect((await readFile(join(dir, 'index.html.gz'))).equals(gzipSync(page, { level: 9 })), 'gzip 9').toBe(true);
  });

  it('uses brotli 6 past 8 MB of text', async () => {
    const { dir, said } = await site(8_000_001);
    expect((await readFile(join(dir, 'index.html.br'))).equals(brotli(page, 6)), 'brotli at quality 6').toBe(true);
    expect(said.join('\n')).toContain('(brotli 6, gzip 6)');
    expect((await readFile(join(dir, 'index.html.gz'))).equals(gzipSync(page, { level: 6 })), 'gzip 6').toBe(true);
  });

  it('writes .br and .gz that decompress to the file, beside text files only', async () => {
    const { dir } = await site(100_000);
    for (const file of ['index.html', 'sitemap.xml']) {
      const data = await readFile(join(dir, file));
      expect(brotliDecompressSync(await readFile(join(dir, `${file}.br`))).equals(data)).toBe(true);
      expect(gunzipSync(await readFile(join(dir, `${file}.gz`))).equals(data)).toBe(true);
    }
    await expect(readFile(join(dir, 'ban-nghe/a.mp3.br'))).rejects.toThrow();
  });

  it('rebuilds from its cache: changed pages recompressed, deleted ones cleared, unchanged ones reused', async () => {
    const dir = join(work, 'rebuild');
    const cacheDir = join(work, 'rebuild-cache');
    await mkdir(dir, { recursive: true });
    const [kept, changed, deleted] = ['kept.html', 'changed.html', 'deleted.html'].map((f) => join(dir, f));
    await writeFile(kept!, page);
    await writeFile(changed!, '<p>Câu trả lời cũ.</p>');
    await writeFile(deleted!, '<p>Trang sẽ bị xoá.</p>');
    expect((await run(dir, cacheDir)).join('\n')).toContain('Đã nén trước 3 tệp (0 tệp không đổi');

    // A cached output is what gets copied back: mark the entry of the kept page to see it reused.
    const cache = join(cacheDir, 'loa-ban-precompress');
    const [folder] = await readdir(cache);
    const keyOf = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
    const entry = join(cache, folder!, `${keyOf(page)}.br`);
    expect((await readFile(entry)).equals(await readFile(`${kept}.br`)), 'the entry holds the .br').toBe(true);
    expect((await stat(`${kept}.br`)).ino, 'the .br is the entry, written once').toBe((await stat(entry)).ino);
    const marked = brotliCompressSync(Buffer.from('bản trong bộ nhớ đệm'));
    // Replaced, not written through: the site's .br is a hard link to the entry.
    await unlink(entry);
    await writeFile(entry, marked);
    expect((await readFile(`${kept}.br`)).equals(marked), 'the built .br is not written through').toBe(false);

    await writeFile(changed!, '<p>Câu trả lời mới, đã sửa.</p>');
    await unlink(deleted!);
    expect((await run(dir, cacheDir)).join('\n')).toContain('Đã nén trước 2 tệp (1 tệp không đổi');
    expect(await unbrotli(changed!)).toBe('<p>Câu trả lời mới, đã sửa.</p>');
    expect(await ungzip(changed!)).toBe('<p>Câu trả lời mới, đã sửa.</p>');
    await expect(readFile(`${deleted}.br`)).rejects.toThrow();
    await expect(readFile(`${deleted}.gz`)).rejects.toThrow();
    expect((await readFile(`${kept}.br`)).equals(marked), 'the unchanged page is copied from the cache').toBe(true);
    // The cache holds this build's outputs only: the old bytes of the changed page and the deleted page are gone.
    const entries = await readdir(join(cache, folder!));
    const keys = [keyOf(page), keyOf('<p>Câu trả lời mới, đã sửa.</p>')];
    expect(entries.sort()).toEqual(keys.flatMap((k) => [`${k}.br`, `${k}.gz`]).sort());
  });

  it('never reuses an output made at another brotli quality', async () => {
    const dir = join(work, 'quality');
    const cacheDir = join(work, 'quality-cache');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'index.html'), page);
    await writeFile(join(dir, 'filler.txt'), Buffer.alloc(100_000, ' '));
    await run(dir, cacheDir);
    expect((await readFile(join(dir, 'index.html.br'))).equals(brotli(page, 11))).toBe(true);
    // Past 8 MB of text the site switches to quality 6: the same page bytes must be compressed again.
    await writeFile(join(dir, 'filler.txt'), Buffer.alloc(8_000_000, ' '));
    const said = await run(dir, cacheDir);
    expect((await readFile(join(dir, 'index.html.br'))).equals(brotli(page, 6))).toBe(true);
    expect(said.join('\n')).toContain('(0 tệp không đổi');
  });

  it("leaves the editing app out of the residents' setting: its 8 MB does not cost the pages brotli 11", async () => {
    const dir = join(work, 'editors');
    await mkdir(join(dir, 'bien-tap'), { recursive: true });
    await writeFile(join(dir, 'index.html'), page);
    const app = Buffer.from(`const cms = "${'Decap CMS '.repeat(850_000)}";`);
    await writeFile(join(dir, 'bien-tap/cms.js'), app);
    const said = await run(dir, `${dir}-cache`);
    expect((await readFile(join(dir, 'index.html.br'))).equals(brotli(page, 11)), 'the page at 11').toBe(true);
    expect((await readFile(join(dir, 'bien-tap/cms.js.br'))).equals(brotli(app, 6)), 'the app at 6').toBe(true);
    expect(said.join('\n')).toContain('(brotli 11, gzip 9)');
  });
});
