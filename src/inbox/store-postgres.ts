/** The inbox store on PostgreSQL, for a province that outgrows one SQLite file (several service machines, or many
 * communes writing at once). Same interface and the same rules as store.ts: one row per idempotency key
 * (`ON CONFLICT … DO NOTHING`), acknowledged only once committed (PostgreSQL's default synchronous_commit). Chosen when
 * LOA_BAN_INBOX_DB is a postgres:// URL; src/tests/inbox-postgres.test.ts runs it on a real PostgreSQL. */
import pg from 'pg';
import { newCode } from './code.ts';
import type { Editor, Filter, InboxStore, Session, Submission } from './store.ts';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS submissions (
  id BIGSERIAL PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  idem_key TEXT UNIQUE,
  question TEXT NOT NULL,
  name TEXT, commune TEXT, phone TEXT,
  topic TEXT, lang TEXT, page TEXT,
  audio BYTEA, audio_type TEXT,
  created TIMESTAMPTZ NOT NULL,
  answer_url TEXT, answered_at TIMESTAMPTZ,
  purged BOOLEAN NOT NULL DEFAULT false
);
CREATE INDEX IF NOT EXISTS submissions_created ON submissions (created);
CREATE TABLE IF NOT EXISTS editors (
  id BIGSERIAL PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until TIMESTAMPTZ
);
CREATE TABLE IF NOT EXISTS sessions (
  token_hash TEXT PRIMARY KEY,
  editor_id BIGINT NOT NULL REFERENCES editors (id) ON DELETE CASCADE,
  csrf TEXT NOT NULL,
  expires TIMESTAMPTZ NOT NULL
);`;

const COLUMNS = `id, code, question, name, commune, phone, topic, lang, page, audio IS NOT NULL AS has_audio, audio_type,
  created, answer_url, answered_at`;

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : v == null ? null : String(v));

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
  hasAudio: r['has_audio'] === true,
  audioType: (r['audio_type'] as string | null) ?? null,
  created: iso(r['created'])!,
  answerUrl: (r['answer_url'] as string | null) ?? null,
  answeredAt: iso(r['answered_at']),
});

function where(f: Filter): { sql: string; args: string[] } {
  const parts: string[] = [];
  const args: string[] = [];
  for (const key of ['topic', 'commune', 'lang'] as const) {
    const v = f[key];
    if (v) {
      args.push(v);
      parts.push(`${key} = $${args.length}`);
    }
  }
  if (f.state === 'open') parts.push('answered_at IS NULL');
  if (f.state === 'answered') parts.push('answered_at IS NOT NULL');
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', args };
}

export async function openPostgresStore(url: string): Promise<InboxStore> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  await pool.query(SCHEMA);
  const q = async (sql: string, args: unknown[] = []) =>
    (await pool.query(sql, args)).rows as Record<string, unknown>[];

  return {
    async add(s, now) {
      for (;;) {
        try {
          const inserted = await q(
            `INSERT INTO submissions (code, idem_key, question, name, commune, phone, topic, lang, page, audio,
               audio_type, created)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (idem_key) DO NOTHING RETURNING code`,
            [
              newCode(),
              s.key ?? null,
              s.question,
              s.name ?? null,
              s.commune ?? null,
              s.phone ?? null,
              s.topic ?? null,
              s.lang ?? null,
              s.page ?? null,
              s.audio ? Buffer.from(s.audio.bytes) : null,
              s.audio?.type ?? null,
              now,
            ],
          );
          if (inserted[0]) return { code: String(inserted[0]['code']), created: true };
          const first = await q('SELECT code FROM submissions WHERE idem_key = $1', [s.key]);
          if (first[0]) return { code: String(first[0]['code']), created: false };
        } catch (e) {
          // A code already given: draw another.
          if ((e as { constraint?: string }).constraint !== 'submissions_code_key') throw e;
        }
      }
    },
    async byCode(code) {
      const [r] = await q(`SELECT ${COLUMNS} FROM submissions WHERE code = $1`, [code]);
      return r && row(r);
    },
    async byId(id) {
      const [r] = await q(`SELECT ${COLUMNS} FROM submissions WHERE id = $1`, [id]);
      return r && row(r);
    },
    async list(f) {
      const w = where(f);
      const n = w.args.length;
      return (
        await q(
          `SELECT ${COLUMNS} FROM submissions ${w.sql} ORDER BY created DESC, id DESC LIMIT $${n + 1} OFFSET $${n + 2}`,
          [...w.args, f.limit ?? 50, f.offset ?? 0],
        )
      ).map(row);
    },
    async count(f) {
      const w = where(f);
      return Number((await q(`SELECT count(*) AS n FROM submissions ${w.sql}`, w.args))[0]!['n']);
    },
    async facets() {
      const distinct = async (col: string) =>
        (await q(`SELECT DISTINCT ${col} AS v FROM submissions WHERE ${col} IS NOT NULL ORDER BY ${col}`)).map((r) =>
          String(r['v']),
        );
      return { topics: await distinct('topic'), communes: await distinct('commune'), langs: await distinct('lang') };
    },
    async audio(id) {
      const [r] = await q('SELECT audio, audio_type FROM submissions WHERE id = $1 AND audio IS NOT NULL', [id]);
      return r && { bytes: new Uint8Array(r['audio'] as Buffer), type: String(r['audio_type']) };
    },
    async markAnswered(id, answerUrl, now) {
      await q('UPDATE submissions SET answer_url = $1, answered_at = $2 WHERE id = $3', [
        answerUrl,
        answerUrl ? now : null,
        id,
      ]);
    },
    async purgePersonal(before) {
      await q('DELETE FROM sessions WHERE expires < now()');
      const r = await pool.query(
        'UPDATE submissions SET name = NULL, phone = NULL, audio = NULL, purged = true WHERE created < $1 AND NOT purged',
        [before],
      );
      return r.rowCount ?? 0;
    },
    async addEditor(username, passwordHash) {
      await q('INSERT INTO editors (username, password_hash) VALUES ($1, $2)', [username, passwordHash]);
    },
    async setPassword(username, passwordHash) {
      const r = await pool.query(
        'UPDATE editors SET password_hash = $1, failed_logins = 0, locked_until = NULL WHERE username = $2',
        [passwordHash, username],
      );
      return r.rowCount === 1;
    },
    async editor(username) {
      const [r] = await q('SELECT * FROM editors WHERE username = $1', [username]);
      return (
        r &&
        ({
          id: Number(r['id']),
          username: String(r['username']),
          passwordHash: String(r['password_hash']),
          failedLogins: Number(r['failed_logins']),
          lockedUntil: iso(r['locked_until']),
        } satisfies Editor)
      );
    },
    async loginFailed(id, now, maxFailures, lockMinutes) {
      // One statement: concurrent wrong passwords cannot slip past the count.
      await q(
        `UPDATE editors SET
           locked_until = CASE WHEN failed_logins + 1 >= $2 THEN $3 ELSE locked_until END,
           failed_logins = CASE WHEN failed_logins + 1 >= $2 THEN 0 ELSE failed_logins + 1 END
         WHERE id = $1`,
        [id, maxFailures, new Date(now.getTime() + lockMinutes * 60_000)],
      );
    },
    async loginSucceeded(id) {
      await q('UPDATE editors SET failed_logins = 0, locked_until = NULL WHERE id = $1', [id]);
    },
    async createSession(tokenHash, editorId, csrf, expires) {
      await q('INSERT INTO sessions (token_hash, editor_id, csrf, expires) VALUES ($1, $2, $3, $4)', [
        tokenHash,
        editorId,
        csrf,
        expires,
      ]);
    },
    async session(tokenHash, now) {
      const [r] = await q(
        `SELECT s.editor_id, e.username, s.csrf, s.expires FROM sessions s JOIN editors e ON e.id = s.editor_id
         WHERE s.token_hash = $1 AND s.expires > $2`,
        [tokenHash, now],
      );
      return (
        r &&
        ({
          editorId: Number(r['editor_id']),
          username: String(r['username']),
          csrf: String(r['csrf']),
          expires: iso(r['expires'])!,
        } satisfies Session)
      );
    },
    async endSession(tokenHash) {
      await q('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
    },
    async close() {
      await pool.end();
    },
  };
}
