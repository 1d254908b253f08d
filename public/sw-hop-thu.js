// Loa Bản service worker, inbox part: imported by sw.js only when the site is built with the inbox (the build
// deletes this file otherwise). It keeps the question form's scripts for offline use, so a resident who opened the
// site once with signal can write a question with none, and sends the questions kept on the phone by Background Sync
// (src/client/inbox/ask-outbox.ts writes the same IndexedDB store; pages also send on load, for other browsers).
// @ts-expect-error: stamped at build (src/integrations/service-worker.ts) with the list of script URLs.
const INBOX_ASSETS = __INBOX_ASSETS__;

self.addEventListener('install', (event) => {
  const saveData = self.navigator.connection && self.navigator.connection.saveData;
  if (!saveData)
    event.waitUntil(
      caches
        .open(SHELL)
        .then((c) => c.addAll(INBOX_ASSETS))
        .catch(() => undefined),
    );
});

self.addEventListener('sync', (event) => {
  if (event.tag === 'loa-ban-hop-thu') event.waitUntil(sendKept());
});

function idb(mode, run) {
  return new Promise((done, fail) => {
    const open = indexedDB.open('loa-ban-hop-thu', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('outbox', { keyPath: 'key' });
    open.onerror = () => fail(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction('outbox', mode);
      const req = run(tx.objectStore('outbox'));
      tx.oncomplete = () => done(req.result);
      tx.onerror = () => fail(tx.error);
    };
  });
}

// Same rules as flush() in ask-outbox.ts: delivered or refused for good leaves the store; anything else stays, and
// the rejection makes the browser retry the sync later.
async function sendKept() {
  const send = async () => {
    const items = (await idb('readonly', (s) => s.getAll())).sort((a, b) => a.queued - b.queued);
    for (const item of items) {
      const body = new FormData();
      for (const [k, v] of Object.entries(item.fields)) body.append(k, v);
      body.append('key', item.key);
      if (item.audio) body.append('audio', item.audio, 'cau-hoi');
      const response = await fetch('/api/cau-hoi/', { method: 'POST', body, headers: { accept: 'application/json' } });
      if (response.status >= 500 || response.status === 408 || response.status === 429) throw new Error('retry');
      await idb('readwrite', (s) => s.delete(item.key));
      // An open page that wrote it shows the reference code (or why it was refused).
      const answer = await response.json().catch(() => ({}));
      const hopThu = response.ok
        ? { key: item.key, code: answer.code || '' }
        : { key: item.key, error: answer.error || '' };
      for (const client of await self.clients.matchAll({ type: 'window' })) client.postMessage({ hopThu });
    }
  };
  return self.navigator.locks ? self.navigator.locks.request('loa-ban-hop-thu', send) : send();
}
