/** The inbox service over HTTP, as started by `npm run inbox`, on a real SQLite file: bad input, the rate limit, the
 * editors' login (wrong password, lockout, CSRF, expired session), answering, CSV, drafts committed and pushed to a
 * git host, and a crash in the middle of a burst. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { startInboxService } from '../../scripts/lib/inbox-service';
import { inboxUrls } from '../lib/urls';
import { addEditor, EDITOR, gitCopy, inboxService, query } from './helpers/inbox';

const inbox = inboxService();

type Reply = { status: number; text: string; headers: Headers };

async function post(
  path: string,
  body: BodyInit,
  headers: Record<string, string> = {},
  address = '198.51.100.1',
): Promise<Reply> {
  const r = await fetch(inbox.service.url + path, {
    method: 'POST',
    body,
    headers: { 'x-real-ip': address, ...headers },
    redirect: 'manual',
  });
  return { status: r.status, text: await r.text(), headers: r.headers };
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields);
const count = () => query<{ n: number }>(inbox.database, 'SELECT count(*) AS n FROM submissions')[0]!.n;
const json = { accept: 'application/json' };

describe('residents’ submissions', () => {
  it('refuses bad input with a clear message, and stores nothing of it while good input still goes through', async () => {
    const before = count();
    const urlencoded = { 'content-type': 'application/x-www-form-urlencoded' };
    const cases: [string, Promise<Reply>, number, RegExp][] = [
      ['oversized field', post('/api/cau-hoi/', form({ question: 'a'.repeat(2001) }), json), 400, /dài quá 2000/],
      ['oversized body', post('/api/cau-hoi/', form({ question: 'a'.repeat(20_000) }), json), 413, /quá lớn/],
      [
        'oversized voice',
        post('/api/cau-hoi/', multipart({}, new Uint8Array(1_200_000)), json, '198.51.100.2'),
        413,
        /quá lớn/,
      ],
      [
        'binary body',
        post('/api/cau-hoi/', new Uint8Array([0xff, 0xfe, 0x00, 0x81, 0x9f]), { ...urlencoded, ...json }),
        400,
        /UTF-8/,
      ],
      ['binary in a field', post('/api/cau-hoi/', form({ question: 'hỏi\u0000\u0001' }), json), 400, /ký tự lạ/],
      [
        'binary as voice',
        post('/api/cau-hoi/', multipart({}, new Uint8Array(5000).fill(7)), json),
        400,
        /định dạng âm thanh/,
      ],
      [
        'HTML and script',
        post('/api/cau-hoi/', form({ question: '<script>alert(1)</script> hỏi' }), json),
        400,
        /HTML/,
      ],
      [
        'wrong content type',
        post('/api/cau-hoi/', JSON.stringify({ question: 'Hỏi' }), { ...json, 'content-type': 'application/json' }),
        415,
        /Kiểu nội dung/,
      ],
      [
        'invalid UTF-8, raw',
        post('/api/cau-hoi/', Buffer.from('question=c\xe2u h\xf3i', 'latin1'), { ...urlencoded, ...json }),
        400,
        /UTF-8/,
      ],
      [
        'invalid UTF-8, escaped',
        post('/api/cau-hoi/', 'question=c%C3%28u+h%E1i', { ...urlencoded, ...json }),
        400,
        /UTF-8/,
      ],
    ];
    for (const [what, reply, status, message] of cases) {
      const r = await reply;
      expect(r.status, what).toBe(status);
      expect(JSON.parse(r.text).error, what).toMatch(message);
    }
    // Without JavaScript the same refusal is a page that says what to fix and leads back.
    const page = await post('/api/cau-hoi/', form({ question: '<b>x</b>', page: '/hoi-dap/' }));
    expect(page.status).toBe(400);
    expect(page.text).toContain('không được chứa mã HTML');
    expect(page.text).toContain('href="/hoi-dap/"');
    expect(count()).toBe(before);

    const good = await post(
      '/api/cau-hoi/',
      form({ question: 'Câu hỏi đúng mẫu, sau các lỗi', topic: 'ten-mien-vn' }),
      json,
    );
    expect(good.status).toBe(201);
    expect(count()).toBe(before + 1);
  });

  it('thanks a bot that fills the hidden field, and keeps nothing', async () => {
    const before = count();
    const r = await post('/api/cau-hoi/', form({ question: 'Mua thuốc rẻ', website: 'http://spam.example' }), json);
    expect(r.status).toBe(202);
    expect(count()).toBe(before);
  });

  it('limits one address to a burst of 30, then says when to retry; other addresses are unaffected', async () => {
    const flood = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        post('/api/cau-hoi/', form({ question: `Câu số ${i} từ một máy` }), json, '203.0.113.7'),
      ),
    );
    const statuses = flood.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(30);
    expect(statuses.filter((s) => s === 429)).toHaveLength(10);
    const refused = flood.find((r) => r.status === 429)!;
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(JSON.parse(refused.text).error).toMatch(/đợi ít phút/);
    expect((await post('/api/cau-hoi/', form({ question: 'Máy khác vẫn gửi được' }), json, '203.0.113.8')).status).toBe(
      201,
    );
  });

  it('believes X-Real-IP only from the proxy', async () => {
    const direct = await startInboxService({
      LOA_BAN_INBOX_DB: join(inbox.dir, 'khong-tin.sqlite'),
      LOA_BAN_INBOX_TRUSTED_PROXIES: '192.0.2.1',
      LOA_BAN_INBOX_RATE_BURST: '3',
    });
    try {
      const statuses = [];
      for (let i = 0; i < 5; i++) {
        const r = await fetch(`${direct.url}/api/cau-hoi/`, {
          method: 'POST',
          body: form({ question: `Giả địa chỉ ${i}` }),
          headers: { 'x-real-ip': `10.9.8.${i}`, ...json },
        });
        statuses.push(r.status);
      }
      expect(statuses).toEqual([201, 201, 201, 429, 429]);
    } finally {
      await direct.stop();
    }
  });

  it('gives the same code for the same key, however often it is sent', async () => {
    const key = 'a1b2c3d4-0000-4000-8000-000000000001';
    const replies = await Promise.all(
      [1, 2, 3].map(() => post('/api/cau-hoi/', multipart({ question: 'Gửi ba lần một câu', key }), json)),
    );
    const codes = new Set(replies.map((r) => JSON.parse(r.text).code));
    expect(codes.size).toBe(1);
    expect(replies.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    expect(query(inbox.database, 'SELECT id FROM submissions WHERE idem_key = ?', key)).toHaveLength(1);
  });

  it('shows the status page by code, typed in any case, and an unknown code as not found', async () => {
    const { code } = JSON.parse((await post('/api/cau-hoi/', form({ question: 'Tra cứu theo mã' }), json)).text);
    const page = await fetch(`${inbox.service.url}${inboxUrls.status(code)}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    const text = await page.text();
    expect(text).toContain('đã nhận');
    expect(text).toContain('xoá sau 90 ngày');
    const typed = await fetch(`${inbox.service.url}/api/cau-hoi/?ma=${code.toLowerCase().replace('-', '+')}`, {
      redirect: 'manual',
    });
    expect(typed.headers.get('location')).toBe(inboxUrls.status(code));
    expect((await fetch(`${inbox.service.url}/api/cau-hoi/ZZZZ-ZZZZ/`)).status).toBe(404);
  });
});

/** A multipart body as the page's script sends it. */
function multipart(fields: Record<string, string>, audio?: Uint8Array<ArrayBuffer>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  if (audio) data.append('audio', new Blob([audio], { type: 'audio/webm' }), 'cau-hoi');
  return data;
}

