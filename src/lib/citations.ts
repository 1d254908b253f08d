/** The citation check: every figure a page states must be among the figures of a document it cites, or be the `page`
 * value of a correction it declares. Q&A, explainers and topics are checked in their text fields and body, recordings
 * in their title and transcript (against the documents of the Q&A they read, with those Q&A's corrections). Pure:
 * takes plain data and the raw file text (for line numbers), returns messages in plain Vietnamese. */
import { docLead, figuresOfValue, findFigures, KIND_NAMES, type FigureKind } from './figures.ts';
import { parsePreciseDate, preciseDateProblem } from './precise-date.ts';

export interface Correction {
  source: string;
  page: string;
  why: string;
}

/** One piece of text of an entry, with where it stands in the file. */
export interface CheckedText {
  /** Field name for messages ("summary", "keyMessages[2]"); "" for the body. */
  field: string;
  text: string;
  /** Line of the file (1-based) where the text starts. */
  line: number;
  /** The whole text is a phone number (a hotline's `number`). */
  phone?: boolean;
}

/** An entry whose figures must be cited. */
export interface CitingEntry {
  /** The file as editors see it: "content/qa/…/x.md". */
  file: string;
  texts: CheckedText[];
  /** Ids of the documents it cites. */
  cited: string[];
  /** Which field cites them, for messages: "sources", "legalBasis", or the Q&A a recording reads. */
  citedBy: string;
  /** Corrections the entry declares: each must be used. */
  corrections: Correction[];
  /** Corrections that apply without being declared here (a recording takes those of the Q&A it reads). */
  inherited?: Correction[];
}

export interface DocumentFigures {
  id: string;
  figures: { value: string; kind: FigureKind }[];
}

/** The normalised keys of every figure each document lists. Values that do not read as their kind are left out:
 * src/lib/validate.ts reports them. */
export function documentKeys(documents: DocumentFigures[]): Map<string, Set<string>> {
  return new Map(documents.map((d) => [d.id, new Set(d.figures.flatMap((f) => figuresOfValue(f.value, f.kind).keys))]));
}

/** The keys a correction's `page` (or `source`) value stands for. */
export const correctionKeys = (value: string) => findFigures(value).map((f) => f.key);

const lineAt = (text: string, index: number) => text.slice(0, index).split('\n').length - 1;

/** Messages for every figure of `entry` that its cited documents do not list, and for declared corrections it never
 * uses. `keys` comes from documentKeys(). */
export function checkCitations(entry: CitingEntry, keys: Map<string, Set<string>>): string[] {
  const allowed = new Set(entry.cited.flatMap((id) => [...(keys.get(id) ?? [])]));
  const leads = new Set([...allowed].map(docLead).filter((l) => l !== undefined));
  const corrected = new Map<string, number>();
  for (const [i, c] of entry.corrections.entries()) for (const k of correctionKeys(c.page)) corrected.set(k, i);
  const inherited = new Set((entry.inherited ?? []).flatMap((c) => correctionKeys(c.page)));
  const used = new Set<number>();
  const errors: string[] = [];
  const seen = new Set<string>();
  for (const piece of entry.texts) {
    const figures = piece.phone
      ? [{ kind: 'phone' as const, key: `phone:${piece.text.replace(/\D/g, '')}`, text: piece.text, index: 0 }]
      : findFigures(piece.text);
    for (const f of figures) {
      const line = piece.line + lineAt(piece.text, f.index);
      const where = `${entry.file}, dòng ${line}${piece.field ? ` (trường "${piece.field}")` : ''}`;
      if ('problem' in f && f.problem) {
        errors.push(`${where}: "${f.text}": ${f.problem}.`);
        continue;
      }
      const lead = /^doclead:(\d+)$/.exec(f.key)?.[1];
      if (corrected.has(f.key)) used.add(corrected.get(f.key)!);
      if (lead ? leads.has(lead) : allowed.has(f.key) || corrected.has(f.key) || inherited.has(f.key)) continue;
      const once = `${line} ${f.key}`;
      if (seen.has(once)) continue;
      seen.add(once);
      const what = lead ? `văn bản số ${lead}` : KIND_NAMES[f.kind];
      errors.push(
        `${where}: "${f.text}" (${what}) không có trong số liệu của văn bản được trích (${entry.citedBy}: ${entry.cited.join(', ') || 'không có'}).`,
      );
    }
  }
  for (const [i, c] of entry.corrections.entries()) {
    if (!used.has(i) && correctionKeys(c.page).length > 0) {
      errors.push(
        `${entry.file}: trường "corrections[${i}].page": trang không ghi "${c.page}" ở đâu cả. Bỏ mục sửa này, hoặc ghi đúng điều trang nói.`,
      );
    }
  }
  return errors;
}

/** What an editor does about a citation message, said once under the list. */
export const CITATION_HINT =
  'Mỗi con số, ngày tháng, số điện thoại, số hiệu văn bản trên trang phải có trong "figures" của một văn bản trang trích dẫn. ' +
  'Sửa lại cho đúng văn bản, trích thêm văn bản nêu con số đó, hoặc khai báo chỗ sửa có chủ ý trong "corrections" (xem content/README.md).';

/** A period value as the page writes it: "2021", "6/2024", "15/6/2024". */
export function writtenPeriodValue(value: string): string {
  if (preciseDateProblem(value)) return value;
  const d = parsePreciseDate(value);
  if (d.precision === 'year') return String(d.year);
  if (d.precision === 'month') return `${d.month}/${d.year}`;
  return `${d.day}/${d.month}/${d.year}`;
}

