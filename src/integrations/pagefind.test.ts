/** The Pagefind settings first search's byte budget rests on, on a small site in a temporary folder: the chunk size
 * and files stored decompressed are Pagefind internals, not documented options, so these tests fail if an upgrade
 * stops honouring them (and the build itself refuses to unwrap files for a loader that would not read them). */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { AstroIntegrationLogger } from 'astro';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHUNK_LOCATIONS, DECOMPRESSED, loaderTakesDecompressed, searchIndex } from './pagefind';

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
  await searchIndex({
    dir: pathToFileURL(`${dir}/`),
    logger: logger as unknown as AstroIntegrationLogger,
    cacheDir: join(dir, 'cache'),
  });
}, 60_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the search index', () => {
  it(`splits the index into chunks of about ${CHUNK_LOCATIONS} word locations (PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE)`, async () => {
    const chunks = await readdir(join(dir, 'pagefind/index'));
    // 4,800 locations: one chunk if Pagefind ignored the setting, four or more if it honours it.
    expect(chunks.length).toBeGreaterThanOrEqual(Math.floor((PAGES * WORDS) / Number(CHUNK_LOCATIONS)));
  });

  it('stores the WebAssembly, the metadata and the index chunks uncompressed, with .br and .gz copies', async () => {
    const names = await readdir(join(dir, 'pagefind'));
    const chunks = (await readdir(join(dir, 'pagefind/index'))).filter((n) => n.endsWith('.pf_index'));
    expect(chunks.length).toBeGreaterThan(1);
    const unwrapped = [
      ...names.filter((n) => /^wasm\..+\.pagefind$|\.pf_meta$/.test(n)),
      ...chunks.map((n) => `index/${n}`),
    ];
    expect(unwrapped.filter((n) => n.endsWith('.pf_meta'))).toHaveLength(1);
    // Fragments stay as Pagefind writes them (gzip).
    const fragment = (await readdir(join(dir, 'pagefind/fragment')))[0]!;
    expect((await readFile(join(dir, 'pagefind/fragment', fragment))).subarray(0, 2)).toEqual(
      Buffer.from([0x1f, 0x8b]),
    );
    expect(unwrapped.filter((n) => n.startsWith('wasm.'))).toHaveLength(1);
    for (const name of unwrapped) {
      const raw = await readFile(join(dir, 'pagefind', name));
      expect(raw.subarray(0, DECOMPRESSED.length).toString('latin1'), name).toBe(DECOMPRESSED);
      expect(brotliDecompressSync(await readFile(join(dir, 'pagefind', `${name}.br`)))).toEqual(raw);
      expect(gunzipSync(await readFile(join(dir, 'pagefind', `${name}.gz`)))).toEqual(raw);
    }
    const wasm = await readFile(
      join(
        dir,
        'pagefind',
        unwrapped.find((n) => n.startsWith('wasm.'))!,
      ),
    );
    expect(wasm.subarray(DECOMPRESSED.length, DECOMPRESSED.length + 4).toString('latin1')).toBe('\0asm');
  });

  it('ships the loader minified, still reading decompressed files', async () => {
    const loader = await readFile(join(dir, 'pagefind/pagefind.js'), 'utf8');
    expect(loader.length).toBeLessThan(40_000);
    expect(loader).toContain('"pagefind_dcd"?');
    expect(loader).toMatch(/export\{[^}]*\bsearch\b[^}]*\}/);
  });
});

describe('loaderTakesDecompressed', () => {
  // The lines of Pagefind 1.6's loader the check looks for.
  const decompress =
    'decompress(data,file="unknown file"){if(this.decoder.decode(data.slice(0,12))==="pagefind_dcd"){return data.slice(12);}data=gz_default(data);}';
  const meta = 'this.searchMeta=this.decompress(new Uint8Array(compressed_meta),"Pagefind metadata");';
  const wasm = 'const final_wasm=this.decompress(new Uint8Array(compressed_wasm),"Pagefind WebAssembly");';

  it("accepts Pagefind's own loader", () => {
    expect(loaderTakesDecompressed(decompress + meta + wasm)).toBe(true);
  });

  it('refuses a loader that would gunzip every file, or loads the metadata or WebAssembly another way', () => {
    expect(loaderTakesDecompressed(`decompress(data){data=gz_default(data);}${meta}${wasm}`)).toBe(false);
    expect(loaderTakesDecompressed(decompress + wasm)).toBe(false);
    expect(loaderTakesDecompressed(decompress + meta)).toBe(false);
  });
});