/** A cookie jar of one editor's browser. */
class Editor {
  cookies = new Map<string, string>();
  constructor(readonly base: () => string) {}
  async request(path: string, init: RequestInit = {}): Promise<Reply> {
    const r = await fetch(this.base() + path, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: this.cookieHeader() },
    });
    for (const c of r.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [name, value] = [pair!.slice(0, pair!.indexOf('=')), pair!.slice(pair!.indexOf('=') + 1)];
      if (value) this.cookies.set(name, value);
      else this.cookies.delete(name);
    }
    return { status: r.status, text: await r.text(), headers: r.headers };
  }
  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  async login(username: string, password: string, withToken = true): Promise<Reply> {
    const page = await this.request(inboxUrls.login);
    const csrf = /name="csrf" value="([^"]+)"/.exec(page.text)![1]!;
    return this.request(inboxUrls.login, {
      method: 'POST',
      body: form({ ...(withToken ? { csrf } : {}), username, password }),
    });
  }
  async csrf(): Promise<string> {
    const page = await this.request(inboxUrls.inbox);
    return /name="csrf" value="([^"]+)"/.exec(page.text)![1]!;
  }
}

describe('the editors’ inbox', () => {
  it('sends a stranger to the login page, and sets only strict, HTTP-only cookies', async () => {
    const stranger = new Editor(() => inbox.service.url);
    const r = await stranger.request(inboxUrls.inbox);
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toBe(inboxUrls.login);
    const login = await fetch(inbox.service.url + inboxUrls.login);
    expect(login.headers.get('set-cookie')).toMatch(
      /; Path=\/bien-tap\/hop-thu\/; .*HttpOnly; SameSite=Strict; Secure$/,
    );
    expect((await stranger.request(inboxUrls.csv)).status).toBe(303);
    expect((await stranger.request(inboxUrls.audio(1))).status).toBe(303);
  });

  it('rejects a wrong password, a login without its CSRF token, and locks an account after 5 wrong passwords', async () => {
    await addEditor(inbox.database, { username: 'khoa-thu', password: 'mat-khau-dung-2026' });
    const e = new Editor(() => inbox.service.url);
    const wrong = await e.login('khoa-thu', 'mat-khau-sai-2026');
    expect(wrong.status).toBe(401);
    expect(wrong.text).toContain('Sai tên đăng nhập hoặc mật khẩu');
    expect((await e.login('khoa-thu', 'mat-khau-dung-2026', false)).status).toBe(403);
    expect((await e.login('khong-co-ai', 'mat-khau-dung-2026')).status).toBe(401);
    for (let i = 0; i < 4; i++) await e.login('khoa-thu', `sai-${i}-mat-khau-2026`);
    const locked = await e.login('khoa-thu', 'mat-khau-dung-2026');
    expect(locked.status).toBe(403);
    expect(locked.text).toContain('tạm khoá 15 phút');
    expect(e.cookies.has('hop-thu')).toBe(false);
  });

  it('lets an editor filter, listen, mark answered (the resident sees the link) and export CSV, each change with CSRF', async () => {
    const resident = JSON.parse(
      (
        await post(
          '/api/cau-hoi/',
          multipart(
            {
              question: 'Xã tôi có được phát tờ rơi không?',
              commune: 'Xã Lọc',
              lang: 'tyz',
              topic: 'chuong-trinh-1719',
            },
            new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, ...new Array(3000).fill(1)]),
          ),
          json,
        )
      ).text,
    ) as { code: string };
    const e = new Editor(() => inbox.service.url);
    const login = await e.login(EDITOR.username, EDITOR.password);
    expect(login.status).toBe(303);
    expect(e.cookies.has('hop-thu')).toBe(true);

    const filtered = await e.request(`${inboxUrls.inbox}?commune=${encodeURIComponent('Xã Lọc')}&lang=tyz`);
    expect(filtered.text).toContain('Hộp thư câu hỏi (1)');
    expect(filtered.text).toContain(resident.code);
    const id = Number(/id="c-(\d+)"/.exec(filtered.text)![1]);
    expect(
      (await e.request(`${inboxUrls.inbox}?topic=ten-mien-vn&commune=${encodeURIComponent('Xã Lọc')}`)).text,
    ).toContain('Hộp thư câu hỏi (0)');
    const audio = await e.request(inboxUrls.audio(id), { headers: { range: 'bytes=0-3' } });
    expect(audio.status).toBe(206);
    expect(audio.headers.get('content-type')).toBe('audio/webm');

    const answer = { id: String(id), answer: 'https://thu.loa-ban.example/hoi-dap/chuong-trinh-1719/muc-tieu' };
    const noToken = await e.request(inboxUrls.answer, { method: 'POST', body: form(answer) });
    expect(noToken.status).toBe(403);
    expect(noToken.text).toContain('CSRF');
    const wrongToken = await e.request(inboxUrls.answer, {
      method: 'POST',
      body: form({ ...answer, csrf: 'x'.repeat(43) }),
    });
    expect(wrongToken.status).toBe(403);
    expect(query(inbox.database, 'SELECT answer_url FROM submissions WHERE id = ?', id)).toEqual([
      { answer_url: null },
    ]);

    const done = await e.request(inboxUrls.answer, { method: 'POST', body: form({ ...answer, csrf: await e.csrf() }) });
    expect(done.status).toBe(303);
    const status = await (await fetch(inbox.service.url + inboxUrls.status(resident.code))).text();
    expect(status).toContain('đã trả lời');
    expect(status).toContain('href="/hoi-dap/chuong-trinh-1719/muc-tieu/"');

    const csv = await e.request(`${inboxUrls.csv}?lang=tyz`);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.text.split('\r\n').filter(Boolean)).toHaveLength(2);
    expect(csv.text).toContain('Xã tôi có được phát tờ rơi không?');
  });

  it('ends an expired session: reads go back to the login page, changes are refused', async () => {
    const e = new Editor(() => inbox.service.url);
    await e.login(EDITOR.username, EDITOR.password);
    const csrf = await e.csrf();
    const db = new DatabaseSync(inbox.database);
    db.prepare('UPDATE sessions SET expires = ?').run(new Date(Date.now() - 1000).toISOString());
    db.close();
    const read = await e.request(inboxUrls.inbox);
    expect(read.status).toBe(303);
    expect(read.headers.get('location')).toBe(inboxUrls.login);
    const change = await e.request(inboxUrls.answer, {
      method: 'POST',
      body: form({ csrf, id: '1', answer: '/hoi-dap/a/b/' }),
    });
    expect(change.status).toBe(403);
    expect(change.text).toContain('hết hạn');
  });
});

