/** Checks the documents' own lists against the official texts: every figure a document lists must really be in the
 * text that states it (its own `text`, or the text of the document named in `in`), normalised as the citation check
 * normalises pages, and a quoted `title` must really be in its own text or in a text that mentions it. Pure; run
 * on the seed folder by `npm run check:sources -- <folder>`. */
import { figuresOfValue, findFigures, KIND_NAMES, type FigureKind } from './figures.ts';

export interface SourceDocument {
  id: string;
  /** The file as editors see it: "content/documents/x.yaml". */
  file: string;
  data: Record<string, unknown>;
}

/** A seed text: its number ("002"), file name and content. */
export interface SourceText {
  name: string;
  text: string;
}

const refId = (v: unknown) => (typeof v === 'object' && v !== null && 'id' in v ? String(v.id) : String(v));

/** Text compared as words: one space for any run of spaces and line breaks, one kind of quotation mark. */
const words = (s: string) =>
  s
    .normalize('NFC')
    .replace(/[“”„"]/g, '"')
    .replace(/[‘’']/g, "'")
    .replace(/\s+/g, ' ')
    .trim();

export interface SourceReport {
  errors: string[];
  /** Figures checked against a text. */
  figures: number;
  /** Titles checked against a text. */
  titles: number;
}

/** Every figure and title of `documents` that the texts do not contain, in plain Vietnamese. */
export function checkAgainstTexts(documents: SourceDocument[], texts: Map<string, SourceText>): SourceReport {
  const byId = new Map(documents.map((d) => [d.id, d]));
  const keysOf = new Map<string, Set<string>>();
  const keysIn = (seed: string) => {
    if (!keysOf.has(seed)) keysOf.set(seed, new Set(findFigures(texts.get(seed)!.text).map((f) => f.key)));
    return keysOf.get(seed)!;
  };
  const report: SourceReport = { errors: [], figures: 0, titles: 0 };
  const seedOf = (docId: string) => byId.get(docId)?.data['text'] as string | undefined;
  for (const doc of documents) {
    const own = seedOf(doc.id);
    const mentionedIn = Array.isArray(doc.data['mentionedIn']) ? doc.data['mentionedIn'].map(refId) : [];
    if (own !== undefined && !texts.has(own)) {
      report.errors.push(
        `${doc.file}: trường "text": không có văn bản nguồn "${own}" (tệp ${own}_….txt) trong thư mục.`,
      );
      continue;
    }
    const figures = (doc.data['figures'] ?? []) as { value: unknown; kind: FigureKind; in?: unknown }[];
    for (const [i, f] of figures.entries()) {
      const from = own ?? seedOf(f.in === undefined ? (mentionedIn.length === 1 ? mentionedIn[0]! : '') : refId(f.in));
      if (from === undefined || !texts.has(from)) continue; // validate.ts reports a missing or wrong `in`
      report.figures++;
      const { keys } = figuresOfValue(String(f.value), f.kind);
      if (keys.length === 0 || keys.some((k) => !keysIn(from).has(k))) {
        report.errors.push(
          `${doc.file}: trường "figures[${i}]": "${String(f.value)}" (${KIND_NAMES[f.kind]}) không có trong văn bản nguồn ${from} (${texts.get(from)!.name}).`,
        );
      }
    }
    const title = doc.data['title'];
    if (typeof title === 'string') {
      const seeds = [own, ...mentionedIn.map(seedOf)].filter((s): s is string => s !== undefined && texts.has(s));
      if (seeds.length === 0) continue;
      report.titles++;
      if (!seeds.some((s) => words(texts.get(s)!.text).includes(words(title)))) {
        report.errors.push(
          `${doc.file}: trường "title": không thấy nguyên văn trong văn bản nguồn ${seeds.join(', ')}. "title" chỉ dùng cho trích yếu chép đúng văn bản; tên tự đặt ghi vào "about".`,
        );
      }
    }
  }
  return report;
}

/** Seed files in a folder listing: "002_dbc53f91af9b6c14.txt" → "002". */
export function seedNumber(fileName: string): string | undefined {
  return /^(\d{3})_[0-9a-f]+\.txt$/i.exec(fileName)?.[1];
}
