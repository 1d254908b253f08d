/** Pagefind filters and the URL parameters that carry them on /tim-kiem/. Shared by SearchMeta (which writes them
 * into each page), the search page (which lists them) and the browser script (which reads them from the URL). */

/** Result types as residents read them. */
export const TYPES = ['hỏi đáp', 'chính sách', 'bản nghe', 'chủ đề'] as const;
export type ResultType = (typeof TYPES)[number];

/** Pagefind filter name → URL parameter (Vietnamese, no tone marks: the URL is shareable). */
export const FILTER_PARAMS = { type: 'loai', topic: 'chu-de', language: 'ngon-ngu' } as const;
export type FilterName = keyof typeof FILTER_PARAMS;

/** The filters a URL's search parameters ask for, in Pagefind's shape; empty values mean "all". */
export function filtersFromParams(params: URLSearchParams): Partial<Record<FilterName, string>> {
  const filters: Partial<Record<FilterName, string>> = {};
  for (const [name, param] of Object.entries(FILTER_PARAMS) as [FilterName, string][]) {
    const value = params.get(param)?.trim();
    if (value) filters[name] = value;
  }
  return filters;
}

/** The shareable search URL for a query and filters (empty parts left out). */
export function searchHref(path: string, query: string, filters: Partial<Record<FilterName, string>>): string {
  const params = new URLSearchParams();
  if (query.trim()) params.set('q', query.trim());
  for (const [name, param] of Object.entries(FILTER_PARAMS) as [FilterName, string][]) {
    const value = filters[name];
    if (value) params.set(param, value);
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}