describe('drafts for the git host', () => {
  it('commits a `_` draft Q&A without the name or phone number, and pushes it', async () => {
    const { work, host, git } = gitCopy(inbox.dir);

    const drafting = await startInboxService({
      LOA_BAN_INBOX_DB: inbox.database,
      LOA_BAN_INBOX_GIT_DIR: work,
      LOA_BAN_INBOX_GIT_PUSH: '1',
    });
    try {
      const sent = await fetch(`${drafting.url}/api/cau-hoi/`, {
        method: 'POST',
        headers: json,
        body: form({
          question: 'Tôi là Hà Thị Mai, số 0987 654 321. Điều tra viên có đến tận bản không?',
          name: 'Hà Thị Mai',
          phone: '0987654321',
          topic: 'dieu-tra-53-dan-toc',
        }),
      });
      const { code } = (await sent.json()) as { code: string };
      const e = new Editor(() => drafting.url);
      await e.login(EDITOR.username, EDITOR.password);
      const page = await e.request(`${inboxUrls.inbox}?topic=dieu-tra-53-dan-toc`);
      expect(page.text).toContain('Tạo bản nháp hỏi đáp');
      const id = /id="c-(\d+)" data-code="([^"]+)"/.exec(page.text)!;
      expect(id[2]).toBe(code);
      const csrf = await e.csrf();
      const made = await e.request(inboxUrls.draft, {
        method: 'POST',
        body: form({
          csrf,
          id: id[1]!,
          topic: 'dieu-tra-53-dan-toc',
          question: 'Tôi là Hà Thị Mai, số 0987 654 321. Điều tra viên có đến tận bản không?',
        }),
      });
      expect(made.status).toBe(303);
      const path = `content/qa/dieu-tra-53-dan-toc/_hop-thu-${code.toLowerCase()}.md`;
      expect(decodeURIComponent(made.headers.get('location')!)).toContain(path);
      expect(existsSync(join(work, path))).toBe(true);
      const text = readFileSync(join(work, path), 'utf8');
      expect(text).toContain('question: Tôi là …, số …. Điều tra viên có đến tận bản không?');
      expect(text).not.toMatch(/Mai|0987|654/);
      // Committed, and on the git host.
      expect(git(host, 'log', '--format=%s', '-1')).toContain(`Bản nháp hỏi đáp từ hộp thư (${code})`);
      expect(git(host, 'show', '--name-only', '--format=', 'HEAD').trim()).toBe(path);
      expect(git(work, 'status', '--porcelain')).toBe('');
      // A topic that does not exist is refused, naming it.
      const bad = await e.request(inboxUrls.draft, {
        method: 'POST',
        body: form({ csrf, id: id[1]!, topic: 'khong-co', question: 'Một câu hỏi' }),
      });
      expect(bad.status).toBe(400);
      expect(bad.text).toContain('Không có chủ đề &quot;khong-co&quot;');
    } finally {
      await drafting.stop();
    }
  });
});

