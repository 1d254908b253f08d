/** Finds the figures a Vietnamese text states (dates, years, numbers, amounts, percentages, phone numbers, document
 * numbers) and gives each a normalised key, so that two ways of writing one figure compare equal:
 * "01/7/2024" = "1/7/2024" = "ngày 01 tháng 7 năm 2024" (date:2024-7-1), "58/CĐ-TTg" = "58/CD-TTg", Khmer digits
 * as digits. A figure is matched whole and by kind: a date is never read as the year inside it, list numbering and
 * numbers written as words are not figures. Used by the build's citation check (citations.ts) and by
 * `npm run check:sources` on the official texts. Pure; imports carry their extension so Node runs it directly. */
import { realDay } from './precise-date.ts';

export type FigureKind = 'date' | 'year' | 'number' | 'amount' | 'percent' | 'phone' | 'docnumber';

export interface Figure {
  kind: FigureKind;
  /** Normalised value: two figures with one key are the same figure. Keys start with the kind, except a reference
   * by leading number ("Quyết định số 628"), whose key is "doclead:628" (kind docnumber). */
  key: string;
  /** The figure as written. */
  text: string;
  /** Offset of `text` in the scanned string. */
  index: number;
  /** Set when the figure cannot be true (a day that does not exist), in plain Vietnamese. */
  problem?: string;
}

/** The words that name Vietnamese document kinds: a number right after one is a document's leading number. */
const DOC_KINDS =
  'quyết định|công văn|công điện|thông tư|thông tư liên tịch|kế hoạch|nghị quyết|nghị định|kết luận|chỉ thị|chương trình|đề án|thông báo|luật';

const KHMER_MONTHS = ['មករា', 'កុម្ភៈ', 'មីនា', 'មេសា', 'ឧសភា', 'មិថុនា', 'កក្កដា', 'សីហា', 'កញ្ញា', 'តុលា', 'វិច្ឆិកា', 'ធ្នូ'];

const SCALE: Record<string, number> = { nghìn: 1e3, ngàn: 1e3, triệu: 1e6, tỷ: 1e9, tỉ: 1e9 };

/** Khmer digits ០–៩ as ASCII digits (one UTF-16 unit each, so offsets stay the same). */
export const asciiDigits = (text: string) => text.replace(/[\u17E0-\u17E9]/g, (d) => String(d.charCodeAt(0) - 0x17e0));

/** A figure never starts right after a Latin letter or digit, or after "letters-" (MP3, H5N1, COVID-19): those digits
 * belong to a name. Khmer writes no spaces between words, so only Latin letters count here. */
const START = String.raw`(?<![\p{sc=Latin}\d])(?<!\p{sc=Latin}-)`;
/** …and never runs on into a Latin letter or another digit. */
const END = String.raw`(?![\p{sc=Latin}\d])`;
const NUM = String.raw`\d+(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?`;

/** "1.000.000" → 1000000, "2,5" → 2.5 (Vietnamese: dot groups thousands, comma marks decimals). */
const numberValue = (text: string) => Number(text.replace(/\./g, '').replace(',', '.'));

const romanQuarter: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4 };

interface Pass {
  pattern: RegExp;
  /** The figures a match states; [] consumes the match as "no figure" (list numbering, links); null leaves it to the
   * passes after (the pattern matched something it does not mean). */
  read: (m: RegExpExecArray) => Omit<Figure, 'index' | 'text'>[] | null;
  /** The capture group that is the figure's text (the number after "Tổng đài quốc gia"); the whole match if unset. */
  group?: number;
}

const date = (year: number, month: number, day: number): Omit<Figure, 'index' | 'text'> =>
  realDay(year, month, day)
    ? { kind: 'date', key: `date:${year}-${month}-${day}` }
    : {
        kind: 'date',
        key: `date:invalid:${day}/${month}/${year}`,
        problem: `ngày ${day}/${month}/${year} không có thật`,
      };
const dayMonth = (month: number, day: number): Omit<Figure, 'index' | 'text'> =>
  realDay(2024, month, day) // a leap year, so 29/2 exists
    ? { kind: 'date', key: `date:--${month}-${day}` }
    : { kind: 'date', key: `date:invalid:${day}/${month}`, problem: `ngày ${day}/${month} không có thật` };
const monthYear = (year: number, month: number): Omit<Figure, 'index' | 'text'> =>
  month >= 1 && month <= 12
    ? { kind: 'date', key: `date:${year}-${month}` }
    : { kind: 'date', key: `date:invalid:${month}/${year}`, problem: `không có tháng ${month}` };

const re = (source: string, flags = 'giu') => new RegExp(source, `${flags}d`);

