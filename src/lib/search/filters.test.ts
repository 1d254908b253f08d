import { describe, expect, it } from 'vitest';
import { filtersFromParams, searchHref } from './filters';

describe('filters in the URL', () => {
  it('reads filters, ignoring empty ones', () => {
    expect(
      filtersFromParams(new URLSearchParams('q=x&loai=h%E1%BB%8Fi+%C4%91%C3%A1p&chu-de=&ngon-ngu=Ti%E1%BA%BFng+Khmer')),
    ).toEqual({
      type: 'hỏi đáp',
      language: 'Tiếng Khmer',
    });
  });
  it('writes a shareable URL that reads back the same', () => {
    const href = searchHref('/tim-kiem/', ' duong day nong ', { topic: 'Điều tra dân tộc' });
    expect(href).toBe('/tim-kiem/?q=duong+day+nong&chu-de=%C4%90i%E1%BB%81u+tra+d%C3%A2n+t%E1%BB%99c');
    const url = new URL(href, 'https://x.example');
    expect(url.searchParams.get('q')).toBe('duong day nong');
    expect(filtersFromParams(url.searchParams)).toEqual({ topic: 'Điều tra dân tộc' });
  });
  it('gives the bare path when there is nothing to search', () => {
    expect(searchHref('/tim-kiem/', '  ', {})).toBe('/tim-kiem/');
  });
});
