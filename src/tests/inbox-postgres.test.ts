/** The inbox on PostgreSQL (LOA_BAN_INBOX_DB=postgres://…): the same store contract as SQLite, then the real service
 * on it, including a crash in the middle of a burst. A real server from Debian's `postgresql`, on loopback. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInboxService } from '../../scripts/lib/inbox-service';
import { openPostgresStore } from '../inbox/store-postgres';
import { inboxUrls } from '../lib/urls';
import { addEditor, EDITOR } from './helpers/inbox';
import { postgresBin, startPostgres, type TestPostgres } from '../../scripts/lib/postgres';
import { storeContract } from './helpers/store-contract';

const bin = postgresBin();
let server: TestPostgres | undefined;

describe('PostgreSQL', () => {
  it('is found by the test (postgresql is installed by .ci/run)', () => {
    expect(bin, 'PostgreSQL binaries (apt-get install postgresql)').toBeDefined();
  });
});

describe.runIf(bin)('the inbox on PostgreSQL', () => {
  beforeAll(async () => {
    server = await startPostgres(bin!);
  });
  afterAll(() => server?.stop());

  storeContract('PostgreSQL', async () => openPostgresStore(await server!.database()));

  it('runs the service: submissions by key, editors’ login, and nothing acknowledged lost to SIGKILL', async () => {
    const db = await server!.database();
    await addEditor(db);
    let service = await startInboxService({ LOA_BAN_INBOX_DB: db });
    const acknowledged: string[] = [];
    let next = 0;
    let killed = false;
    const sender = async () => {
      while (next < 300) {
        const i = next++;
        try {
          const r = await fetch(`${service.url}/api/cau-hoi/`, {
            method: 'POST',
            headers: { accept: 'application/json', 'x-real-ip': `10.2.${i >> 8}.${i & 255}` },
            body: new URLSearchParams({
              question: `Câu ${i} vào PostgreSQL`,
              key: `pg-${String(i).padStart(16, '0')}`,
            }),
          });
          if (r.status === 201) acknowledged.push(((await r.json()) as { code: string }).code);
        } catch {
          // the service is gone
        }
        if (acknowledged.length >= 60 && !killed) {
          killed = true;
          await service.stop('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: 12 }, sender));
    expect(killed).toBe(true);
    service = await startInboxService({ LOA_BAN_INBOX_DB: db });
    try {
      const store = await openPostgresStore(db);
      const missing = [];
      for (const code of acknowledged) if (!(await store.byCode(code))) missing.push(code);
      await store.close();
      expect(missing).toEqual([]);
      // Resending a stored key gives its code back.
      const again = await fetch(`${service.url}/api/cau-hoi/`, {
        method: 'POST',
        headers: { accept: 'application/json' },
        body: new URLSearchParams({ question: 'Câu 0 vào PostgreSQL', key: `pg-${'0'.repeat(16)}` }),
      });
      expect(again.status).toBe(200);
      expect((await fetch(service.url + inboxUrls.status(acknowledged[0]!))).status).toBe(200);
      // The editors' side: a login on the accounts table in PostgreSQL.
      const page = await fetch(service.url + inboxUrls.login);
      const csrf = /name="csrf" value="([^"]+)"/.exec(await page.text())![1]!;
      const cookie = page.headers.get('set-cookie')!.split(';')[0]!;
      const login = await fetch(service.url + inboxUrls.login, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie },
        body: new URLSearchParams({ csrf, username: EDITOR.username, password: EDITOR.password }),
      });
      expect(login.status).toBe(303);
      expect(login.headers.getSetCookie().some((c) => c.startsWith('hop-thu='))).toBe(true);
    } finally {
      await service.stop();
    }
  });
});
