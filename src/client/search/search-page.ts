/** Our light search UI on Pagefind's JS API (/pagefind/pagefind.js), for /tim-kiem/ only. Pagefind loads when there
 * is something to search or the box gets focus, never on other pages. The form stays a plain GET form: the script
 * only saves the page reload and keeps the URL shareable with history.pushState. */
import { copyRoot, sitePath } from '../../lib/copy-marks';
import { FILTER_PARAMS, filtersFromParams, searchHref, type FilterName } from '../../lib/search/filters';
import { SEARCH_SETTLED, SETTLED_MARK } from '../../lib/search/events';
import { looseKey } from '../../lib/search/fold';
import { hasKhmer, segmentKhmer } from '../../lib/search/khmer';
import { displayText, excerptText, searchQuery } from '../../lib/search/query';
import { SEARCH_INDEX } from '../../lib/urls';

interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string | undefined>;
  plain_excerpt: string;
}
interface Result {
  data: () => Promise<Fragment>;
}
interface Pagefind {
  options: (options: object) => Promise<void>;
  init: () => Promise<void>;
  search: (term: string | null, options: object) => Promise<{ results: Result[] } | null>;
  destroy: () => Promise<void>;
}

const BASE = SEARCH_INDEX;
/** In the offline copy (Kiwix), the index and the result pages are reached relative to this page. */
const root = copyRoot();
/** Results shown at first: what a 360×740 phone shows above the fold. Every result costs a fragment download
 * (0.5–2 KB), so the first search fetches no more than the resident can see. */
const FIRST_SCREEN = 3;
/** Results each "more" adds, once the resident has asked for them. */
const PAGE = 5;
/** Below this wait nobody needs a progress bar; above it a slow link is likely. */
const SLOW_MS = 300;

const form = document.getElementById('search-page-form') as HTMLFormElement;
const input = form.elements.namedItem('q') as HTMLInputElement;
const statusEl = document.getElementById('search-status')!;
const progress = document.getElementById('search-progress')!;
const progressText = progress.querySelector('span')!;
const resultsEl = document.getElementById('search-results')!;
const moreButton = document.getElementById('search-more') as HTMLButtonElement;
const filterBox = document.getElementById('search-filters') as HTMLDetailsElement;
const msg = (key: string) => form.dataset[`msg${key[0]!.toUpperCase()}${key.slice(1)}`] ?? '';

let api: Promise<Pagefind> | undefined;
let attempt = 0;
/** Requests to /pagefind/ that failed, and bytes received, since the current search started. Pagefind swallows a
 * failed index chunk and answers with fewer results, so we count failures ourselves to tell "offline" from "none". */
let failures = 0;
let received = 0;
let current = 0;
let pending: Result[] = [];
let terms: string[] = [];

const realFetch = window.fetch.bind(window);
window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
  const url = input instanceof Request ? input.url : String(input);
  if (!url.includes(BASE)) return realFetch(input, init);
  try {
    const response = await realFetch(input, init);
    if (!response.ok) failures++;
    received += Number(response.headers.get('content-length') ?? 0);
    // Servers that compress on the fly send no length; then the bar alone shows progress.
    progressText.textContent = received > 0 ? `${msg('loaded')} ${Math.round(received / 1000)} KB` : '';
    return response;
  } catch (error) {
    failures++;
    throw error;
  }
};

/** Pagefind, loaded once. A failed load is forgotten so the next search retries (with a new module URL, because
 * browsers remember a failed import of the same URL). */
function load(): Promise<Pagefind> {
  api ??= (async () => {
    const url = new URL(`${sitePath(`${BASE}pagefind.js`, root)}${attempt ? `?r=${attempt}` : ''}`, location.href);
    const pagefind = (await import(/* @vite-ignore */ url.href)) as Pagefind;
    // The index is small, so the main thread is fast enough and the worker script (11 KB) is not worth its bytes.
    // Results keep their site paths ("/hoi-dap/x/") wherever the index was loaded from; render() maps them.
    await pagefind.options({ noWorker: true, excerptLength: 24, baseUrl: '/' });
    await pagefind.init();
    return pagefind;
  })();
  api.catch(() => reset());
  return api;
}

function reset() {
  const old = api;
  api = undefined;
  attempt++;
  void old?.then((pagefind) => pagefind.destroy()).catch(() => undefined);
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (text && hasKhmer(text)) node.lang = 'km';
  return node;
}

/** What #search-results shows: loading, results, none, offline or empty (tests wait on it). */
function state(value: string) {
  resultsEl.dataset['state'] = value;
}

function message(text: string, role?: string) {
  resultsEl.replaceChildren();
  const p = el('p', text);
  if (role) p.setAttribute('role', role);
  resultsEl.append(p);
}

/** Excerpt text with the searched words marked. Latin words match loosely (as typed), Khmer words exactly. */
function highlighted(text: string): Node[] {
  const latin = terms.filter((t) => !hasKhmer(t)).map(looseKey);
  const khmer = terms.filter(hasKhmer).flatMap(segmentKhmer);
  const nodes: Node[] = [];
  for (const part of text.split(/([\p{L}\p{M}\p{N}]+)/u)) {
    const hit = part && (latin.some((t) => looseKey(part).startsWith(t)) || khmer.some((k) => part.includes(k)));
    nodes.push(hit ? el('mark', part) : document.createTextNode(part));
  }
  return nodes;
}

