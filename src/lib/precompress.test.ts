import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { brotliQuality, compressible, gzipLevel, precompress } from './precompress';

describe('precompress', () => {
  it('round-trips and shrinks text', async () => {
    const html = Buffer.from('<p>Điều tra dân tộc thiểu số</p>'.repeat(200));
    const { br, gz } = await precompress(html);
    expect(brotliDecompressSync(br).equals(html)).toBe(true);
    expect(gunzipSync(gz).equals(html)).toBe(true);
    expect(br.length).toBeLessThan(html.length / 10);
  });
  it('picks text files only', () => {
    expect(['a.html', 'b.css', 'feed.xml', 'x.vtt', 'list.m3u', 'q.svg'].every((f) => compressible.test(f))).toBe(true);
    expect(['a.mp3', 'b.zip', 'c.pf_fragment', 'd.webp', 'e.html.gz'].some((f) => compressible.test(f))).toBe(false);
  });
});

describe('brotliQuality', () => {
  it('uses the best quality until the site is large', () => {
    expect(brotliQuality(3_000_000)).toBe(11);
    expect(brotliQuality(200_000_000)).toBe(6);
  });
});

describe('gzipLevel', () => {
  it('uses level 9 until the site is large, then the default 6', () => {
    expect(gzipLevel(3_000_000)).toBe(9);
    expect(gzipLevel(8_000_001)).toBe(6);
  });
});
