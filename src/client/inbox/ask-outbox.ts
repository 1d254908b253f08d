/** The phone's outbox: questions kept in IndexedDB until the service has them, so one written with no signal, or
 * whose sending was cut, survives closing the browser and is sent on the next visit (or by the service worker's
 * Background Sync, public/sw-hop-thu.js, which reads the same store). Each message carries an idempotency key made
 * when it was written: resending it after a dropped connection or a double press gives the same reference code and
 * never a second copy. */
export const DB = 'loa-ban-hop-thu';
/** localStorage key whose presence means "messages are waiting": boot.ts checks it on every page. */
export const PENDING = 'loa-ban-hop-thu';
export const STORE = 'outbox';
export const SYNC_TAG = 'loa-ban-hop-thu';
const SUBMIT = '/api/cau-hoi/';

export interface Outgoing {
  key: string;
  fields: Record<string, string>;
  audio?: Blob | undefined;
  queued: number;
}

export type Result = { key: string; code: string } | { key: string; error: string };

function open(): Promise<IDBDatabase> {
  return new Promise((done, fail) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'key' });
    req.onsuccess = () => done(req.result);
    req.onerror = () => fail(req.error);
  });
}

function tx<T>(mode: IDBTransactionMode, run: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return open().then(
    (db) =>
      new Promise<T>((done, fail) => {
        const t = db.transaction(STORE, mode);
        const req = run(t.objectStore(STORE));
        t.oncomplete = () => {
          db.close();
          done(req.result);
        };
        t.onerror = () => fail(t.error);
      }),
  );
}

/** Keeps a message on the phone, then asks for Background Sync where the browser has it. */
export async function keep(item: Outgoing): Promise<void> {
  await tx('readwrite', (s) => s.put(item));
  localStorage.setItem(PENDING, '1');
  const registration = await navigator.serviceWorker?.getRegistration();
  await (registration as { sync?: { register(tag: string): Promise<void> } } | undefined)?.sync
    ?.register(SYNC_TAG)
    .catch(() => undefined);
}

/** Whether a message is still waiting on the phone. */
export const isKept = async (key: string) => (await tx('readonly', (s) => s.count(key))) > 0;

/** Drops the "messages are waiting" flag once the outbox is empty: the service worker, which delivers by Background
 * Sync, cannot reach localStorage, so the page settles it when told of a delivery. */
export async function settle(): Promise<void> {
  if (((await tx('readonly', (s) => s.count())) as number) === 0) localStorage.removeItem(PENDING);
}

/** Sends every kept message, oldest first. A refusal the service means (bad input) drops the message and says why;
 * no connection, a busy service or the rate limit keeps it for next time. One sender at a time across tabs and the
 * service worker, so a message is not sent twice at once (the key would make that harmless anyway). */
export async function flush(onResult: (r: Result) => void = () => undefined): Promise<void> {
  const run = async () => {
    const items = (await tx('readonly', (s) => s.getAll())) as Outgoing[];
    items.sort((a, b) => a.queued - b.queued);
    for (const item of items) {
      const body = new FormData();
      for (const [k, v] of Object.entries(item.fields)) body.append(k, v);
      body.append('key', item.key);
      if (item.audio) body.append('audio', item.audio, 'cau-hoi');
      let response: Response;
      try {
        response = await fetch(SUBMIT, { method: 'POST', body, headers: { accept: 'application/json' } });
      } catch {
        return; // no connection: try again later
      }
      if (response.status >= 500 || response.status === 408 || response.status === 429) return;
      const answer = (await response.json().catch(() => ({}))) as { code?: string; error?: string };
      await tx('readwrite', (s) => s.delete(item.key));
      onResult(response.ok ? { key: item.key, code: answer.code ?? '' } : { key: item.key, error: answer.error ?? '' });
    }
    await settle();
  };
  if (navigator.locks) await navigator.locks.request(DB, run);
  else await run();
}
