/** The inbox service over HTTP. Node's own `node:http`: a dozen routes need no framework, and owning the request
 * stream lets the service stop reading at the size limit, check raw bytes for valid UTF-8, and hand multipart bodies
 * to the Fetch API's own parser (`Response.formData()`, built into Node), with no dependency to keep patched.
 *
 * Residents: POST inboxUrls.submit (URL-encoded form without JavaScript, multipart with a voice file from the page's
 * script), then a status page per reference code. Editors: inboxUrls.inbox behind a login. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inboxUrls } from '../lib/urls.ts';
import { hashPassword, newToken, parseCookies, sameToken, tokenHash, verifyPassword } from './auth.ts';
import { normaliseCode } from './code.ts';
import type { InboxConfig } from './config.ts';
import { toCsv } from './csv.ts';
import { commitDraft, DraftError } from './git-drafts.ts';
import { errorPage, inboxPage, loginPage, lookupPage, statusPage, STYLESHEET } from './html.ts';
import { RateLimiter } from './rate-limit.ts';
import type { Filter, InboxStore } from './store.ts';
import { checkSubmission, LIMITS, type RawFields } from './submission.ts';

/** Wrong passwords before an account is locked, and for how long. */
export const LOCKOUT = { failures: 5, minutes: 15 } as const;
const SESSION_COOKIE = 'hop-thu';
const LOGIN_COOKIE = 'hop-thu-dang-nhap';
const PAGE_SIZE = 50;

const CSP =
  "default-src 'none'; style-src 'self'; img-src 'self'; media-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

class HttpError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

export interface InboxServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