describe('a crash in the middle of a burst', () => {
  it('loses no submission the service acknowledged', async () => {
    const db = join(inbox.dir, 'dot-ngot.sqlite');
    const crashing = await startInboxService({ LOA_BAN_INBOX_DB: db });
    const acknowledged: string[] = [];
    let next = 0;
    let killed = false;
    // 16 senders, 400 messages from 400 addresses; the service is killed (SIGKILL) once 100 are acknowledged.
    const sender = async () => {
      while (next < 400) {
        const i = next++;
        try {
          const r = await fetch(`${crashing.url}/api/cau-hoi/`, {
            method: 'POST',
            headers: { ...json, 'x-real-ip': `10.1.${i >> 8}.${i & 255}` },
            body: form({
              question: `Câu hỏi số ${i} trong đợt gửi dồn`,
              key: `dot-ngot-${String(i).padStart(12, '0')}`,
            }),
          });
          if (r.status === 201) acknowledged.push(((await r.json()) as { code: string }).code);
        } catch {
          // the service is gone: anything unacknowledged may or may not be stored
        }
        if (acknowledged.length >= 100 && !killed) {
          killed = true;
          await crashing.stop('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: 16 }, sender));
    expect(killed).toBe(true);
    expect(acknowledged.length).toBeGreaterThanOrEqual(100);
    const restarted = await startInboxService({ LOA_BAN_INBOX_DB: db });
    try {
      const stored = new Set(query<{ code: string }>(db, 'SELECT code FROM submissions').map((r) => r.code));
      expect(acknowledged.filter((c) => !stored.has(c))).toEqual([]);
      // And the restarted service answers for them.
      expect((await fetch(restarted.url + inboxUrls.status(acknowledged.at(-1)!))).status).toBe(200);
    } finally {
      await restarted.stop();
    }
  });
});
