/** Dates with the precision their source gives: a year ("2021"), a month ("2024-06") or a day ("2024-06-15").
 * A campaign period is never padded to a day no source names, so its ends are kept as written and only widened to
 * days where a calendar needs them (is the campaign over?). Pure, UTC. */

export type Precision = 'year' | 'month' | 'day';

export interface PreciseDate {
  precision: Precision;
  year: number;
  /** 1–12, for month and day precision. */
  month?: number;
  /** 1–31, for day precision. */
  day?: number;
}

const pattern = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Days in a month (1–12) of a year, leap years included. */
export const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** True when the day exists in the calendar: no 30 February, no month 13. */
export function realDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Why `text` is not a real "YYYY", "YYYY-MM" or "YYYY-MM-DD" date, in plain Vietnamese; undefined when it is. */
export function preciseDateProblem(text: string): string | undefined {
  const m = pattern.exec(text);
  if (!m) return `"${text}" không đúng dạng: viết "YYYY" (năm), "YYYY-MM" (tháng) hoặc "YYYY-MM-DD" (ngày)`;
  const [, , month, day] = m;
  if (month !== undefined && (Number(month) < 1 || Number(month) > 12)) return `"${text}": không có tháng ${month}`;
  if (day !== undefined && !realDay(Number(m[1]), Number(month), Number(day))) {
    return `"${text}": tháng ${Number(month)} năm ${m[1]} không có ngày ${Number(day)}`;
  }
  return undefined;
}

/** Parses a date string already known to be valid (see preciseDateProblem). */
export function parsePreciseDate(text: string): PreciseDate {
  const m = pattern.exec(text);
  if (!m || preciseDateProblem(text)) throw new Error(`not a precise date: ${text}`);
  const [, y, mo, d] = m;
  if (d !== undefined) return { precision: 'day', year: Number(y), month: Number(mo), day: Number(d) };
  if (mo !== undefined) return { precision: 'month', year: Number(y), month: Number(mo) };
  return { precision: 'year', year: Number(y) };
}

/** The first day the date covers (1 January for a year, the 1st for a month). */
export function firstDay(d: PreciseDate): Date {
  return new Date(Date.UTC(d.year, (d.month ?? 1) - 1, d.day ?? 1));
}

/** The last day the date covers (31 December for a year, the month's last day for a month). */
export function lastDay(d: PreciseDate): Date {
  const month = d.month ?? 12;
  return new Date(Date.UTC(d.year, month - 1, d.day ?? daysInMonth(d.year, month)));
}

/** True when `end` ends before `start` begins ("2024-08" before "2024-06-15"); false while either is invalid. */
export function spanReversed(start: string, end: string): boolean {
  if (preciseDateProblem(start) || preciseDateProblem(end)) return false;
  return lastDay(parsePreciseDate(end)) < firstDay(parsePreciseDate(start));
}

const pad = (n: number) => String(n).padStart(2, '0');

/** As residents read it: "2025", "6/2024", "15/06/2024" (days as everywhere else on the site). */
export function formatPrecise(d: PreciseDate): string {
  if (d.precision === 'year') return String(d.year);
  if (d.precision === 'month') return `${d.month}/${d.year}`;
  return `${pad(d.day!)}/${pad(d.month!)}/${d.year}`;
}

/** The value for <time datetime>: "2025", "2024-06", "2024-06-15" (HTML accepts all three). */
export function isoPrecise(d: PreciseDate): string {
  if (d.precision === 'year') return String(d.year);
  if (d.precision === 'month') return `${d.year}-${pad(d.month!)}`;
  return `${d.year}-${pad(d.month!)}-${pad(d.day!)}`;
}

/** "2021–2025", "6/2024–8/2024", "01/07/2024–15/08/2024"; one value when both ends are the same. */
export function formatSpan(start: PreciseDate, end: PreciseDate): string {
  const a = formatPrecise(start);
  const b = formatPrecise(end);
  return a === b ? a : `${a}–${b}`;
}