export async function startInbox(config: InboxConfig, store: InboxStore): Promise<InboxServer> {
  const submissions = new RateLimiter(config.rateLimit.burst, config.rateLimit.refillSeconds);
  const lookups = new RateLimiter(60, 1);
  const logins = new RateLimiter(10, 60);
  // A dummy hash to spend the same time on an unknown user as on a known one.
  const dummyHash = await hashPassword(newToken());

  const purge = () =>
    store.purgePersonal(new Date(Date.now() - config.retentionDays * 86_400_000)).catch((e: unknown) => {
      console.error('hop-thu: purge failed', e);
      return 0;
    });
  await purge();
  const purgeTimer = setInterval(() => void purge(), 3_600_000);
  purgeTimer.unref();

  const address = (req: IncomingMessage): string => {
    const peer = req.socket.remoteAddress ?? '';
    const real = req.headers['x-real-ip'];
    return config.trustedProxies.includes(peer) && typeof real === 'string' && real ? real : peer;
  };

  const send = (
    res: ServerResponse,
    status: number,
    body: string | Uint8Array,
    type: string,
    headers: Record<string, string | string[]> = {},
  ) => {
    res.writeHead(status, {
      'content-type': type,
      'content-length': String(typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength),
      'cache-control': 'no-store',
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'same-origin',
      ...headers,
    });
    res.end(body);
  };
  const html = (res: ServerResponse, status: number, body: string, headers: Record<string, string | string[]> = {}) =>
    send(res, status, body, 'text/html; charset=utf-8', headers);
  const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
    send(res, status, JSON.stringify(body), 'application/json; charset=utf-8', headers);
  const redirect = (res: ServerResponse, location: string, headers: Record<string, string | string[]> = {}) => {
    res.writeHead(303, { location, 'cache-control': 'no-store', 'content-length': '0', ...headers });
    res.end();
  };
  const wantsJson = (req: IncomingMessage) => /application\/json/.test(req.headers.accept ?? '');
  const cookie = (name: string, value: string, maxAge: number) =>
    // Secure always: the site is HTTPS behind nginx, and browsers accept Secure cookies from loopback in tests.
    `${name}=${value}; Path=${inboxUrls.inbox}; Max-Age=${maxAge}; HttpOnly; SameSite=Strict; Secure`;

  /** The request body, at most `limit` bytes; a larger one is refused before it is read. */
  async function body(req: IncomingMessage, limit: number): Promise<Buffer> {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) throw new HttpError(413, 'Nội dung gửi lên quá lớn.');
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > limit) throw new HttpError(413, 'Nội dung gửi lên quá lớn.');
      chunks.push(chunk);
    }
    return Buffer.concat(chunks);
  }

  /** A form's fields, URL-encoded (plain HTML) or multipart (the page's script, with a voice file). */
  async function form(req: IncomingMessage, allowMultipart: boolean): Promise<RawFields> {
    // The multipart boundary is case-sensitive: compare the media type in lower case, pass the header on as it came.
    const header = req.headers['content-type'] ?? '';
    const type = header.toLowerCase();
    if (type.startsWith('application/x-www-form-urlencoded')) {
      const raw = await body(req, LIMITS.formBytes);
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(raw);
      } catch {
        throw new HttpError(400, 'Nội dung gửi lên không phải chữ UTF-8 hợp lệ.');
      }
      const params = new URLSearchParams(raw.toString('utf8'));
      return { get: (name) => params.get(name) ?? undefined };
    }
    if (allowMultipart && type.startsWith('multipart/form-data')) {
      const raw = await body(req, LIMITS.multipartBytes);
      let data: FormData;
      try {
        data = await new Response(new Uint8Array(raw), { headers: { 'content-type': header } }).formData();
      } catch {
        throw new HttpError(400, 'Nội dung gửi lên bị hỏng, không đọc được.');
      }
      const audio = data.get('audio');
      return {
        get: (name) => {
          const v = data.get(name);
          return typeof v === 'string' ? v : undefined;
        },
        audio: audio instanceof Blob ? new Uint8Array(await audio.arrayBuffer()) : undefined,
      };
    }
    throw new HttpError(415, 'Kiểu nội dung không được nhận. Hãy gửi bằng mẫu câu hỏi trên trang.');
  }

  // ——— Residents ———

  async function submit(req: IncomingMessage, res: ServerResponse) {
    const who = address(req);
    const now = Date.now();
    if (!submissions.take(who, now)) {
      const wait = String(submissions.retryAfter(who, now));
      const message = 'Máy này gửi nhiều câu hỏi quá nhanh. Bà con đợi ít phút rồi gửi lại.';
      if (wantsJson(req)) return json(res, 429, { error: message }, { 'retry-after': wait });
      return html(res, 429, errorPage(message), { 'retry-after': wait });
    }
    const fields = await form(req, true);
    // The honeypot: a field people never see. A bot that fills it is thanked and forgotten.
    if (fields.get('website')) {
      if (wantsJson(req)) return json(res, 202, { ok: true });
      return html(res, 200, lookupPage('', false));
    }
    const checked = checkSubmission(fields);
    if (!checked.ok) {
      if (wantsJson(req)) return json(res, 400, { error: checked.message, field: checked.field });
      return html(res, 400, errorPage(checked.message, fields.get('page')));
    }
    const { code, created } = await store.add(checked.value, new Date());
    if (wantsJson(req)) return json(res, created ? 201 : 200, { code, status: inboxUrls.status(code) });
    redirect(res, `${inboxUrls.status(code)}?moi=1`);
  }

  async function status(req: IncomingMessage, res: ServerResponse, url: URL) {
    if (!lookups.take(address(req), Date.now()))
      return html(res, 429, errorPage('Tra cứu nhiều quá nhanh. Đợi một phút.'));
    const typed = url.searchParams.get('ma');
    if (url.pathname === inboxUrls.submit) {
      if (typed === null) return html(res, 200, lookupPage('', false));
      const code = normaliseCode(typed);
      if (code && (await store.byCode(code))) return redirect(res, inboxUrls.status(code));
      return html(res, 404, lookupPage(typed, true));
    }
    const code = normaliseCode(decodeURIComponent(url.pathname.slice(inboxUrls.submit.length).replace(/\/$/, '')));
    const found = code && (await store.byCode(code));
    if (!found) return html(res, 404, lookupPage(code ?? '', true));
    html(res, 200, statusPage(found, { fresh: url.searchParams.has('moi'), retentionDays: config.retentionDays }));
  }

  // ——— Editors ———

  const session = async (req: IncomingMessage) => {
    const token = parseCookies(req.headers.cookie).get(SESSION_COOKIE);
    return token ? store.session(tokenHash(token), new Date()) : undefined;
  };

  function loginForm(res: ServerResponse, message?: string, status = 200) {
    const csrf = newToken();
    html(res, status, loginPage(csrf, message), { 'set-cookie': cookie(LOGIN_COOKIE, csrf, 3600) });
  }

  async function login(req: IncomingMessage, res: ServerResponse) {
    const fields = await form(req, false);
    if (!sameToken(fields.get('csrf'), parseCookies(req.headers.cookie).get(LOGIN_COOKIE)))
      return loginForm(res, 'Trang đăng nhập đã cũ. Hãy đăng nhập lại.', 403);
    if (!logins.take(address(req), Date.now()))
      return loginForm(res, 'Đăng nhập sai nhiều lần từ máy này. Đợi vài phút rồi thử lại.', 429);
    const username = (fields.get('username') ?? '').trim();
    const password = fields.get('password') ?? '';
    const editor = await store.editor(username);
    const now = new Date();
    if (editor?.lockedUntil && new Date(editor.lockedUntil) > now) {
      await verifyPassword(password, dummyHash);
      return loginForm(
        res,
        `Tài khoản tạm khoá ${LOCKOUT.minutes} phút vì nhập sai mật khẩu ${LOCKOUT.failures} lần. Đợi rồi thử lại.`,
        403,
      );
    }
    const ok = await verifyPassword(password, editor?.passwordHash ?? dummyHash);
    if (!editor || !ok) {
      if (editor) await store.loginFailed(editor.id, now, LOCKOUT.failures, LOCKOUT.minutes);
      return loginForm(res, 'Sai tên đăng nhập hoặc mật khẩu.', 401);
    }
    await store.loginSucceeded(editor.id);
    const token = newToken();
    const maxAge = config.sessionMinutes * 60;
    await store.createSession(tokenHash(token), editor.id, newToken(), new Date(now.getTime() + maxAge * 1000));
    redirect(res, inboxUrls.inbox, {
      'set-cookie': [cookie(SESSION_COOKIE, token, maxAge), cookie(LOGIN_COOKIE, '', 0)],
    });
  }

  const filterOf = (url: URL): Filter => {
    const get = (k: string) => url.searchParams.get(k) || undefined;
    const state = get('state');
    return {
      topic: get('topic'),
      commune: get('commune'),
      lang: get('lang'),
      state: state === 'open' || state === 'answered' ? state : undefined,
    };
  };

  async function editors(req: IncomingMessage, res: ServerResponse, url: URL) {
    const path = url.pathname;
    if (path === inboxUrls.login) {
      if (req.method === 'POST') return login(req, res);
      return loginForm(res);
    }
    const s = await session(req);
    if (!s) {
      if (req.method === 'GET') return redirect(res, inboxUrls.login);
      return html(res, 403, errorPage('Phiên đăng nhập đã hết hạn. Hãy đăng nhập lại.', inboxUrls.login));
    }
    if (req.method === 'GET' && path === inboxUrls.inbox) {
      const filter = filterOf(url);
      const page = Math.max(1, Number(url.searchParams.get('trang')) || 1);
      return html(
        res,
        200,
        inboxPage({
          session: s,
          items: await store.list({ ...filter, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
          total: await store.count(filter),
          facets: await store.facets(),
          filter,
          page,
          pageSize: PAGE_SIZE,
          notice: url.searchParams.get('bao') ?? undefined,
          drafts: !!config.gitDir,
        }),
      );
    }
    if (req.method === 'GET' && path === inboxUrls.csv) {
      const csv = toCsv(await store.list({ ...filterOf(url), limit: 1_000_000 }));
      return send(res, 200, csv, 'text/csv; charset=utf-8', {
        'content-disposition': 'attachment; filename="hop-thu.csv"',
      });
    }
    const audio = /^\/bien-tap\/hop-thu\/ghi-am\/(\d+)$/.exec(path);
    if (req.method === 'GET' && audio) {
      const found = await store.audio(Number(audio[1]));
      if (!found) return html(res, 404, errorPage('Không có bản ghi âm này (có thể đã xoá theo hạn lưu).'));
      return sendAudio(req, res, found.bytes, found.type);
    }
    if (req.method !== 'POST') return html(res, 404, errorPage('Không có trang này.'));
    const fields = await form(req, false);
    if (!sameToken(fields.get('csrf'), s.csrf))
      return html(res, 403, errorPage('Thiếu hoặc sai mã bảo vệ (CSRF). Tải lại trang hộp thư rồi làm lại.'));
    if (path === inboxUrls.logout) {
      await store.endSession(tokenHash(parseCookies(req.headers.cookie).get(SESSION_COOKIE)!));
      return redirect(res, inboxUrls.login, { 'set-cookie': cookie(SESSION_COOKIE, '', 0) });
    }
    const item = await store.byId(Number(fields.get('id')));
    if (!item) return html(res, 404, errorPage('Không có câu hỏi này.'));
    const back = (notice: string) => `${inboxUrls.inbox}?${new URLSearchParams({ bao: notice })}#c-${item.id}`;
    if (path === inboxUrls.answer) {
      const answer = answerPath(fields.get('answer') ?? '');
      if (!answer)
        return html(res, 400, errorPage('Địa chỉ câu trả lời phải là một trang /hoi-dap/chu-de/ten-cau-hoi/.'));
      await store.markAnswered(item.id, answer, new Date());
      return redirect(res, back(`Đã ghi câu ${item.code} là đã trả lời.`));
    }
    if (path === inboxUrls.draft) {
      if (!config.gitDir) return html(res, 404, errorPage('Chưa cấu hình thư mục git để tạo bản nháp.'));
      try {
        const draft = await commitDraft(
          config.gitDir,
          item,
          { question: fields.get('question') ?? '', topic: (fields.get('topic') ?? '').trim() },
          { push: config.gitPush, today: new Date() },
        );
        return redirect(res, back(`Đã tạo bản nháp content/${draft.path}.`));
      } catch (e) {
        if (e instanceof DraftError) return html(res, 400, errorPage(e.message));
        throw e;
      }
    }
    html(res, 404, errorPage('Không có trang này.'));
  }

  function sendAudio(req: IncomingMessage, res: ServerResponse, bytes: Uint8Array, type: string) {
    const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
    if (!range || (!range[1] && !range[2]))
      return send(res, 200, bytes, type, { 'accept-ranges': 'bytes', 'cache-control': 'private, no-store' });
    const size = bytes.byteLength;
    const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
    const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
    if (start >= size || start > end) return send(res, 416, '', type, { 'content-range': `bytes */${size}` });
    send(res, 206, bytes.subarray(start, end + 1), type, {
      'accept-ranges': 'bytes',
      'content-range': `bytes ${start}-${end}/${size}`,
    });
  }

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://inbox.invalid');
      if (url.pathname === inboxUrls.stylesheet && req.method === 'GET')
        return send(res, 200, STYLESHEET, 'text/css; charset=utf-8', { 'cache-control': 'public, max-age=3600' });
      if (url.pathname === inboxUrls.submit && req.method === 'POST') return await submit(req, res);
      if (url.pathname.startsWith(inboxUrls.submit) && req.method === 'GET') return await status(req, res, url);
      if (url.pathname.startsWith(inboxUrls.inbox)) return await editors(req, res, url);
      html(res, 404, errorPage('Không có trang này.'));
    } catch (e) {
      if (res.headersSent) return void res.destroy();
      if (e instanceof HttpError) {
        // Stop reading a body we refused; the client learns why before the connection closes.
        const headers = { connection: 'close' };
        if (wantsJson(req)) json(res, e.status, { error: e.message }, headers);
        else html(res, e.status, errorPage(e.message), headers);
        return;
      }
      console.error('hop-thu:', e);
      html(res, 500, errorPage('Máy chủ gặp lỗi. Bà con thử gửi lại sau ít phút.'));
    }
  });
  server.requestTimeout = 120_000;
  server.headersTimeout = 20_000;
  await new Promise<void>((ok) => server.listen(config.port, config.host, ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`,
    server,
    close: () =>
      new Promise<void>((ok) => {
        clearInterval(purgeTimer);
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}

/** "/hoi-dap/topic/slug/" from what an editor pastes: the path or the full URL of a published Q&A. */
export function answerPath(input: string): string | undefined {
  let path = input.trim();
  try {
    if (/^https?:\/\//i.test(path)) path = new URL(path).pathname;
  } catch {
    return undefined;
  }
  if (!path.endsWith('/')) path += '/';
  return /^\/hoi-dap\/[a-z0-9-]+\/[a-z0-9-]+\/$/.test(path) ? path : undefined;
}
