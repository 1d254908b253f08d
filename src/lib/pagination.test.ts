import { describe, expect, it } from 'vitest';
import { BOOKLET_VOLUME_SIZE, pageCount, pageItems, pagerEntries, TOPIC_PAGE_SIZE } from './pagination';

describe('pageCount and pageItems', () => {
  it('split a list into full pages and a last partial one', () => {
    const items = Array.from({ length: 65 }, (_, i) => i + 1);
    expect(pageCount(items.length, 30)).toBe(3);
    expect(pageItems(items, 1, 30)).toEqual(items.slice(0, 30));
    expect(pageItems(items, 3, 30)).toEqual([61, 62, 63, 64, 65]);
    expect(pageCount(60, 30)).toBe(2);
    expect(pageCount(61, 30)).toBe(3);
  });

  it('give an empty list its page 1', () => {
    expect(pageCount(0, 30)).toBe(1);
    expect(pageItems([], 1, 30)).toEqual([]);
  });

  it('refuse a page size that is not a positive integer', () => {
    expect(() => pageCount(10, 0)).toThrow(RangeError);
    expect(() => pageCount(10, 2.5)).toThrow(RangeError);
  });

  it('use real sizes, not test-sized ones', () => {
    expect(TOPIC_PAGE_SIZE).toBe(30);
    expect(BOOKLET_VOLUME_SIZE).toBe(60);
  });
});

describe('pagerEntries', () => {
  it('shows every page of a short run', () => {
    expect(pagerEntries(1, 1)).toEqual([1]);
    expect(pagerEntries(2, 3)).toEqual([1, 2, 3]);
    expect(pagerEntries(1, 4)).toEqual([1, 2, 3, 4]);
  });

  it('shows the first, the last and the current page with its neighbours, gaps between', () => {
    expect(pagerEntries(1, 10)).toEqual([1, 2, 'gap', 10]);
    expect(pagerEntries(5, 10)).toEqual([1, 'gap', 4, 5, 6, 'gap', 10]);
    expect(pagerEntries(10, 10)).toEqual([1, 'gap', 9, 10]);
  });

  it('never hides a single page behind a gap', () => {
    expect(pagerEntries(4, 10)).toEqual([1, 2, 3, 4, 5, 'gap', 10]);
    expect(pagerEntries(7, 10)).toEqual([1, 'gap', 6, 7, 8, 9, 10]);
  });
});