/** Where each field's value stands in a raw content file, for line numbers in messages. */
export function lineFinder(raw: string): {
  value: (field: string, value: string) => number;
  body: (body: string) => number;
} {
  const lines = raw.split('\n');
  const keyLine = (field: string) => {
    const key = field
      .replace(/\[\d+\]/g, '')
      .split('.')
      .at(-1)!;
    const at = lines.findIndex((l) => new RegExp(`^\\s*(?:-\\s+)?${key}:`).test(l));
    return at < 0 ? 0 : at;
  };
  return {
    value: (field, value) => {
      const from = keyLine(field);
      const probe = value.trim().split('\n')[0]!.slice(0, 24).split(/["\\]/)[0]!;
      if (probe.length >= 3) {
        for (const start of [from, 0]) {
          const at = lines.findIndex((l, i) => i >= start && l.includes(probe));
          if (at >= 0) return at + 1;
        }
      }
      return from + 1;
    },
    body: (body) => {
      const frontMatter = /^\uFEFF?---\r?\n[\s\S]*?\r?\n---/.exec(raw)?.[0].length ?? 0;
      const at = raw.indexOf(body.slice(0, 200), frontMatter);
      return at < 0 ? lines.length : lineAt(raw, at) + 1;
    },
  };
}

/** Plain data of an entry of one of the checked collections, as Astro or a YAML parser gives it. */
export interface EntryData {
  file: string;
  raw: string;
  body: string;
  data: Record<string, unknown>;
}

/** An id from a reference as Astro gives it ({ collection, id }) or as YAML has it (a string). */
const refId = (v: unknown) => (typeof v === 'object' && v !== null && 'id' in v ? String(v.id) : String(v));
const refIds = (v: unknown) => (Array.isArray(v) ? v.map(refId) : []);

export type CitingCollection = 'qa' | 'explainers' | 'topics' | 'audio';

/** The documents an entry cites: `sources`, a topic's `legalBasis`, or for a recording the sources of the Q&A it
 * reads. */
export function citedBy(
  collection: CitingCollection,
  data: Record<string, unknown>,
  qaById: Map<string, Record<string, unknown>>,
): string[] {
  if (collection === 'topics') return refIds(data['legalBasis']);
  if (collection === 'audio') {
    return [...new Set(refIds(data['qa']).flatMap((id) => refIds(qaById.get(id)?.['sources'])))];
  }
  return refIds(data['sources']);
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** The texts of an entry the citation check reads, with their lines. */
export function textsOf(collection: CitingCollection, entry: EntryData): CheckedText[] {
  const find = lineFinder(entry.raw);
  const texts: CheckedText[] = [];
  const add = (field: string, value: unknown, phone = false) => {
    const text = str(value);
    if (text) texts.push({ field, text, line: find.value(field, text), ...(phone ? { phone } : {}) });
  };
  const d = entry.data;
  if (collection === 'qa') add('question', d['question']);
  if (collection === 'explainers' || collection === 'topics' || collection === 'audio') add('title', d['title']);
  if (collection === 'explainers' || collection === 'topics') add('summary', d['summary']);
  if (collection === 'explainers') add('image.alt', (d['image'] as { alt?: unknown } | undefined)?.alt);
  if (collection === 'topics') {
    add('shortTitle', d['shortTitle']);
    for (const [i, s] of list(d['slogans']).entries()) add(`slogans[${i}]`, s);
    for (const [i, s] of list(d['keyMessages']).entries()) add(`keyMessages[${i}]`, s);
    for (const [i, h] of list(d['hotlines']).entries()) {
      const hotline = h as { number?: unknown; label?: unknown };
      add(`hotlines[${i}].number`, hotline.number, true);
      add(`hotlines[${i}].label`, hotline.label);
    }
    const period = d['period'] as { start?: unknown; end?: unknown; peak?: { start?: unknown; end?: unknown } };
    for (const [field, value] of [
      ['period.start', period?.start],
      ['period.end', period?.end],
      ['period.peak.start', period?.peak?.start],
      ['period.peak.end', period?.peak?.end],
    ] as const) {
      const v =
        value instanceof Date ? value.toISOString().slice(0, 10) : value === undefined ? undefined : String(value);
      if (v) texts.push({ field, text: writtenPeriodValue(v), line: find.value(field, v) });
    }
  }
  const body = entry.body.trimStart();
  if (body) texts.push({ field: '', text: body, line: find.body(body) });
  return texts;
}

export interface SiteEntry extends EntryData {
  id: string;
}

/** The citation check over the whole site: every Q&A, explainer, topic and recording against the documents. */
export function checkSiteCitations(
  collections: Record<CitingCollection, SiteEntry[]> & { documents: { id: string; data: Record<string, unknown> }[] },
): string[] {
  const keys = documentKeys(
    collections.documents.map((d) => ({ id: d.id, figures: (d.data['figures'] ?? []) as DocumentFigures['figures'] })),
  );
  const qaById = new Map(collections.qa.map((q) => [q.id, q.data]));
  const corrections = (data: Record<string, unknown> | undefined) => (data?.['corrections'] ?? []) as Correction[];
  const errors: string[] = [];
  for (const collection of ['topics', 'qa', 'explainers', 'audio'] as const) {
    for (const entry of collections[collection]) {
      const read = refIds(entry.data['qa']);
      errors.push(
        ...checkCitations(
          {
            file: entry.file,
            texts: textsOf(collection, entry),
            cited: citedBy(collection, entry.data, qaById),
            citedBy:
              collection === 'topics'
                ? 'legalBasis'
                : collection === 'audio'
                  ? `sources của hỏi đáp ${read.join(', ') || '(không đọc hỏi đáp nào)'}`
                  : 'sources',
            corrections: corrections(entry.data),
            ...(collection === 'audio' ? { inherited: read.flatMap((id) => corrections(qaById.get(id))) } : {}),
          },
          keys,
        ),
      );
    }
  }
  return errors;
}
