import jsQR from 'jsqr';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { qrSvg, qrTarget, shortUrl } from './qr';
import { isLocalSite } from './site-url';

/** Rasterises an SVG the way a printer would and reads it back with a QR decoder. */
async function decode(svg: string): Promise<string | undefined> {
  const { data, info } = await sharp(Buffer.from(svg), { density: 300 })
    .flatten({ background: '#fff' })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data;
}

describe('qrTarget', () => {
  it('makes absolute URLs from the configured site', () => {
    expect(qrTarget('/hoi-dap/dieu-tra/ai/', new URL('https://tinh.example/'), true)).toBe(
      'https://tinh.example/hoi-dap/dieu-tra/ai/',
    );
    expect(qrTarget('/ban-nghe/a-vi/', 'https://tinh.example', true)).toBe('https://tinh.example/ban-nghe/a-vi/');
  });

  it('refuses a built site that would print a local address', () => {
    for (const site of [
      'http://localhost:4321/',
      'http://127.0.0.1:8080',
      'http://0.0.0.0/',
      'http://[::1]:4321/',
      'http://may-dung.local/',
    ]) {
      expect(() => qrTarget('/in/', site, true), site).toThrow(/SITE_URL/);
    }
    expect(() => qrTarget('/in/', undefined, false)).toThrow(/SITE_URL/);
  });

  it('allows a local address outside a build (astro dev)', () => {
    expect(qrTarget('/in/', 'http://localhost:4321', false)).toBe('http://localhost:4321/in/');
  });

  it('does not mistake real hosts for local ones', () => {
    expect(isLocalSite('https://localhost.gov.vn/')).toBe(false);
    expect(isLocalSite('https://langson.gov.vn/')).toBe(false);
    expect(isLocalSite('https://dev.localhost/')).toBe(true);
  });
});

describe('shortUrl', () => {
  it('drops only the https scheme', () => {
    expect(shortUrl('https://tinh.example/hoi-dap/a/')).toBe('tinh.example/hoi-dap/a/');
    expect(shortUrl('http://tinh.example/a/')).toBe('http://tinh.example/a/');
  });
});

describe('qrSvg', () => {
  it('answers many codes asked at once each with its own (they are made on another thread)', async () => {
    const texts = Array.from({ length: 6 }, (_, i) => `https://tinh.example/hoi-dap/chu-de/cau-${i}/`);
    const svgs = await Promise.all(texts.map((text) => qrSvg(text, { label: text })));
    expect(await Promise.all(svgs.map(decode))).toEqual(texts);
  });

  it('refuses, naming it, a text too long for any QR code', async () => {
    const text = `https://tinh.example/${'a'.repeat(3000)}`;
    await expect(qrSvg(text, { label: 'x' })).rejects.toThrow(/Không tạo được mã QR cho "https:\/\/tinh\.example\/a+"/);
  });

  it('draws a code that decodes to the exact URL', async () => {
    const url = 'https://tinh.example/hoi-dap/dieu-tra-53-dan-toc/ket-qua-dieu-tra-dung-lam-gi/';
    const svg = await qrSvg(url, { label: 'Mã QR' });
    expect(await decode(svg)).toBe(url);
  });

  it('is an accessible image with a safe label and the requested class', async () => {
    const svg = await qrSvg('https://tinh.example/', { label: 'Mã "QR" <thử> & hỏi', className: 'qr qr-small' });
    expect(svg).toMatch(/^<svg class="qr qr-small" role="img" aria-label="Mã &quot;QR&quot; &lt;thử> &amp; hỏi" /);
    expect(svg).toContain('viewBox=');
    expect(svg.endsWith('</svg>')).toBe(true);
  });

  it('keeps the quiet zone', async () => {
    const svg = await qrSvg('https://tinh.example/', { label: 'x' });
    // The dark path starts four modules in from the edge.
    expect(svg).toMatch(/<path stroke="#000000" d="M4 4\.5/);
  });
});
