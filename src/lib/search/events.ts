/** Fired on window by the search page once its first search from the URL is on screen (or there was none to run):
 * work that can wait, such as installing the service worker, waits for it. */
export const SEARCH_SETTLED = 'loa-ban:search-settled';
/** The same moment as a `data-search-settled` attribute on <body>, for a script that starts listening too late. */
export const SETTLED_MARK = 'searchSettled';
