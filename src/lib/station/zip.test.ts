import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { zipBundle } from './zip.ts';

describe('zipBundle', () => {
  it('round-trips files and is byte-stable', () => {
    const files = [
      { name: 'a.mp3', bytes: new Uint8Array([1, 2, 3]) },
      { name: 'a.txt', bytes: new TextEncoder().encode('Lời đọc') },
    ];
    const when = new Date('2026-01-01T00:00:00Z');
    const zip = zipBundle(files, when);
    const back = unzipSync(zip);
    expect(Object.keys(back)).toEqual(['a.mp3', 'a.txt']);
    expect(new TextDecoder().decode(back['a.txt'])).toBe('Lời đọc');
    expect(zipBundle(files, when)).toEqual(zip);
  });
  it('refuses two files with one name', () => {
    const f = { name: 'a.mp3', bytes: new Uint8Array(1) };
    expect(() => zipBundle([f, f], new Date())).toThrow(/cùng tên/);
  });
});
