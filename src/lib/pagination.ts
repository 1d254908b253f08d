/** Splitting a long list over numbered pages, and the numbered pager under it (GOV.UK Frontend's pagination
 * pattern: previous and next links, the first and last page, the current one with its neighbours, "…" for gaps). */

/** Q&A per topic page: the page then stays about 6 KB of list under the topic's own text, within its 20 KB budget at
 * any number of Q&A, and a phone scrolls through one page in seconds. Page 1 keeps the topic's summary, explainers,
 * recordings and printables. */
export const TOPIC_PAGE_SIZE = 30;

/** Q&A per printed booklet volume. A volume's page stays within the print budget (60 KB compressed: about 0.5 KB
 * per Q&A with its vector QR code) and prints to some 20–30 A4 sheets, what a commune office staples; a topic with
 * more Q&A gets volumes 2, 3… (/in/<topic>/tap-2/), each its own page and PDF. */
export const BOOKLET_VOLUME_SIZE = 60;

/** Number of pages `count` items take at `size` per page; an empty list still has its page 1. */
export function pageCount(count: number, size: number): number {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`page size must be a positive integer, got ${size}`);
  return Math.max(1, Math.ceil(count / size));
}

/** The items of page `page` (1-based). */
export function pageItems<T>(items: readonly T[], page: number, size: number): T[] {
  return items.slice((page - 1) * size, page * size);
}

/** One entry of the pager: a page number, or a gap between numbers. */
export type PagerEntry = number | 'gap';

/** The page numbers a pager shows on page `current` of `total`: 1, current-1…current+1, total, with a gap where
 * numbers are left out. A gap never hides a single page (that page is shown instead). */
export function pagerEntries(current: number, total: number): PagerEntry[] {
  const shown = new Set([1, current - 1, current, current + 1, total].filter((n) => n >= 1 && n <= total));
  const sorted = [...shown].sort((a, b) => a - b);
  const out: PagerEntry[] = [];
  for (const n of sorted) {
    const previous = out.at(-1);
    if (typeof previous === 'number' && n - previous === 2) out.push(previous + 1);
    else if (typeof previous === 'number' && n - previous > 2) out.push('gap');
    out.push(n);
  }
  return out;
}
