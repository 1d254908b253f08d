/** What the site's pages and browser code share with the offline copy (the ZIM file `npm run offline` makes for
 * Kiwix, scripts/offline.ts, src/lib/offline-copy.ts). The copy is read from files: its links are relative and name
 * index.html (Kiwix answers no folder URL), and it has no service worker. It marks every page's
 * `<html data-copy-root>` with the relative way back to the site root ("../../"); browser code reads it here, and does
 * as it always did where it is absent. */

/** The attribute on <html> that marks a page of the offline copy. */
export const COPY_ROOT_ATTRIBUTE = 'data-copy-root';

/** The way from this page to the site root in the offline copy, or undefined on the site. */
export function copyRoot(doc: Document = document): string | undefined {
  return doc.documentElement.dataset['copyRoot'];
}

/** Where a site path ("/hoi-dap/x/") opens from a page: the path itself on the site; in the offline copy, the path
 * under the copy's root, with index.html for a folder. A query or fragment is kept. */
export function sitePath(path: string, root: string | undefined): string {
  if (root === undefined) return path;
  const [, pathname = '', rest = ''] = /^([^?#]*)(.*)$/.exec(path) ?? [];
  const local = `${root}${pathname.replace(/^\//, '')}`;
  return `${local === '' || local.endsWith('/') ? `${local}index.html` : local}${rest}`;
}

/** Marks around what `npm run offline` writes into the offline page and the station page about the published copy
 * (offline-copy.ts: zimBlock). Pages render the marks empty; the copy itself leaves the block out. */
export const ZIM_BLOCK = { open: '<!--zim-->', close: '<!--/zim-->' } as const;
