import { mkdtemp, mkdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changedFile, fontDirs, fontsStamp, packEntry, pdfKey, unpackEntry, type PdfKeyInputs } from './pdf-cache';

const inputs: PdfKeyInputs = {
  path: '/in/a/to-roi/',
  html: '<!doctype html><title>Tờ rơi</title><p>Điều tra dân tộc thiểu số</p>',
  chromium: 'Chromium 156.0.8078.114 built on Debian GNU/Linux 12 (bookworm)',
  fonts: 'f'.repeat(64),
  settings: '{"format":"A4"}',
};

describe('pdfKey', () => {
  it('is a SHA-256 name that changes with every input', () => {
    const key = pdfKey(inputs);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(pdfKey({ ...inputs })).toBe(key);
    const changed: Partial<PdfKeyInputs>[] = [
      { path: '/in/b/to-roi/' },
      { html: inputs.html.replace('dân tộc', 'dân số') },
      { chromium: 'Chromium 157.0.1.2' },
      { fonts: 'e'.repeat(64) },
      { settings: '{"format":"A5"}' },
      { created: new Date(0) },
    ];
    const keys = changed.map((change) => pdfKey({ ...inputs, ...change }));
    expect(new Set([key, ...keys]).size).toBe(changed.length + 1);
  });

  it('keys on the creation date only when it is given, and then on its value', () => {
    expect(pdfKey({ ...inputs, created: undefined })).toBe(pdfKey(inputs));
    expect(pdfKey({ ...inputs, created: new Date(1000) })).toBe(pdfKey({ ...inputs, created: new Date(1000) }));
    expect(pdfKey({ ...inputs, created: new Date(1000) })).not.toBe(pdfKey({ ...inputs, created: new Date(2000) }));
  });

  it('does not let one input run into the next', () => {
    expect(pdfKey({ ...inputs, chromium: 'ab', fonts: 'c' })).not.toBe(
      pdfKey({ ...inputs, chromium: 'a', fonts: 'bc' }),
    );
  });
});

describe('packEntry / unpackEntry', () => {
  const pdf = Buffer.from('%PDF-1.7\n% bytes of a printed page\n%%EOF\n');
  const entry = {
    pdf,
    pages: 3,
    fonts: ['ABCDEF+LiberationSans', 'GHIJKL+DejaVuSans'],
    served: [
      { path: '/_astro/print.x.css', sha256: 'a'.repeat(64) },
      { path: '/anh/thieu.png', sha256: null },
    ],
  };

  it('round-trips the PDF bytes and what the build states about it', () => {
    const back = unpackEntry(packEntry(entry));
    expect(back).toEqual({ ...entry, pdf: expect.anything() });
    expect(Buffer.from(back!.pdf).equals(pdf)).toBe(true);
  });

  it('reads an entry from a slice of a larger buffer', () => {
    const packed = packEntry(entry);
    const larger = Buffer.concat([Buffer.from('xyz'), packed]);
    expect(Buffer.from(unpackEntry(larger.subarray(3))!.pdf).equals(pdf)).toBe(true);
  });

  it('refuses what is not a whole entry', () => {
    const packed = packEntry(entry);
    expect(unpackEntry(Buffer.alloc(0))).toBeUndefined();
    expect(unpackEntry(packed.subarray(0, 10))).toBeUndefined();
    // Cut inside the PDF: no "%PDF-" left, or a header that is no JSON.
    expect(unpackEntry(packed.subarray(0, packed.length - pdf.length + 2))).toBeUndefined();
    expect(unpackEntry(Buffer.concat([packed.subarray(0, 4), Buffer.alloc(packed.length - 4, 0x20)]))).toBeUndefined();
    expect(unpackEntry(packEntry({ ...entry, pages: 0 }))).toBeUndefined();
    expect(unpackEntry(packEntry({ ...entry, served: [{ path: 1 }] as never }))).toBeUndefined();
    expect(unpackEntry(packEntry({ ...entry, fonts: [3] as never }))).toBeUndefined();
  });
});

describe('changedFile', () => {
  const served = [
    { path: '/_astro/print.x.css', sha256: 'a'.repeat(64) },
    { path: '/anh/logo.svg', sha256: 'b'.repeat(64) },
    { path: '/anh/thieu.png', sha256: null },
  ];
  const build = (files: Record<string, string>) => async (path: string) => files[path] ?? null;

  it('finds nothing when every file has the bytes it was printed with, and a missing one is still missing', async () => {
    const same = build({ '/_astro/print.x.css': 'a'.repeat(64), '/anh/logo.svg': 'b'.repeat(64) });
    expect(await changedFile(served, same)).toBeUndefined();
    expect(await changedFile([], same)).toBeUndefined();
  });

  it('names a file whose bytes changed, that went away, or that now exists', async () => {
    const base = { '/_astro/print.x.css': 'a'.repeat(64), '/anh/logo.svg': 'b'.repeat(64) };
    expect(await changedFile(served, build({ ...base, '/anh/logo.svg': 'c'.repeat(64) }))).toBe('/anh/logo.svg');
    expect(await changedFile(served, build({ '/anh/logo.svg': 'b'.repeat(64) }))).toBe('/_astro/print.x.css');
    expect(await changedFile(served, build({ ...base, '/anh/thieu.png': 'd'.repeat(64) }))).toBe('/anh/thieu.png');
  });
});

describe('fontsStamp', () => {
  it('changes when a font is added, replaced or removed, and not otherwise', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'loa-ban-fonts-'));
    try {
      await mkdir(join(dir, 'truetype/liberation'), { recursive: true });
      const font = join(dir, 'truetype/liberation/LiberationSans-Regular.ttf');
      await writeFile(font, 'glyphs');
      const dirs = [dir, join(dir, 'not-there')];
      const first = await fontsStamp(dirs);
      expect(await fontsStamp(dirs)).toBe(first);
      await writeFile(join(dir, 'truetype/NotoSansKhmer-Regular.ttf'), 'khmer glyphs');
      const added = await fontsStamp(dirs);
      expect(added).not.toBe(first);
      await writeFile(font, 'other glyphs');
      await utimes(font, new Date(1000), new Date(1000));
      const replaced = await fontsStamp(dirs);
      expect(replaced).not.toBe(added);
      await rm(join(dir, 'truetype/NotoSansKhmer-Regular.ttf'));
      expect(await fontsStamp(dirs)).not.toBe(replaced);
      expect(await fontsStamp([dir])).not.toBe(await fontsStamp(dirs));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("looks in the system's and the user's font and fontconfig folders", () => {
    expect(fontDirs(undefined)).toEqual(['/etc/fonts', '/usr/share/fonts', '/usr/local/share/fonts']);
    expect(fontDirs('/home/a')).toEqual([
      '/etc/fonts',
      '/usr/share/fonts',
      '/usr/local/share/fonts',
      '/home/a/.fonts',
      '/home/a/.local/share/fonts',
      '/home/a/.config/fontconfig',
    ]);
    expect(fontDirs('/home/a', '/data', '/config').slice(4)).toEqual(['/data/fonts', '/config/fontconfig']);
  });
});