function capitalise(text: string) {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

function render(fragment: Fragment): HTMLLIElement {
  const li = el('li');
  const heading = el('h2');
  const link = el('a', displayText(fragment.meta['title'] ?? fragment.url));
  link.href = sitePath(fragment.url, root);
  heading.append(link);
  const { type, language, duration } = fragment.meta;
  const facts = [type && capitalise(type), language, duration && `${msg('duration')} ${duration}`].filter(Boolean);
  const about = el('p', facts.join(' · '));
  about.className = 'meta';
  const excerpt = el('p');
  const text = excerptText(fragment.content, fragment.plain_excerpt);
  if (hasKhmer(text)) excerpt.lang = 'km';
  excerpt.append(...highlighted(text));
  li.append(heading, about, excerpt);
  return li;
}

/** Shows the next screen of results; their fragments are fetched now, not before. */
async function showMore(run: number, count = PAGE) {
  const batch = pending.splice(0, count);
  const fragments = await Promise.all(batch.map((r) => r.data()));
  if (run !== current) return;
  if (failures > 0) throw new Error('offline');
  let list = resultsEl.querySelector('ol');
  if (!list) resultsEl.replaceChildren((list = el('ol')));
  const items = fragments.map(render);
  list.append(...items);
  moreButton.hidden = pending.length === 0;
  return items[0]?.querySelector('a');
}

function busy(run: number, on: boolean) {
  if (on) {
    form.setAttribute('aria-busy', 'true');
    setTimeout(() => {
      if (run === current && form.hasAttribute('aria-busy')) progress.hidden = false;
    }, SLOW_MS);
  } else if (run === current) {
    form.removeAttribute('aria-busy');
    progress.hidden = true;
  }
}

async function guarded(run: number, task: () => Promise<void>) {
  failures = 0;
  received = 0;
  busy(run, true);
  try {
    await task();
  } catch {
    if (run !== current) return;
    reset();
    pending = [];
    moreButton.hidden = true;
    statusEl.textContent = '';
    message(msg('offline'), 'alert');
    state('offline');
  } finally {
    busy(run, false);
  }
}

async function search(raw: string, filters: Partial<Record<FilterName, string>>) {
  const run = ++current;
  const query = searchQuery(raw);
  terms = raw
    .normalize('NFC')
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter(Boolean);
  moreButton.hidden = true;
  pending = [];
  if (!query && Object.keys(filters).length === 0) {
    statusEl.textContent = '';
    message(msg('empty'));
    state('empty');
    return;
  }
  await guarded(run, async () => {
    state('loading');
    statusEl.textContent = api ? msg('searching') : msg('loading');
    const pagefind = await load();
    const response = await pagefind.search(query || null, { filters });
    if (run !== current) return;
    if (failures > 0 || !response) throw new Error('offline');
    pending = response.results;
    statusEl.textContent = msg('count').replace('{n}', String(pending.length));
    if (pending.length === 0) {
      message(msg('none'));
      return state('none');
    }
    resultsEl.replaceChildren();
    await showMore(run, FIRST_SCREEN);
    state('results');
  });
}

function fromForm() {
  const filters: Partial<Record<FilterName, string>> = {};
  for (const name of Object.keys(FILTER_PARAMS) as FilterName[]) {
    const value = (form.elements.namedItem(FILTER_PARAMS[name]) as HTMLSelectElement).value;
    if (value) filters[name] = value;
  }
  return { query: input.value, filters };
}

function fromUrl() {
  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  const filters = filtersFromParams(params);
  for (const name of Object.keys(FILTER_PARAMS) as FilterName[]) {
    (form.elements.namedItem(FILTER_PARAMS[name]) as HTMLSelectElement).value = filters[name] ?? '';
  }
  // A link that carries a filter shows it, so the resident sees why the results are fewer.
  if (Object.keys(filters).length > 0) filterBox.open = true;
  return fromForm();
}

function submit(push: boolean) {
  const { query, filters } = fromForm();
  const href = searchHref(location.pathname, query, filters);
  if (push) history.pushState(null, '', href);
  else history.replaceState(null, '', href);
  void search(query, filters);
}

export function start() {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit(true);
  });
  form.addEventListener('change', (event) => {
    if (event.target instanceof HTMLSelectElement) submit(false);
  });
  // Start fetching while the resident types: the first results come sooner on a slow link.
  input.addEventListener('focus', () => void load().catch(() => undefined), { once: true });
  moreButton.addEventListener('click', () => {
    const run = current;
    state('loading');
    void guarded(run, async () => {
      // Keyboard and screen-reader users continue at the first new result.
      (await showMore(run))?.focus();
      state('results');
    });
  });
  window.addEventListener('popstate', () => {
    const { query, filters } = fromUrl();
    void search(query, filters);
  });
  const { query, filters } = fromUrl();
  const first = query.trim() || Object.keys(filters).length > 0 ? search(query, filters) : Promise.resolve();
  void first.finally(() => {
    // Marked as well as announced: the page's other script may run after the event.
    document.body.dataset[SETTLED_MARK] = '';
    dispatchEvent(new Event(SEARCH_SETTLED));
  });
}
