/** What an editor needs to read when the build of their change fails: the build's own Vietnamese messages, without
 * Astro's colours, stack traces and log noise. Pure; scripts/report-build.ts sends it to the git host from CI. */
import { stripVTControlCharacters } from 'node:util';

/** Lines that are messages for editors: our checks name a content file ("content/…: …") or start a list of problems
 * ("Nội dung có 3 lỗi…", "- content/…"). */
const editorLine = /(?:^|\s)(?:- )?content\/\S+|^Nội dung có \d+ lỗi|phần đầu tệp chưa đúng|^\s+- trường "/;

/** The build log's messages for editors, in order, each once. Empty when the log holds none (then the caller shows
 * the end of the log). */
export function editorMessages(log: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of stripVTControlCharacters(log).split(/\r?\n/)) {
    const line = raw
      .replace(/^\s*\d\d:\d\d:\d\d\s+(?:\[[^\]]+\]\s+)*/, '')
      .replace(/^\s*(?:error|ContentError|\[\w+\])\s*/i, '')
      .trimEnd();
    if (!line.trim() || !editorLine.test(line) || /^\s+at /.test(line) || /node_modules\//.test(line)) continue;
    if (seen.has(line)) continue;
    seen.add(line);
    out.push(line);
  }
  return out;
}

/** A commit status description: the first message, within the 140 characters hosts accept. */
export function statusDescription(messages: string[], ok: boolean): string {
  if (ok) return 'Đã dựng trang thành công.';
  const first = messages.find((m) => /content\//.test(m)) ?? 'Dựng trang không thành công: xem chi tiết.';
  return first.length > 140 ? `${first.slice(0, 139)}…` : first;
}

/** The Markdown shown to the editor (job summary, review comment). */
export function reportMarkdown(messages: string[], tail: string, runUrl: string): string {
  const body =
    messages.length > 0
      ? messages.map((m) => (/^\s+- /.test(m) ? `  ${m.trim()}` : `- ${m.replace(/^- /, '')}`)).join('\n')
      : `\`\`\`\n${stripVTControlCharacters(tail).split('\n').slice(-30).join('\n')}\n\`\`\``;
  return [
    '### Trang chưa được đăng: nội dung cần sửa',
    '',
    'Máy dựng trang gặp lỗi sau. Sửa đúng tệp và trường được nêu (trong trang biên tập /bien-tap/), rồi lưu lại: trang sẽ được dựng lại.',
    '',
    body,
    '',
    `[Xem toàn bộ nhật ký dựng trang](${runUrl})`,
    '',
  ].join('\n');
}
