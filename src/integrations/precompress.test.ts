/** Precompression of a finished site in a temporary folder: brotli 11 while the site's text is at most 8 MB, 6 past it
 * (where 11 would take minutes). What is written is compared with zlib's own output at each quality. */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync } from 'node:zlib';
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
  const said: string[] = [];
  const logger = { info: (m: string) => said.push(m), warn: (m: string) => said.push(m) };
  await precompressFiles({ dir: pathToFileURL(`${dir}/`), logger: logger as unknown as AstroIntegrationLogger });
  return { dir, said };
}

describe('precompressFiles', () => {
  it('uses brotli 11 up to 8 MB of text, recordings not counted', async () => {
    expect(brotli(page, 6).equals(brotli(page, 11))).toBe(false);
    const { dir, said } = await site(8_000_000);
    expect((await readFile(join(dir, 'index.html.br'))).equals(brotli(page, 11)), 'brotli at quality 11').toBe(true);
    expect(said.join('\n')).toContain('(brotli 11)');
  });

  it('uses brotli 6 past 8 MB of text', async () => {
    const { dir, said } = await site(8_000_001);
    expect((await readFile(join(dir, 'index.html.br'))).equals(brotli(page, 6)), 'brotli at quality 6').toBe(true);
    expect(said.join('\n')).toContain('(brotli 6)');
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
});
