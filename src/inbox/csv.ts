/** The inbox as CSV for a spreadsheet: UTF-8 with a byte-order mark (Excel then reads Vietnamese correctly), CRLF rows,
 * and cells a spreadsheet would run as a formula (=, +, -, @) prefixed with an apostrophe. Names and phone numbers are
 * left out: a file copied to someone's computer escapes the retention deletion. */
import type { Submission } from './store.ts';
import { formatTime } from './html.ts';

const HEADER = ['Mã', 'Thời gian', 'Chủ đề', 'Ngôn ngữ', 'Xã', 'Câu hỏi', 'Có ghi âm', 'Trang gửi', 'Câu trả lời'];

export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(items: Submission[]): string {
  const rows = items.map((s) => [
    s.code,
    formatTime(s.created),
    s.topic ?? '',
    s.lang ?? '',
    s.commune ?? '',
    s.question,
    s.hasAudio ? 'có' : '',
    s.page ?? '',
    s.answerUrl ?? '',
  ]);
  return `\uFEFF${[HEADER, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