/** The passes, in order: each consumes what it matches, so a later pass never reads a part of an earlier figure. */
const PASSES: Pass[] = [
  // Not text: link targets, web and e-mail addresses, file names.
  {
    pattern: re(
      String.raw`\]\([^)]*\)|https?:\/\/\S+|www\.\S+|[\w.+-]+@[\w-]+\.[\w.]+|[\w/.-]+\.(?:mp3|jpe?g|png|txt)\b`,
    ),
    read: () => [],
  },
  // List numbering and numbered headings: "1. ", "2) ", "## 3. ", "1.3.2. " at the start of a line.
  {
    pattern: re(String.raw`^[ \t]*(?:#{1,6}[ \t]+)?(?:[-*+][ \t]+)?\d+(?:\.\d+)*[.)](?=[ \t])`, 'gmu'),
    read: () => [],
  },
  // Document numbers: 1719/QĐ-TTg, 88/2019/QH14, 03/2023/TT-BTTTT, 65-KL/TW, 2038/VNNIC. Đ folds to D, case folds.
  {
    pattern: re(
      String.raw`${START}(\d+)(?:\/(\d{4}))?([/-])(\p{Lu}[\p{L}&]*\d*(?:[/-]\p{Lu}[\p{L}&]*\d*)*)(?![\p{L}\d])`,
    ),
    read: (m) => [
      {
        kind: 'docnumber',
        key: `docnumber:${Number(m[1])}${m[2] ? `/${m[2]}` : ''}${m[3]}${m[4]!.toUpperCase().replace(/Đ/g, 'D')}`,
      },
    ],
  },
  // A document named by its leading number: "Quyết định số 628", "Chương trình 1719", "Công điện 58".
  {
    pattern: re(String.raw`(?<!\p{L})(?:${DOC_KINDS})\s+(?:số\s+)?(\d+)${END}(?![.,/]\d)`),
    read: (m) => [{ kind: 'docnumber', key: `doclead:${Number(m[1])}` }],
  },
  // Quarters: "Quý III/2024", "quý 3 năm 2024".
  {
    pattern: re(String.raw`(?<!\p{L})quý\s+(IV|I{1,3}|[1-4])\s*(?:\/|\s+năm\s+)(\d{4})${END}`),
    read: (m) => [{ kind: 'date', key: `date:${m[2]}-q${romanQuarter[m[1]!.toUpperCase()] ?? Number(m[1])}` }],
  },
  // Days: "14/10/2021", "ngày 14 tháng 10 năm 2021", "14 tháng 10 năm 2021".
  {
    pattern: re(String.raw`${START}(\d{1,2})\/(\d{1,2})\/(\d{4})${END}(?!\/)`),
    read: (m) => [date(Number(m[3]), Number(m[2]), Number(m[1]))],
  },
  {
    pattern: re(String.raw`(?:(?<!\p{L})ngày\s+)?${START}(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})${END}`),
    read: (m) => [date(Number(m[3]), Number(m[2]), Number(m[1]))],
  },
  // Khmer: "ថ្ងៃទី ១ ខែកក្កដា ឆ្នាំ ២០២៤" (day 1, month July, year 2024), with or without the year.
  {
    pattern: re(String.raw`ថ្ងៃទី\s*(\d{1,2})\s*ខែ\s*(${KHMER_MONTHS.join('|')})(?:\s*ឆ្នាំ\s*(\d{4}))?`),
    read: (m) => {
      const month = KHMER_MONTHS.indexOf(m[2]!) + 1;
      return [m[3] ? date(Number(m[3]), month, Number(m[1])) : dayMonth(month, Number(m[1]))];
    },
  },
  {
    pattern: re(String.raw`ខែ\s*(${KHMER_MONTHS.join('|')})\s*ឆ្នាំ\s*(\d{4})`),
    read: (m) => [monthYear(Number(m[2]), KHMER_MONTHS.indexOf(m[1]!) + 1)],
  },
  // Months: "6/2024", "tháng 6/2024", "tháng 6 năm 2024".
  {
    pattern: re(String.raw`(?:(?<!\p{L})tháng\s+)?${START}(\d{1,2})\/(\d{4})${END}(?!\/)`),
    read: (m) => [monthYear(Number(m[2]), Number(m[1]))],
  },
  {
    pattern: re(String.raw`(?<!\p{L})tháng\s+(\d{1,2})\s+năm\s+(\d{4})${END}`),
    read: (m) => [monthYear(Number(m[2]), Number(m[1]))],
  },
  // Day and month without a year: "30/7", "ngày 30 tháng 7", "15 tháng 6" (a range takes its end's year, below).
  {
    pattern: re(String.raw`${START}(\d{1,2})\/(\d{1,2})${END}(?![/,.]\d)`),
    read: (m) => [dayMonth(Number(m[2]), Number(m[1]))],
  },
  {
    pattern: re(String.raw`(?:(?<!\p{L})ngày\s+)?${START}(\d{1,2})\s+tháng\s+(\d{1,2})${END}`),
    read: (m) => [dayMonth(Number(m[2]), Number(m[1]))],
  },
  // A month alone: "tháng 6" (in "tháng 6-8/2024" or "tháng 6 đến tháng 8/2024" it takes the end's year).
  {
    pattern: re(String.raw`(?<!\p{L})tháng\s+(\d{1,2})${END}(?![.,]\d)`),
    read: (m) => [
      Number(m[1]) >= 1 && Number(m[1]) <= 12
        ? { kind: 'date', key: `date:--${Number(m[1])}` }
        : { kind: 'date', key: `date:invalid:${m[1]}`, problem: `không có tháng ${m[1]}` },
    ],
  },
  // Phone numbers after a word that announces one ("Tổng đài quốc gia 111", "gọi 0205 3812 345", Khmer
  // "ទូរស័ព្ទ…", "លេខ"), before one ("111 là Tổng đài quốc gia"), or shaped like one (10–11 digits from 0,
  // 1800/1900 numbers).
  {
    pattern: re(
      String.raw`(?:(?<!\p{L})(?:tổng đài|đường dây nóng|điện thoại|số máy|hotline|sđt|fax)(?:\s+\p{L}+){0,3}|(?<!\p{L})(?<!kêu )gọi(?:\s+\p{L}+){0,2}|number\s*=\s*["']|ទូរស័ព្ទ[\p{sc=Khmer}\s]{0,20}?|លេខ)\s*(?:số\s*)?:?\s*\(?\s*(\d[\d .]{1,14}\d)${END}`,
    ),
    read: (m) => [{ kind: 'phone', key: `phone:${m[1]!.replace(/\D/g, '')}` }],
    group: 1,
  },
  {
    pattern: re(
      String.raw`${START}(\d{3,})${END}(?=[*_"”)]{0,3}\s+là\s+(?:số\s+(?:của\s+)?)?(?:tổng đài|đường dây nóng|số điện thoại))`,
    ),
    read: (m) => [{ kind: 'phone', key: `phone:${m[1]}` }],
  },
  {
    pattern: re(String.raw`${START}(0\d{2,3}(?:[ .]?\d{2,4}){2,3}|1[89]00(?:[ .]?\d{2,4}){1,2})${END}`),
    read: (m) => {
      const digits = m[1]!.replace(/\D/g, '');
      const phoneShaped = digits.startsWith('0') ? digits.length >= 10 && digits.length <= 11 : digits.length >= 8;
      return phoneShaped ? [{ kind: 'phone', key: `phone:${digits}` }] : null;
    },
  },
  // Percentages and money.
  {
    pattern: re(String.raw`${START}(${NUM})\s*(?:%|phần trăm(?!\p{L}))`),
    read: (m) => [{ kind: 'percent', key: `percent:${numberValue(m[1]!)}` }],
  },
  {
    pattern: re(String.raw`${START}(${NUM})\s*(nghìn|ngàn|triệu|tỷ|tỉ)?\s*(?:đồng|VNĐ|VND|đ)(?!\p{L})`),
    read: (m) => [{ kind: 'amount', key: `amount:${numberValue(m[1]!) * (SCALE[m[2]?.toLowerCase() ?? ''] ?? 1)}` }],
  },
  // Section references ("mục 1.3", "4.2"): dotted groups that are not thousands. Not figures.
  {
    pattern: re(String.raw`${START}\d+(?:\.\d+)+${END}`),
    read: (m) => (/^\d+(?:\.\d{3})+$/.test(m[0]) ? null : []),
  },
  // Years 1900–2100 standing alone ("năm 2024", both ends of "2021-2025"); other numbers below.
  {
    pattern: re(String.raw`${START}(\d{4})${END}(?![.,]\d)`),
    read: (m) =>
      Number(m[1]) >= 1900 && Number(m[1]) <= 2100
        ? [{ kind: 'year', key: `year:${Number(m[1])}` }]
        : [{ kind: 'number', key: `number:${Number(m[1])}` }],
  },
  // Counts: "53 dân tộc", "1.000 người", "2,5 triệu".
  {
    pattern: re(String.raw`${START}(${NUM})(?:\s*(nghìn|ngàn|triệu|tỷ|tỉ)(?!\p{L}))?${END}`),
    read: (m) => [{ kind: 'number', key: `number:${numberValue(m[1]!) * (SCALE[m[2]?.toLowerCase() ?? ''] ?? 1)}` }],
  },
];

