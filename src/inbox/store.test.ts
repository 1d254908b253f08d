import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from './store';
import type { NewSubmission } from './submission';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true }))));

const base: NewSubmission = {
  key: undefined,
  question: 'Câu hỏi',
  name: 'Lò Văn Páo',
  commune: 'Tân Thanh',
  phone: '0912345678',
  topic: 'dieu-tra-53-dan-toc',
  lang: 'vi',
  page: '/hoi-dap/',
  audio: { bytes: new Uint8Array([0x1a, 0x45, 0xdf, 0xa3]), type: 'audio/webm' },
};

async function store() {
  const dir = await mkdtemp(join(tmpdir(), 'store-'));
  dirs.push(dir);
  return { file: join(dir, 'x.sqlite'), store: openSqliteStore(join(dir, 'x.sqlite')) };
}

describe('SQLite store', () => {
  it('stores once per idempotency key, and keeps data across reopening (WAL)', async () => {
    const { file, store: s } = await store();
    const first = s.add({ ...base, key: 'k'.repeat(20) }, new Date());
    const again = s.add({ ...base, key: 'k'.repeat(20), question: 'khác' }, new Date());
    expect(first.created).toBe(true);
    expect(again).toEqual({ code: first.code, created: false });
    s.add(base, new Date());
    s.add(base, new Date());
    expect(s.count({})).toBe(3);
    s.close();
    const reopened = openSqliteStore(file);
    expect(reopened.byCode(first.code)).toMatchObject({ question: 'Câu hỏi', hasAudio: true, phone: '0912345678' });
    reopened.close();
  });

  it('filters by topic, commune, language and state', async () => {
    const { store: s } = await store();
    s.add(base, new Date());
    const other = s.add({ ...base, topic: 'ten-mien-vn', commune: 'Hữu Lũng', lang: 'tyz' }, new Date());
    expect(s.list({ topic: 'ten-mien-vn' }).map((x) => x.code)).toEqual([other.code]);
    expect(s.list({ commune: 'Hữu Lũng', lang: 'tyz' })).toHaveLength(1);
    expect(s.list({ lang: 'km' })).toHaveLength(0);
    s.markAnswered(s.byCode(other.code)!.id, '/hoi-dap/a/b/', new Date());
    expect(s.list({ state: 'answered' }).map((x) => x.code)).toEqual([other.code]);
    expect(s.count({ state: 'open' })).toBe(1);
    expect(s.facets()).toEqual({
      topics: ['dieu-tra-53-dan-toc', 'ten-mien-vn'],
      communes: ['Hữu Lũng', 'Tân Thanh'],
      langs: ['tyz', 'vi'],
    });
  });

  it('deletes names, phone numbers and recordings after the retention period, and nothing else', async () => {
    const { store: s } = await store();
    const old = s.add(base, new Date('2026-01-01T00:00:00Z'));
    const recent = s.add(base, new Date('2026-06-01T00:00:00Z'));
    expect(s.purgePersonal(new Date('2026-03-01T00:00:00Z'))).toBe(1);
    expect(s.byCode(old.code)).toMatchObject({ name: null, phone: null, hasAudio: false, question: 'Câu hỏi' });
    expect(s.byCode(recent.code)).toMatchObject({ name: 'Lò Văn Páo', phone: '0912345678', hasAudio: true });
    expect(s.purgePersonal(new Date('2026-03-01T00:00:00Z'))).toBe(0);
  });

  it('locks an editor after repeated failures and ends expired sessions', async () => {
    const { store: s } = await store();
    s.addEditor('lan', 'hash');
    const id = s.editor('lan')!.id;
    const now = new Date('2026-12-02T00:00:00Z');
    for (let i = 0; i < 4; i++) s.loginFailed(id, now, 5, 15);
    expect(s.editor('lan')).toMatchObject({ failedLogins: 4, lockedUntil: null });
    s.loginFailed(id, now, 5, 15);
    expect(s.editor('lan')!.lockedUntil).toBe('2026-12-02T00:15:00.000Z');
    s.createSession('t', id, 'csrf', new Date('2026-12-02T08:00:00Z'));
    expect(s.session('t', now)).toMatchObject({ username: 'lan', csrf: 'csrf' });
    expect(s.session('t', new Date('2026-12-02T08:00:01Z'))).toBeUndefined();
  });
});
