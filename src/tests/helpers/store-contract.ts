/** What every InboxStore must do, run against each implementation: SQLite (src/inbox/store.test.ts) and PostgreSQL
 * (src/tests/inbox-postgres.test.ts). `open` gives a fresh, empty store. */
import { describe, expect, it } from 'vitest';
import type { InboxStore } from '../../inbox/store';
import type { NewSubmission } from '../../inbox/submission';

export const sample: NewSubmission = {
  key: undefined,
  question: 'Câu hỏi',
  name: 'Lò Văn Páo',
  commune: 'Tân Thanh',
  phone: '0912345678',
  topic: 'dieu-tra-53-dan-toc',
  lang: 'vi',
  page: '/hoi-dap/',
  audio: { bytes: new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 7]), type: 'audio/webm' },
};

export function storeContract(name: string, open: () => Promise<InboxStore>) {
  describe(`${name} store`, () => {
    it('stores once per idempotency key, also when the same key arrives at once', async () => {
      const s = await open();
      const key = 'k'.repeat(20);
      const replies = await Promise.all([1, 2, 3].map(() => s.add({ ...sample, key }, new Date())));
      expect(new Set(replies.map((r) => r.code)).size).toBe(1);
      expect(replies.filter((r) => r.created)).toHaveLength(1);
      await s.add(sample, new Date());
      await s.add(sample, new Date());
      expect(await s.count({})).toBe(3);
      const stored = await s.byCode(replies[0]!.code);
      expect(stored).toMatchObject({ question: 'Câu hỏi', hasAudio: true, phone: '0912345678', answerUrl: null });
      expect(await s.audio(stored!.id)).toEqual({ bytes: sample.audio!.bytes, type: 'audio/webm' });
      expect(await s.byId(stored!.id)).toEqual(stored);
      await s.close();
    });

    it('filters by topic, commune, language and state, newest first', async () => {
      const s = await open();
      await s.add(sample, new Date('2026-12-01T00:00:00Z'));
      const other = await s.add(
        { ...sample, topic: 'ten-mien-vn', commune: 'Hữu Lũng', lang: 'tyz' },
        new Date('2026-12-02T00:00:00Z'),
      );
      expect((await s.list({ topic: 'ten-mien-vn' })).map((x) => x.code)).toEqual([other.code]);
      expect(await s.list({ commune: 'Hữu Lũng', lang: 'tyz' })).toHaveLength(1);
      expect(await s.list({ lang: 'km' })).toHaveLength(0);
      expect((await s.list({}))[0]!.code).toBe(other.code);
      expect(await s.list({ limit: 1, offset: 1 })).toHaveLength(1);
      await s.markAnswered((await s.byCode(other.code))!.id, '/hoi-dap/a/b/', new Date('2026-12-03T00:00:00Z'));
      expect((await s.list({ state: 'answered' })).map((x) => x.code)).toEqual([other.code]);
      expect(await s.byCode(other.code)).toMatchObject({
        answerUrl: '/hoi-dap/a/b/',
        answeredAt: '2026-12-03T00:00:00.000Z',
      });
      expect(await s.count({ state: 'open' })).toBe(1);
      expect(await s.facets()).toEqual({
        topics: ['dieu-tra-53-dan-toc', 'ten-mien-vn'],
        communes: ['Hữu Lũng', 'Tân Thanh'],
        langs: ['tyz', 'vi'],
      });
      await s.close();
    });

    it('deletes names, phone numbers and recordings after the retention period, and nothing else', async () => {
      const s = await open();
      const old = await s.add(sample, new Date('2026-01-01T00:00:00Z'));
      const recent = await s.add(sample, new Date('2026-06-01T00:00:00Z'));
      expect(await s.purgePersonal(new Date('2026-03-01T00:00:00Z'))).toBe(1);
      expect(await s.byCode(old.code)).toMatchObject({ name: null, phone: null, hasAudio: false, question: 'Câu hỏi' });
      expect(await s.byCode(recent.code)).toMatchObject({ name: 'Lò Văn Páo', phone: '0912345678', hasAudio: true });
      expect(await s.purgePersonal(new Date('2026-03-01T00:00:00Z'))).toBe(0);
      await s.close();
    });

    it('locks an editor after repeated failures, and ends expired sessions', async () => {
      const s = await open();
      await s.addEditor('lan', 'hash');
      const id = (await s.editor('lan'))!.id;
      const now = new Date('2026-12-02T00:00:00Z');
      for (let i = 0; i < 4; i++) await s.loginFailed(id, now, 5, 15);
      expect(await s.editor('lan')).toMatchObject({ failedLogins: 4, lockedUntil: null });
      await s.loginFailed(id, now, 5, 15);
      expect((await s.editor('lan'))!.lockedUntil).toBe('2026-12-02T00:15:00.000Z');
      expect(await s.setPassword('lan', 'new-hash')).toBe(true);
      expect(await s.editor('lan')).toMatchObject({ passwordHash: 'new-hash', lockedUntil: null, failedLogins: 0 });
      expect(await s.setPassword('khong-co', 'x')).toBe(false);
      await s.createSession('t', id, 'csrf', new Date('2026-12-02T08:00:00Z'));
      expect(await s.session('t', now)).toMatchObject({ username: 'lan', csrf: 'csrf' });
      expect(await s.session('t', new Date('2026-12-02T08:00:01Z'))).toBeUndefined();
      await s.endSession('t');
      expect(await s.session('t', now)).toBeUndefined();
      await s.close();
    });
  });
}
