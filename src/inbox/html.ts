/** The service's pages, as plain HTML strings: no script at all (the inbox works with JavaScript off), one small
 * stylesheet, every value escaped. Vietnamese throughout: residents and editors read these. */
import type { Session, Submission } from './store.ts';
import { inboxUrls } from '../lib/urls.ts';

export const escapeHtml = (s: string | number | null | undefined) =>
  String(s ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const VN_TIME = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** "14:05 02/12/2026", Vietnam time, whatever the server's zone. */
export function formatTime(iso: string): string {
  const parts = Object.fromEntries(VN_TIME.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts['hour']}:${parts['minute']} ${parts['day']}/${parts['month']}/${parts['year']}`;
}

/** The stylesheet both sides share, served at inboxUrls.stylesheet. */
export const STYLESHEET = `
body{font:1.05rem/1.5 system-ui,sans-serif;margin:0;color:#1a1a1a;background:#fff}
main,header{max-width:52rem;margin:0 auto;padding:0.75rem 1rem}
header{border-bottom:4px solid #8a1f11}
a{color:#8a1f11}
h1{font-size:1.5rem;line-height:1.25}
.panel{border-left:4px solid #8a1f11;background:#f6f1ee;padding:0.5rem 0.75rem}
.error{border-left-color:#b00020;background:#fdecee}
label{display:block;font-weight:600;margin-top:0.5rem}
input,select,textarea,button{font:inherit;min-height:44px;box-sizing:border-box}
input[type=text],input[type=password],input[type=url],select,textarea{width:100%;border:2px solid #1a1a1a;padding:0.25rem}
button{background:#8a1f11;color:#fff;border:0;padding:0.4rem 1rem;margin-top:0.5rem;cursor:pointer}
.code{font:700 1.6rem/1.2 ui-monospace,monospace;letter-spacing:0.1em}
.item{border-top:1px solid #ccc;padding:0.75rem 0}
.meta{color:#555;font-size:0.95rem}
.filters{display:flex;flex-wrap:wrap;gap:0 1rem}
.filters p{flex:1 1 10rem;margin:0}
details{margin-top:0.5rem}
audio{width:100%}
.inline{display:inline}
`;

function layout(title: string, body: string, header = ''): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${inboxUrls.stylesheet}">
</head>
<body>
<header><a href="/">Trang chủ</a>${header}</header>
<main>
${body}
</main>
</body>
</html>
`;
}

const retention = (days: number) =>
  `Tên, số điện thoại và tiếng nói ghi âm (nếu có) chỉ cán bộ biên tập xem, không bao giờ đăng lên trang, và được xoá sau ${days} ngày.`;

// ——— Residents ———

export function statusPage(s: Submission, opts: { fresh: boolean; retentionDays: number }): string {
  const state = s.answerUrl
    ? `<p class="panel">Tình trạng: <strong>đã trả lời</strong>. <a href="${escapeHtml(s.answerUrl)}">Xem câu trả lời</a></p>`
    : `<p class="panel">Tình trạng: <strong>đã nhận</strong>. Cán bộ sẽ trả lời trên trang hỏi đáp; bà con mở lại trang này để xem.</p>`;
  const thanks = s.hasAudio
    ? 'Cán bộ đã nhận được câu hỏi ghi âm của bà con.'
    : 'Cán bộ đã nhận được câu hỏi của bà con.';
  return layout(
    `Câu hỏi ${s.code}`,
    `<h1>${fresh(opts.fresh, thanks)}</h1>
<p>Mã câu hỏi của bà con:</p>
<p class="code">${escapeHtml(s.code)}</p>
<p>Ghi lại mã này. Muốn biết đã có câu trả lời chưa, mở lại địa chỉ trang này hoặc gõ mã vào ô dưới.</p>
${state}
<p class="meta">Gửi lúc ${formatTime(s.created)}.</p>
${lookupForm('')}
<p class="meta">${retention(opts.retentionDays)}</p>
${s.page ? `<p><a href="${escapeHtml(s.page)}">Quay lại trang trước</a></p>` : ''}`,
  );
}

const fresh = (isNew: boolean, thanks: string) => (isNew ? `Cảm ơn bà con. ${thanks}` : 'Tình trạng câu hỏi');

function lookupForm(value: string): string {
  return `<form method="get" action="${inboxUrls.submit}">
<label for="ma">Xem câu hỏi theo mã</label>
<input id="ma" name="ma" type="text" autocomplete="off" value="${escapeHtml(value)}" maxlength="20" inputmode="text">
<button type="submit">Xem</button>
</form>`;
}

export function lookupPage(value: string, notFound: boolean): string {
  return layout(
    'Xem câu hỏi theo mã',
    `<h1>Xem câu hỏi theo mã</h1>
${notFound ? `<p class="panel error">Không tìm thấy câu hỏi có mã "${escapeHtml(value)}". Bà con kiểm tra lại mã (8 chữ và số).</p>` : ''}
${lookupForm(value)}`,
  );
}

export function errorPage(message: string, back?: string): string {
  return layout(
    'Chưa gửi được',
    `<h1>Chưa gửi được câu hỏi</h1>
<p class="panel error">${escapeHtml(message)}</p>
<p>Câu hỏi chưa được lưu. ${back ? `<a href="${escapeHtml(back)}">Quay lại trang trước</a> để sửa rồi gửi lại.` : 'Quay lại trang trước để sửa rồi gửi lại.'}</p>`,
  );
}

// ——— Editors ———

export function loginPage(csrf: string, message?: string): string {
  return layout(
    'Đăng nhập hộp thư',
    `<h1>Hộp thư câu hỏi của bà con</h1>
${message ? `<p class="panel error">${escapeHtml(message)}</p>` : ''}
<form method="post" action="${inboxUrls.login}">
<input type="hidden" name="csrf" value="${escapeHtml(csrf)}">
<label for="username">Tên đăng nhập</label>
<input id="username" name="username" type="text" autocomplete="username" required maxlength="100">
<label for="password">Mật khẩu</label>
<input id="password" name="password" type="password" autocomplete="current-password" required maxlength="200">
<button type="submit">Đăng nhập</button>
</form>`,
  );
}

export interface InboxView {
  session: Session;
  items: Submission[];
  total: number;
  facets: { topics: string[]; communes: string[]; langs: string[] };
  filter: {
    topic?: string | undefined;
    commune?: string | undefined;
    lang?: string | undefined;
    state?: string | undefined;
  };
  page: number;
  pageSize: number;
  notice?: string | undefined;
  /** Drafts can be made (a git working copy is configured). */
  drafts: boolean;
}

const select = (name: string, label: string, values: string[], current: string | undefined) =>
  `<p><label for="f-${name}">${label}</label><select id="f-${name}" name="${name}"><option value="">Tất cả</option>${values
    .map((v) => `<option${v === current ? ' selected' : ''} value="${escapeHtml(v)}">${escapeHtml(v)}</option>`)
    .join('')}</select></p>`;

export function inboxPage(v: InboxView): string {
  const query = new URLSearchParams(
    Object.entries(v.filter).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''),
  ).toString();
  const states = `<p><label for="f-state">Tình trạng</label><select id="f-state" name="state"><option value="">Tất cả</option>${[
    ['open', 'Chưa trả lời'],
    ['answered', 'Đã trả lời'],
  ]
    .map(([k, l]) => `<option${k === v.filter.state ? ' selected' : ''} value="${k}">${l}</option>`)
    .join('')}</select></p>`;
  const pages = Math.max(1, Math.ceil(v.total / v.pageSize));
  const pageLink = (n: number, label: string) =>
    `<a href="${inboxUrls.inbox}?${new URLSearchParams({ ...Object.fromEntries(new URLSearchParams(query)), trang: String(n) })}">${label}</a>`;
  return layout(
    'Hộp thư câu hỏi',
    `<h1>Hộp thư câu hỏi (${v.total})</h1>
${v.notice ? `<p class="panel" role="status">${escapeHtml(v.notice)}</p>` : ''}
<form method="get" action="${inboxUrls.inbox}" class="filters">
${select('topic', 'Chủ đề', v.facets.topics, v.filter.topic)}
${select('commune', 'Xã', v.facets.communes, v.filter.commune)}
${select('lang', 'Ngôn ngữ', v.facets.langs, v.filter.lang)}
${states}
<p><button type="submit">Lọc</button></p>
</form>
<p><a href="${inboxUrls.csv}${query ? `?${query}` : ''}">Tải bảng CSV (theo bộ lọc này)</a></p>
${v.items.map((s) => item(s, v.session.csrf, v.drafts)).join('\n')}
${v.items.length === 0 ? '<p>Không có câu hỏi nào.</p>' : ''}
<p>Trang ${v.page}/${pages}${v.page > 1 ? ` · ${pageLink(v.page - 1, 'Trang trước')}` : ''}${v.page < pages ? ` · ${pageLink(v.page + 1, 'Trang sau')}` : ''}</p>`,
    ` · ${escapeHtml(v.session.username)} · <form method="post" action="${inboxUrls.logout}" class="inline"><input type="hidden" name="csrf" value="${escapeHtml(v.session.csrf)}"><button type="submit">Đăng xuất</button></form>`,
  );
}

function item(s: Submission, csrf: string, drafts: boolean): string {
  const person = [s.name && `Tên: ${escapeHtml(s.name)}`, s.phone && `Điện thoại: ${escapeHtml(s.phone)}`]
    .filter(Boolean)
    .join(' · ');
  const hidden = `<input type="hidden" name="csrf" value="${escapeHtml(csrf)}"><input type="hidden" name="id" value="${s.id}">`;
  return `<article class="item" id="c-${s.id}" data-code="${escapeHtml(s.code)}">
<p class="meta">${escapeHtml(s.code)} · ${formatTime(s.created)}${s.topic ? ` · chủ đề ${escapeHtml(s.topic)}` : ''}${s.lang ? ` · ngôn ngữ ${escapeHtml(s.lang)}` : ''}${s.commune ? ` · xã ${escapeHtml(s.commune)}` : ''}</p>
${s.question ? `<p class="question">${escapeHtml(s.question).replace(/\n/g, '<br>')}</p>` : ''}
${s.hasAudio ? `<p><audio controls preload="none" src="${inboxUrls.audio(s.id)}"></audio></p>` : ''}
${person ? `<p class="meta">${person}</p>` : ''}
${s.page ? `<p class="meta">Gửi từ trang <a href="${escapeHtml(s.page)}">${escapeHtml(s.page)}</a></p>` : ''}
${
  s.answerUrl
    ? `<p class="panel">Đã trả lời: <a href="${escapeHtml(s.answerUrl)}">${escapeHtml(s.answerUrl)}</a></p>`
    : ''
}
<details><summary>Đánh dấu đã trả lời</summary>
<form method="post" action="${inboxUrls.answer}">${hidden}
<label for="a-${s.id}">Địa chỉ câu hỏi đáp đã đăng (ví dụ /hoi-dap/chu-de/ten-cau-hoi/)</label>
<input id="a-${s.id}" name="answer" type="text" required maxlength="300" value="${escapeHtml(s.answerUrl ?? '')}">
<button type="submit">Lưu</button>
</form></details>
${
  drafts
    ? `<details><summary>Tạo bản nháp hỏi đáp</summary>
<form method="post" action="${inboxUrls.draft}">${hidden}
<label for="q-${s.id}">Câu hỏi (sửa lại cho rõ; không ghi tên, số điện thoại của người hỏi)</label>
<textarea id="q-${s.id}" name="question" rows="3" required maxlength="500">${escapeHtml(s.question)}</textarea>
<label for="t-${s.id}">Chủ đề (tên thư mục trong content/qa/)</label>
<input id="t-${s.id}" name="topic" type="text" required maxlength="80" value="${escapeHtml(s.topic ?? '')}">
<button type="submit">Tạo bản nháp</button>
</form></details>`
    : ''
}
</article>`;
}
