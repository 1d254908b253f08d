import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll } from 'vitest';
import { startInboxService, type RunningInbox } from '../../../scripts/lib/inbox-service';
import { root } from './paths';

export const EDITOR = { username: 'bien-tap-vien', password: 'mat-khau-du-dai-2026' };

/** Creates an editor account the way the README says, through the npm script's program, password on stdin. */
export function addEditor(database: string, user = EDITOR): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(root, 'src/inbox/add-user.ts'), user.username], {
      cwd: root,
      env: { ...process.env, LOA_BAN_INBOX_DB: database },
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => (code === 0 ? done(out) : fail(new Error(out))));
    child.stdin.end(`${user.password}\n`);
  });
}

/** Reads the service's real SQLite file (WAL lets a reader in while the service writes). */
export function query<T = Record<string, unknown>>(database: string, sql: string, ...args: (string | number)[]): T[] {
  const db = new DatabaseSync(database, { readOnly: true });
  try {
    return db.prepare(sql).all(...args) as T[];
  } finally {
    db.close();
  }
}

/** A fresh folder with the SQLite file, and the real service on it, for the tests of one file. `env` adds settings. */
export function inboxService(env: Record<string, string> = {}): {
  readonly service: RunningInbox;
  readonly database: string;
  readonly dir: string;
  restart(signal?: NodeJS.Signals): Promise<RunningInbox>;
} {
  let dir = '';
  let service: RunningInbox | undefined;
  const settings = () => ({
    LOA_BAN_INBOX_DB: join(dir, 'hop-thu.sqlite'),
    LOA_BAN_INBOX_INSECURE_COOKIES: '1',
    ...env,
  });
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'loa-ban-inbox-'));
    service = await startInboxService(settings());
    await addEditor(join(dir, 'hop-thu.sqlite'));
  });
  afterAll(async () => {
    await service?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  return {
    get service() {
      if (!service) throw new Error('the service starts in beforeAll');
      return service;
    },
    get database() {
      return join(dir, 'hop-thu.sqlite');
    },
    get dir() {
      return dir;
    },
    async restart(signal = 'SIGTERM') {
      await service?.stop(signal);
      service = await startInboxService(settings());
      return service;
    },
  };
}
