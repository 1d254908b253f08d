// Loa Bản service worker: offline reading for residents on unreliable mountain links.
// - Pages: network first (short timeout), the copy of a page the resident opened is kept for offline use.
// - Recordings: only those the resident chose to save ("Lưu để nghe khi mất sóng"), served with byte ranges.
// - Nothing is prefetched; under Save-Data not even the offline page.
// The build stamps VERSION with a hash of the site, so each deploy installs a new worker that takes over at once
// and drops the old shell cache; pages and saved recordings survive deploys.
const VERSION = '__VERSION__';
const SHELL = `loa-ban-shell-${VERSION}`;
const PAGES = 'loa-ban-pages';
const AUDIO = 'loa-ban-audio';
const ASSETS = 'loa-ban-assets';
const OFFLINE = '/ngoai-tuyen/';
const TIMEOUT = 4000;
// The residents' inbox part (sw-hop-thu.js) is imported here when the site is built with one; see
// src/integrations/service-worker.ts.
// __INBOX__

self.addEventListener('install', (event) => {
  const saveData = self.navigator.connection && self.navigator.connection.saveData;
  event.waitUntil(
    (saveData ? Promise.resolve() : caches.open(SHELL).then((c) => c.add(OFFLINE))).then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((k) => k.startsWith('loa-ban-shell-') && k !== SHELL).map((k) => caches.delete(k))),
      )
      .then(() => caches.delete(ASSETS))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  // The inbox service (/api/) and the editing app (/bien-tap/, the inbox included) are used online: never cached,
  // never served from a saved copy.
  if (/^\/(api|bien-tap)\//.test(url.pathname)) return;
  if (request.mode === 'navigate') event.respondWith(page(request, event));
  else if (url.pathname.endsWith('.mp3')) event.respondWith(recording(request));
  else if (url.pathname.startsWith('/_astro/')) event.respondWith(asset(request));
});

async function page(request, event) {
  const network = fetch(request).then((response) => {
    if (response.ok) {
      const copy = response.clone();
      event.waitUntil(caches.open(PAGES).then((c) => c.put(request.url.split('#')[0], copy)));
    }
    return response;
  });
  event.waitUntil(network.catch(() => undefined));
  const timeout = new Promise((resolve) => setTimeout(resolve, TIMEOUT));
  try {
    const response = await Promise.race([network, timeout]);
    if (response) return response;
  } catch {
    // Offline: fall through to the saved copy.
  }
  const saved =
    (await caches.match(request.url.split('#')[0], { ignoreSearch: true })) || (await caches.match(OFFLINE));
  if (saved) return saved;
  // Slow but not offline, and nothing saved: keep waiting for the network.
  return network.catch(
    () =>
      new Response(
        '<!doctype html><html lang="vi"><meta charset="utf-8"><title>Mất kết nối</title><p>Mất kết nối mạng. Hãy thử lại khi có sóng.</p>',
        {
          status: 503,
          headers: { 'content-type': 'text/html; charset=utf-8' },
        },
      ),
  );
}

async function recording(request) {
  const saved = await caches.match(request.url, { cacheName: AUDIO, ignoreSearch: true });
  if (!saved) return fetch(request);
  const range = /bytes=(\d*)-(\d*)/.exec(request.headers.get('range') || '');
  if (!range) return saved;
  // <audio> asks for byte ranges; answer them from the saved file.
  const body = await saved.arrayBuffer();
  const start = range[1] ? Number(range[1]) : Math.max(0, body.byteLength - Number(range[2]));
  const end = range[1] && range[2] ? Math.min(Number(range[2]), body.byteLength - 1) : body.byteLength - 1;
  return new Response(body.slice(start, end + 1), {
    status: 206,
    headers: {
      'content-type': 'audio/mpeg',
      'content-range': `bytes ${start}-${end}/${body.byteLength}`,
      'content-length': String(end - start + 1),
      'accept-ranges': 'bytes',
    },
  });
}

async function asset(request) {
  // Hashed file names never change content: cache first.
  const cached =
    (await caches.match(request, { cacheName: ASSETS })) || (await caches.match(request, { cacheName: SHELL }));
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const copy = response.clone();
    caches.open(ASSETS).then((c) => c.put(request, copy));
  }
  return response;
}
