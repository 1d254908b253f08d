/** What a page must say about the ground its facts stand on, so nothing reads as more than its sources say: another
 * province's documents ("Theo kế hoạch của tỉnh Kiên Giang"), a draft ("dự thảo"), a campaign that has ended, or,
 * where no source gives a period, the year of the documents. Pure: the words come from src/i18n/vi.json. */
import { periodStatus, type PeriodText } from './period.ts';
import { parsePreciseDate, type PreciseDate } from './precise-date.ts';

/** What the notices need to know about a cited document. */
export interface NoticeDoc {
  id: string;
  kind: string;
  number?: string | undefined;
  date?: Date | undefined;
  year: number;
  issuer: string;
  province?: string | undefined;
  draft: boolean;
}

export interface Notices {
  /** Provinces other than the site's own whose documents the page rests on, with the kind of document in lower case
   * ("kế hoạch", "công văn", "văn bản" when they differ). */
  provinces: { province: string; kind: string }[];
  /** Draft documents the page rests on. */
  drafts: NoticeDoc[];
  /** The campaign's last year, month or day, when it has ended. */
  ended?: PreciseDate;
  /** Where the topic has no period: the years of the documents, oldest first. */
  years?: number[];
}

/** "tỉnh Lạng Sơn", "Lạng Sơn" and "lạng sơn" are one province. */
const sameProvince = (a: string, b: string) =>
  a
    .replace(/^tỉnh\s+/i, '')
    .trim()
    .toLocaleLowerCase('vi') ===
  b
    .replace(/^tỉnh\s+/i, '')
    .trim()
    .toLocaleLowerCase('vi');

/** "Kế hoạch (dự thảo)" → "kế hoạch". */
const kindWord = (kind: string) => kind.replace(/\s*\(.*\)\s*$/, '').toLocaleLowerCase('vi');

/** The notices for a page resting on `docs`, in a campaign with `period` (or none), on a site of `siteProvince`. */
export function pageNotices(
  docs: NoticeDoc[],
  siteProvince: string,
  period: PeriodText | undefined,
  today: Date,
): Notices {
  const byProvince = new Map<string, Set<string>>();
  for (const d of docs) {
    if (!d.province || sameProvince(d.province, siteProvince)) continue;
    byProvince.set(d.province, (byProvince.get(d.province) ?? new Set()).add(kindWord(d.kind)));
  }
  const notices: Notices = {
    provinces: [...byProvince].map(([province, kinds]) => ({
      province,
      kind: kinds.size === 1 ? [...kinds][0]! : 'văn bản',
    })),
    drafts: docs.filter((d) => d.draft),
  };
  if (period && periodStatus(period, today) === 'ended') notices.ended = parsePreciseDate(period.end);
  if (!period) notices.years = [...new Set(docs.map((d) => d.year))].sort((a, b) => a - b);
  return notices;
}

/** The notices as plain sentences, in the order pages show them, for printed material and its measurements. `time`
 * includes the ended campaign or the documents' year; `label` names a draft document. */
export function noticeLines(
  n: Notices,
  strings: { ended: string; years: string; province: string; draft: string },
  label: (d: NoticeDoc) => string,
  time = true,
): string[] {
  const fill = (s: string, values: Record<string, string>) => s.replace(/\{(\w+)\}/g, (w, k: string) => values[k] ?? w);
  return [
    ...(time && n.ended ? [fill(strings.ended, { end: preciseInWords(n.ended) })] : []),
    ...(time && n.years?.length ? [fill(strings.years, { years: yearList(n.years) })] : []),
    ...n.provinces.map((p) => fill(strings.province, p)),
    ...n.drafts.map((d) => `${strings.draft} ${label(d)}.`),
  ];
}

/** "năm 2025", "tháng 8/2024", "ngày 15/08/2024": an end with its own precision, in a sentence. */
export function preciseInWords(d: PreciseDate): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  if (d.precision === 'year') return `năm ${d.year}`;
  if (d.precision === 'month') return `tháng ${d.month}/${d.year}`;
  return `ngày ${pad(d.day!)}/${pad(d.month!)}/${d.year}`;
}

/** "2019, 2021 và 2024". */
export function yearList(years: number[]): string {
  if (years.length <= 1) return years.join('');
  return `${years.slice(0, -1).join(', ')} và ${years.at(-1)}`;
}
