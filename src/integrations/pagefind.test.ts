/** The Pagefind settings first search's byte budget rests on, on a small site in a temporary folder. Both are
 * Pagefind internals, not documented options: these tests fail if an upgrade stops honouring them. */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { AstroIntegrationLogger } from 'astro';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHUNK_LOCATIONS, DECOMPRESSED, searchIndex } from './pagefind';

let dir: string;
/** 40 pages of 120 distinct words each: 4,800 word locations, one chunk at Pagefind's default of 20,000. */
const PAGES = 40;
const WORDS = 120;
const word = (n: number) => `tu${n.toString(36)}x`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'loa-ban-pagefind-'));
  for (let p = 0; p < PAGES; p++) {
    const text = Array.from({ length: WORDS }, (_, w) => word(p * WORDS + w)).join(' ');
    await mkdir(join(dir, `trang-${p}`));
    await writeFile(
      join(dir, `trang-${p}/index.html`),
      `<!doctype html><html lang="vi"><head><title>Trang ${p}</title></head><body><main data-pagefind-body><h1>Trang ${p}</h1><p>${text}</p></main></body></html>`,
    );
  }
  const logger = { info: () => undefined, warn: () => undefined };
  await searchIndex({ dir: pathToFileURL(`${dir}/`), logger: logger as unknown as AstroIntegrationLogger });
}, 60_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the search index', () => {
  it(`splits the index into chunks of about ${CHUNK_LOCATIONS} word locations (PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE)`, async () => {
    const chunks = await readdir(join(dir, 'pagefind/index'));
    // 4,800 locations: one chunk if Pagefind ignored the setting, four or more if it honours it.
    expect(chunks.length).toBeGreaterThanOrEqual(Math.floor((PAGES * WORDS) / Number(CHUNK_LOCATIONS)));
  });

  it('stores the WebAssembly uncompressed with .br and .gz copies, and Pagefind loads such a file as is', async () => {
    const names = await readdir(join(dir, 'pagefind'));
    const wasm = names.filter((n) => /^wasm\..+\.pagefind$/.test(n));
    expect(wasm.length).toBeGreaterThan(0);
    for (const name of wasm) {
      const raw = await readFile(join(dir, 'pagefind', name));
      expect(raw.subarray(0, DECOMPRESSED.length).toString('latin1')).toBe(DECOMPRESSED);
      expect(raw.subarray(DECOMPRESSED.length, DECOMPRESSED.length + 4).toString('latin1')).toBe('\0asm');
      expect(brotliDecompressSync(await readFile(join(dir, 'pagefind', `${name}.br`)))).toEqual(raw);
      expect(gunzipSync(await readFile(join(dir, 'pagefind', `${name}.gz`)))).toEqual(raw);
    }
    // The loader's decompress(): data that already starts with the signature is returned without it, unzipped.
    const loader = await readFile(join(dir, 'pagefind/pagefind.js'), 'utf8');
    expect(loader).toMatch(
      /decompress\(data[^)]*\)\{if\(this\.decoder\.decode\(data\.slice\(0,12\)\)==="pagefind_dcd"\)\{return data\.slice\(12\);\}/,
    );
    expect(loader).toMatch(/const final_wasm=this\.decompress\(/);
  });
});
