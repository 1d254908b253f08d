import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync } from 'node:fs';
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

/** A git working copy holding the real topics and one topic's Q&A, pushed to a bare repository standing in for the
 * git host. Returns both paths. */
export function gitCopy(dir: string): { work: string; host: string; git: (cwd: string, ...args: string[]) => string } {
  const work = join(dir, 'git');
  const host = join(dir, 'host.git');
  mkdirSync(join(work, 'content/qa'), { recursive: true });
  cpSync(join(root, 'content/topics'), join(work, 'content/topics'), { recursive: true });
  cpSync(join(root, 'content/qa/dieu-tra-53-dan-toc'), join(work, 'content/qa/dieu-tra-53-dan-toc'), {
    recursive: true,
  });
  const git = (cwd: string, ...args: string[]) =>
    execFileSync(
      'git',
      ['-c', 'user.name=t', '-c', 'user.email=t@t.invalid', '-c', 'init.defaultBranch=main', ...args],
      {
        cwd,
        encoding: 'utf8',
      },
    );
  git(dir, 'init', '--quiet', '--bare', host);
  git(work, 'init', '--quiet');
  git(work, 'add', '.');
  git(work, 'commit', '--quiet', '-m', 'nội dung');
  git(work, 'remote', 'add', 'origin', host);
  git(work, 'push', '--quiet', '-u', 'origin', 'main');
  return { work, host, git };
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

/** A fresh folder with the SQLite file, and the real service on it, for the tests of one file. `setup` prepares the
 * folder before the service starts and returns settings to add. */
export function inboxService(
  setup: (dir: string) => Promise<Record<string, string>> | Record<string, string> = () => ({}),
): {
  readonly service: RunningInbox;
  readonly database: string;
  readonly dir: string;
  restart(signal?: NodeJS.Signals): Promise<RunningInbox>;
} {
  let dir = '';
  let service: RunningInbox | undefined;
  let env: Record<string, string> = {};
  const settings = () => ({ LOA_BAN_INBOX_DB: join(dir, 'hop-thu.sqlite'), ...env });
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'loa-ban-inbox-'));
    env = await setup(dir);
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
