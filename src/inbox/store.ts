/** Storage of the inbox behind one small interface (InboxStore), with the embedded default: Node's built-in
 * `node:sqlite` in write-ahead-log mode with synchronous=FULL, so a submission the service has acknowledged is on disk
 * even if the process is killed the next instant. A province that outgrows one machine implements the same interface
 * on PostgreSQL (README, "Hộp thư"); nothing else in the service touches SQL. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { newCode } from './code.ts';
import type { NewSubmission } from './submission.ts';

export interface Submission {
  id: number;
  /** Short reference code the resident keeps, e.g. "K7MQ-3XHA". */
  code: string;
  question: string;
  name: string | null;
  commune: string | null;
  phone: string | null;
  topic: string | null;
  lang: string | null;
  page: string | null;
  hasAudio: boolean;
  audioType: string | null;
  /** ISO time of arrival (UTC). */
  created: string;
  /** Site path of the published Q&A that answers it, once an editor linked one. */
  answerUrl: string | null;
  answeredAt: string | null;
}

export interface Filter {
  topic?: string | undefined;
  commune?: string | undefined;
  lang?: string | undefined;
  /** 'open' (not answered) or 'answered'. */
  state?: 'open' | 'answered' | undefined;
  limit?: number;
  offset?: number;
}

export interface Editor {
  id: number;
  username: string;
  passwordHash: string;
  failedLogins: number;
  lockedUntil: string | null;
}

export interface Session {
  editorId: number;
  username: string;
  csrf: string;
  expires: string;
}

/** Every method returns a promise so that a networked database (PostgreSQL, store-postgres.ts) fits the same
 * interface; node:sqlite answers synchronously. */
export interface InboxStore {
  /** Stores a submission; a key seen before returns the first one's code and `created: false`. */
  add(s: NewSubmission, now: Date): Promise<{ code: string; created: boolean }>;
  byCode(code: string): Promise<Submission | undefined>;
  byId(id: number): Promise<Submission | undefined>;
  list(filter: Filter): Promise<Submission[]>;
  count(filter: Filter): Promise<number>;
  /** Distinct topics, communes and languages present, for the inbox's filters. */
  facets(): Promise<{ topics: string[]; communes: string[]; langs: string[] }>;
  audio(id: number): Promise<{ bytes: Uint8Array; type: string } | undefined>;
  markAnswered(id: number, answerUrl: string | null, now: Date): Promise<void>;
  /** Deletes names, phone numbers and recordings of submissions older than `before` (and sessions already expired);
   * returns how many submissions it cleared. */
  purgePersonal(before: Date): Promise<number>;
  addEditor(username: string, passwordHash: string): Promise<void>;
  setPassword(username: string, passwordHash: string): Promise<boolean>;
  editor(username: string): Promise<Editor | undefined>;
  /** Records a wrong password; locks the account for `lockMinutes` once `maxFailures` is reached. */
  loginFailed(id: number, now: Date, maxFailures: number, lockMinutes: number): Promise<void>;
  loginSucceeded(id: number): Promise<void>;
  createSession(tokenHash: string, editorId: number, csrf: string, expires: Date): Promise<void>;
  session(tokenHash: string, now: Date): Promise<Session | undefined>;
  endSession(tokenHash: string): Promise<void>;
  close(): Promise<void>;
}

const row = (r: Record<string, unknown>): Submission => ({
  id: Number(r['id']),
  code: String(r['code']),
  question: String(r['question']),
  name: (r['name'] as string | null) ?? null,
  commune: (r['commune'] as string | null) ?? null,
  phone: (r['phone'] as string | null) ?? null,
  topic: (r['topic'] as string | null) ?? null,
  lang: (r['lang'] as string | null) ?? null,
  page: (r['page'] as string | null) ?? null,
  hasAudio: Number(r['has_audio']) === 1,
  audioType: (r['audio_type'] as string | null) ?? null,
  created: String(r['created']),
  answerUrl: (r['answer_url'] as string | null) ?? null,
  answeredAt: (r['answered_at'] as string | null) ?? null,
});