/** What may stand between the two ends of a range: a dash, "đến", "tới", Khmer "ដល់", and "ngày"/"tháng". */
const RANGE_GAP = /^\s*(?:[–—-]|đến|tới|ដល់)\s*(?:ngày|tháng)?\s*$/iu;

/** Every figure in `text`, in reading order. */
export function findFigures(text: string): Figure[] {
  const original = text.normalize('NFC');
  let work = asciiDigits(original);
  const found: Figure[] = [];
  for (const { pattern, read, group = 0 } of PASSES) {
    pattern.lastIndex = 0;
    const consumed: [number, number][] = [];
    for (let m = pattern.exec(work); m; m = pattern.exec(work)) {
      if (m[0].length === 0) {
        pattern.lastIndex++;
        continue;
      }
      const figures = read(m);
      if (!figures) continue;
      const [from, to] = m.indices![group]!;
      const written = original.slice(from, to);
      const index = from + (written.length - written.trimStart().length);
      for (const f of figures) found.push({ ...f, text: written.trim(), index });
      consumed.push([m.index, m.index + m[0].length]);
    }
    // Consumed text becomes a mark no later pattern reads as a letter, digit or space.
    for (const [a, b] of consumed) work = work.slice(0, a) + '\u0001'.repeat(b - a) + work.slice(b);
  }
  found.sort((a, b) => a.index - b.index);
  return withRangeYears(found, asciiDigits(original));
}

