import { describe, expect, it } from 'vitest';
import { svgDataUrl } from './data-url';

describe('svgDataUrl', () => {
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">\n  <rect fill="#8a1f11" width="32"/>\n</svg>\n';

  it('escapes what a URL or an attribute cannot carry, and decodes back to the same picture', () => {
    const url = svgDataUrl(svg);
    expect(url).toBe(
      "data:image/svg+xml,%3Csvg%20xmlns='http://www.w3.org/2000/svg'%20viewBox='0%200%2032%2032'%3E%20%3Crect%20fill='%238a1f11'%20width='32'/%3E%20%3C/svg%3E",
    );
    expect(url).not.toMatch(/[<>"#\n ]/);
    expect(decodeURIComponent(url.slice('data:image/svg+xml,'.length))).toBe(
      svg.trim().replace(/\s+/g, ' ').replace(/"/g, "'"),
    );
  });

  it('keeps a percent sign and an ampersand from being read as escapes', () => {
    expect(svgDataUrl('<svg width="100%">&amp;</svg>')).toBe(
      "data:image/svg+xml,%3Csvg%20width='100%25'%3E%26amp;%3C/svg%3E",
    );
  });
});