const COLUMNS = `id, code, question, name, commune, phone, topic, lang, page, audio IS NOT NULL AS has_audio, audio_type,
  created, answer_url, answered_at`;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS submissions (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  idem_key TEXT UNIQUE,
  question TEXT NOT NULL,
  name TEXT, commune TEXT, phone TEXT,
  topic TEXT, lang TEXT, page TEXT,
  audio BLOB, audio_type TEXT,
  created TEXT NOT NULL,
  answer_url TEXT, answered_at TEXT,
  purged INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS submissions_created ON submissions (created);
CREATE TABLE IF NOT EXISTS editors (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT
);
CREATE TABLE IF NOT EXISTS sessions (
  token_hash TEXT PRIMARY KEY,
  editor_id INTEGER NOT NULL REFERENCES editors (id) ON DELETE CASCADE,
  csrf TEXT NOT NULL,
  expires TEXT NOT NULL
);`;

function where(f: Filter): { sql: string; args: (string | number)[] } {
  const parts: string[] = [];
  const args: (string | number)[] = [];
  for (const key of ['topic', 'commune', 'lang'] as const) {
    const v = f[key];
    if (v) {
      parts.push(`${key} = ?`);
      args.push(v);
    }
  }
  if (f.state === 'open') parts.push('answered_at IS NULL');
  if (f.state === 'answered') parts.push('answered_at IS NOT NULL');
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', args };
}

export function openSqliteStore(file: string): InboxStore {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new DatabaseSync(file);
  db.exec(
    'PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;',
  );
  db.exec(SCHEMA);

  const insert = db.prepare(
    `INSERT INTO submissions (code, idem_key, question, name, commune, phone, topic, lang, page, audio, audio_type, created)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (idem_key) DO NOTHING`,
  );
  const byKey = db.prepare('SELECT code FROM submissions WHERE idem_key = ?');
  const byCode = db.prepare(`SELECT ${COLUMNS} FROM submissions WHERE code = ?`);
  const byId = db.prepare(`SELECT ${COLUMNS} FROM submissions WHERE id = ?`);

  return {
    async add(s, now) {
      for (;;) {
        const code = newCode();
        try {
          const result = insert.run(
            code,
            s.key ?? null,
            s.question,
            s.name ?? null,
            s.commune ?? null,
            s.phone ?? null,
            s.topic ?? null,
            s.lang ?? null,
            s.page ?? null,
            s.audio?.bytes ?? null,
            s.audio?.type ?? null,
            now.toISOString(),
          );
          if (result.changes === 1) return { code, created: true };
          const first = byKey.get(s.key ?? null) as { code: string } | undefined;
          if (first) return { code: first.code, created: false };
        } catch (e) {
          // A code already given (1 in 10^12 per pair): draw another.
          if (!/UNIQUE constraint failed: submissions\.code/.test(String(e))) throw e;
        }
      }
    },
    async byCode(code) {
      const r = byCode.get(code) as Record<string, unknown> | undefined;
      return r && row(r);
    },
    async byId(id) {
      const r = byId.get(id) as Record<string, unknown> | undefined;
      return r && row(r);
    },
    async list(f) {
      const w = where(f);
      return db
        .prepare(`SELECT ${COLUMNS} FROM submissions ${w.sql} ORDER BY created DESC, id DESC LIMIT ? OFFSET ?`)
        .all(...w.args, f.limit ?? 50, f.offset ?? 0)
        .map((r) => row(r as Record<string, unknown>));
    },
    async count(f) {
      const w = where(f);
      return Number((db.prepare(`SELECT count(*) AS n FROM submissions ${w.sql}`).get(...w.args) as { n: number }).n);
    },
    async facets() {
      const distinct = (col: string) =>
        db
          .prepare(`SELECT DISTINCT ${col} AS v FROM submissions WHERE ${col} IS NOT NULL ORDER BY ${col}`)
          .all()
          .map((r) => String((r as { v: string }).v));
      return { topics: distinct('topic'), communes: distinct('commune'), langs: distinct('lang') };
    },
    async audio(id) {
      const r = db.prepare('SELECT audio, audio_type FROM submissions WHERE id = ? AND audio IS NOT NULL').get(id) as
        { audio: Uint8Array; audio_type: string } | undefined;
      return r && { bytes: r.audio, type: r.audio_type };
    },
    async markAnswered(id, answerUrl, now) {
      db.prepare('UPDATE submissions SET answer_url = ?, answered_at = ? WHERE id = ?').run(
        answerUrl,
        answerUrl ? now.toISOString() : null,
        id,
      );
    },
    async purgePersonal(before) {
      db.prepare('DELETE FROM sessions WHERE expires < ?').run(new Date().toISOString());
      return Number(
        db
          .prepare(
            `UPDATE submissions SET name = NULL, phone = NULL, audio = NULL, purged = 1
             WHERE created < ? AND purged = 0`,
          )
          .run(before.toISOString()).changes,
      );
    },
    async addEditor(username, passwordHash) {
      db.prepare('INSERT INTO editors (username, password_hash) VALUES (?, ?)').run(username, passwordHash);
    },
    async setPassword(username, passwordHash) {
      const r = db
        .prepare('UPDATE editors SET password_hash = ?, failed_logins = 0, locked_until = NULL WHERE username = ?')
        .run(passwordHash, username);
      return r.changes === 1;
    },
    async editor(username) {
      const r = db.prepare('SELECT * FROM editors WHERE username = ?').get(username) as
        Record<string, unknown> | undefined;
      return (
        r && {
          id: Number(r['id']),
          username: String(r['username']),
          passwordHash: String(r['password_hash']),
          failedLogins: Number(r['failed_logins']),
          lockedUntil: (r['locked_until'] as string | null) ?? null,
        }
      );
    },
    async loginFailed(id, now, maxFailures, lockMinutes) {
      db.prepare('UPDATE editors SET failed_logins = failed_logins + 1 WHERE id = ?').run(id);
      db.prepare(`UPDATE editors SET locked_until = ?, failed_logins = 0 WHERE id = ? AND failed_logins >= ?`).run(
        new Date(now.getTime() + lockMinutes * 60_000).toISOString(),
        id,
        maxFailures,
      );
    },
    async loginSucceeded(id) {
      db.prepare('UPDATE editors SET failed_logins = 0, locked_until = NULL WHERE id = ?').run(id);
    },
    async createSession(tokenHash, editorId, csrf, expires) {
      db.prepare('INSERT INTO sessions (token_hash, editor_id, csrf, expires) VALUES (?, ?, ?, ?)').run(
        tokenHash,
        editorId,
        csrf,
        expires.toISOString(),
      );
    },
    async session(tokenHash, now) {
      const r = db
        .prepare(
          `SELECT s.editor_id, e.username, s.csrf, s.expires FROM sessions s JOIN editors e ON e.id = s.editor_id
           WHERE s.token_hash = ? AND s.expires > ?`,
        )
        .get(tokenHash, now.toISOString()) as Record<string, unknown> | undefined;
      return (
        r && {
          editorId: Number(r['editor_id']),
          username: String(r['username']),
          csrf: String(r['csrf']),
          expires: String(r['expires']),
        }
      );
    },
    async endSession(tokenHash) {
      db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
    },
    async close() {
      db.close();
    },
  };
}