/** "15/6–15/7/2024", "tháng 6-8/2024", "từ tháng 6 đến tháng 8/2024": a range's first end takes the year of the
 * second when it has none. */
function withRangeYears(figures: Figure[], text: string): Figure[] {
  for (let i = figures.length - 2; i >= 0; i--) {
    const a = figures[i]!;
    const b = figures[i + 1]!;
    const partial = /^date:--(\d+)(?:-(\d+))?$/.exec(a.key);
    const year = /^date:(\d{4})-/.exec(b.key)?.[1];
    if (!partial || !year || a.problem) continue;
    if (!RANGE_GAP.test(text.slice(a.index + a.text.length, b.index))) continue;
    const [, month, day] = partial;
    figures[i] = {
      ...a,
      ...(day ? date(Number(year), Number(month), Number(day)) : monthYear(Number(year), Number(month))),
    };
  }
  return figures;
}

/** The figures a document lists under one `value` of a declared kind: one figure, or both ends of a range
 * ("2021 - 2030"). A 4-digit count declared as a number, or digits declared as a phone number, are read as declared.
 * Returns a problem in plain Vietnamese when the value holds no figure of that kind. */
export function figuresOfValue(value: string, kind: FigureKind): { keys: string[]; problem?: string } {
  if (kind === 'phone') {
    const digits = value.replace(/[\s.]/g, '');
    if (/^\+?\d{3,15}$/.test(digits)) return { keys: [`phone:${digits.replace(/\D/g, '')}`] };
  }
  const figures = findFigures(value).map((f) =>
    kind === 'number' && f.kind === 'year' ? { ...f, kind: 'number' as const, key: `number:${f.key.slice(5)}` } : f,
  );
  if (figures.length === 0) return { keys: [], problem: `"${value}" không có con số nào` };
  const wrong = figures.find((f) => f.kind !== kind || f.problem);
  if (wrong) {
    return {
      keys: [],
      problem: wrong.problem
        ? `"${value}": ${wrong.problem}`
        : `"${value}" đọc ra ${KIND_NAMES[wrong.kind]} "${wrong.text}", không phải ${KIND_NAMES[kind]}`,
    };
  }
  if (kind === 'docnumber' && figures.some((f) => f.key.startsWith('doclead:'))) {
    return { keys: [], problem: `"${value}": ghi đủ số và ký hiệu văn bản, ví dụ "1719/QĐ-TTg"` };
  }
  return { keys: figures.map((f) => f.key) };
}

/** Names of the kinds in messages editors read. */
export const KIND_NAMES: Record<FigureKind, string> = {
  date: 'ngày tháng',
  year: 'năm',
  number: 'con số',
  amount: 'số tiền',
  percent: 'tỷ lệ phần trăm',
  phone: 'số điện thoại',
  docnumber: 'số hiệu văn bản',
};

/** The leading number of a document number key ("docnumber:1719/QD-TTG" → 1719), for references like
 * "Quyết định số 1719". */
export const docLead = (key: string) => /^docnumber:(\d+)/.exec(key)?.[1];
