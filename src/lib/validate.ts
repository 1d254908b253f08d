/** Cross-entry checks Astro's schemas cannot make: references that point nowhere, duplicate `order`, missing
 * MP3 files, documents' figures and corrections. Pure: takes plain entries, returns messages that name the file and
 * the field in plain Vietnamese. Imports carry their extension so scripts run it with Node directly. */
import { citedBy, correctionKeys, documentKeys, type Correction } from './citations.ts';
import { figuresOfValue, type FigureKind } from './figures.ts';
import { replacedReadings } from './recordings.ts';
import { checkTranslations } from './translations.ts';

export interface Ref {
  collection: string;
  id: string;
}

export interface Entry {
  id: string;
  /** Path of the source file relative to the project, as Astro records it. */
  filePath?: string | undefined;
  data: Record<string, unknown>;
}

export type Collections = Record<string, Entry[]>;

/** Where each collection lives, for messages an editor can act on. */
const folder: Record<string, string> = {
  topics: 'content/topics/',
  qa: 'content/qa/',
  explainers: 'content/explainers/',
  audio: 'content/audio/',
  documents: 'content/documents/',
  languages: 'content/languages/',
};

const isRef = (v: unknown): v is Ref =>
  typeof v === 'object' && v !== null && typeof (v as Ref).collection === 'string' && typeof (v as Ref).id === 'string';

const where = (collection: string, e: Entry) => e.filePath ?? `${folder[collection] ?? collection}${e.id}`;

/** Every `{ collection, id }` inside `value`, with the field path that holds it (e.g. `sources[1]`). */
function* refsIn(value: unknown, path: string): Generator<[string, Ref]> {
  if (isRef(value)) {
    yield [path, value];
  } else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) yield* refsIn(item, `${path}[${i}]`);
  } else if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) yield* refsIn(item, path ? `${path}.${key}` : key);
  }
}

/** References that point at no entry. */
export function checkReferences(collections: Collections): string[] {
  const ids = new Map(Object.entries(collections).map(([name, entries]) => [name, new Set(entries.map((e) => e.id))]));
  const errors: string[] = [];
  for (const [name, entries] of Object.entries(collections)) {
    for (const entry of entries) {
      for (const [field, ref] of refsIn(entry.data, '')) {
        if (!ids.get(ref.collection)?.has(ref.id)) {
          errors.push(
            `${where(name, entry)}: trường "${field}" trỏ tới "${ref.id}", nhưng không có mục nào tên "${ref.id}" trong ${folder[ref.collection] ?? ref.collection}.`,
          );
        }
      }
    }
  }
  return errors;
}

/** Two entries of one group (e.g. one topic and language) sharing an `order`. */
export function checkUniqueOrder(
  collection: string,
  entries: Entry[],
  groupOf: (e: Entry) => string,
  describe: (group: string) => string,
): string[] {
  const seen = new Map<string, Entry>();
  const errors: string[] = [];
  for (const entry of entries) {
    const key = `${groupOf(entry)}\u0000${String(entry.data['order'])}`;
    const first = seen.get(key);
    if (first) {
      errors.push(
        `${where(collection, entry)}: trường "order" = ${String(entry.data['order'])} trùng với ${where(collection, first)} (${describe(groupOf(entry))}). Mỗi mục cần một số thứ tự riêng.`,
      );
    } else {
      seen.set(key, entry);
    }
  }
  return errors;
}

const refId = (v: unknown) => (isRef(v) ? v.id : String(v));
const refIds = (v: unknown) => (Array.isArray(v) ? v.map(refId) : []);

interface FigureData {
  value: string;
  kind: FigureKind;
  in?: unknown;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Documents: what a figure list must be for the citation check and `npm run check:sources` to mean something. */
export function checkDocuments(documents: Entry[]): string[] {
  const errors: string[] = [];
  const byId = new Map(documents.map((d) => [d.id, d]));
  const seedOwner = new Map<string, Entry>();
  for (const doc of documents) {
    const file = where('documents', doc);
    const text = doc.data['text'] as string | undefined;
    const mentionedIn = refIds(doc.data['mentionedIn']);
    const figures = (doc.data['figures'] ?? []) as FigureData[];
    if (text !== undefined) {
      const other = seedOwner.get(text);
      if (other)
        errors.push(`${file}: trường "text": văn bản nguồn "${text}" đã thuộc về ${where('documents', other)}.`);
      else seedOwner.set(text, doc);
    }
    for (const [i, id] of mentionedIn.entries()) {
      const mentioning = byId.get(id);
      if (mentioning && mentioning.data['text'] === undefined) {
        errors.push(
          `${file}: trường "mentionedIn[${i}]": "${id}" không có "text" (toàn văn), nên không kiểm tra được nó nói gì về văn bản này.`,
        );
      }
    }
    const keys = new Set<string>();
    for (const [i, f] of figures.entries()) {
      const field = `figures[${i}]`;
      const read = figuresOfValue(String(f.value), f.kind);
      if (read.problem) errors.push(`${file}: trường "${field}.value": ${read.problem}.`);
      for (const k of read.keys) keys.add(k);
      const inId = f.in === undefined ? undefined : refId(f.in);
      if (text !== undefined && inId !== undefined) {
        errors.push(`${file}: trường "${field}.in": văn bản này có "text", số liệu của nó lấy từ chính nó; bỏ "in".`);
      } else if (inId !== undefined && !mentionedIn.includes(inId)) {
        errors.push(
          `${file}: trường "${field}.in": "${inId}" không có trong "mentionedIn" (${mentionedIn.join(', ')}).`,
        );
      } else if (text === undefined && inId === undefined && mentionedIn.length > 1) {
        errors.push(
          `${file}: trường "${field}.in": văn bản được nhắc trong ${mentionedIn.length} văn bản; ghi văn bản nào nêu số liệu này.`,
        );
      }
    }
    // What /van-ban/<id>/ shows as the document's number and date must be figures too, so check:sources verifies them.
    const number = doc.data['number'];
    if (typeof number === 'string' && !figuresOfValue(number, 'docnumber').keys.every((k) => keys.has(k))) {
      errors.push(
        `${file}: trường "number": "${number}" phải có trong "figures" (loại docnumber), kèm chỗ văn bản ghi.`,
      );
    }
    const date = doc.data['date'];
    if (date instanceof Date) {
      const written = `${date.getUTCDate()}/${date.getUTCMonth() + 1}/${date.getUTCFullYear()}`;
      if (!figuresOfValue(written, 'date').keys.every((k) => keys.has(k))) {
        errors.push(
          `${file}: trường "date": ngày ${pad2(date.getUTCDate())}/${pad2(date.getUTCMonth() + 1)}/${date.getUTCFullYear()} phải có trong "figures" (loại date), kèm chỗ văn bản ghi.`,
        );
      }
    }
  }
  return errors;
}

/** Each correction says what a cited document says (`source` among their figures) and what the entry says instead. */
export function checkCorrections(collections: Collections): string[] {
  const keys = documentKeys(
    (collections['documents'] ?? []).map((d) => ({ id: d.id, figures: (d.data['figures'] ?? []) as FigureData[] })),
  );
  const qaById = new Map((collections['qa'] ?? []).map((q) => [q.id, q.data]));
  const errors: string[] = [];
  for (const collection of ['qa', 'explainers', 'topics', 'audio'] as const) {
    for (const entry of collections[collection] ?? []) {
      const cited = citedBy(collection, entry.data, qaById);
      const allowed = new Set(cited.flatMap((id) => [...(keys.get(id) ?? [])]));
      for (const [i, c] of ((entry.data['corrections'] ?? []) as Correction[]).entries()) {
        const file = where(collection, entry);
        const source = correctionKeys(c.source);
        const page = correctionKeys(c.page);
        if (source.length !== 1) {
          errors.push(
            `${file}: trường "corrections[${i}].source": ghi đúng một con số hay ngày tháng như văn bản viết.`,
          );
        } else if (!allowed.has(source[0]!)) {
          errors.push(
            `${file}: trường "corrections[${i}].source": "${c.source}" không có trong số liệu của văn bản được trích (${cited.join(', ')}).`,
          );
        }
        if (page.length !== 1) {
          errors.push(`${file}: trường "corrections[${i}].page": ghi đúng một con số hay ngày tháng như trang viết.`);
        }
      }
    }
  }
  return errors;
}

/** Recordings on offer: all but the machine readings a person has re-recorded (src/lib/recordings.ts). A recording
 * reads the Q&A it names in `qa` and those that name it in `audio`. */
function onOffer(collections: Collections): Entry[] {
  const audio = collections['audio'] ?? [];
  const reads = new Map(audio.map((r) => [r.id, new Set(((r.data['qa'] as unknown[]) ?? []).map(refId))]));
  for (const q of collections['qa'] ?? []) {
    if (q.data['audio'] !== undefined) reads.get(refId(q.data['audio']))?.add(q.id);
  }
  const replaced = replacedReadings(
    audio.map((r) => ({
      id: r.id,
      lang: refId(r.data['lang']),
      machineRead: r.data['machineRead'] === true,
      qa: [...(reads.get(r.id) ?? [])],
    })),
  );
  return audio.filter((r) => !replaced.has(r.id));
}

/** All checks for the site's collections. `fileExists` resolves an audio `file` relative to content/audio/. */
export function validateSite(collections: Collections, fileExists: (relative: string) => boolean): string[] {
  const byTopicLang = (e: Entry) => `${refId(e.data['topic'])} ${refId(e.data['lang'])}`;
  const byTopic = (e: Entry) => refId(e.data['topic']);
  const errors = [
    ...checkReferences(collections),
    ...checkUniqueOrder(
      'topics',
      collections['topics'] ?? [],
      () => '',
      () => 'giữa các chủ đề',
    ),
    ...checkUniqueOrder('qa', collections['qa'] ?? [], byTopicLang, (g) => `cùng chủ đề và ngôn ngữ: ${g}`),
    ...checkUniqueOrder('explainers', collections['explainers'] ?? [], byTopic, (g) => `cùng chủ đề ${g}`),
    // A machine reading a person has re-recorded is no longer on the site: its number may be taken again.
    ...checkUniqueOrder('audio', onOffer(collections), byTopicLang, (g) => `cùng chủ đề và ngôn ngữ: ${g}`),
    ...checkTranslations(
      (collections['qa'] ?? []).map((e) => ({
        id: e.id,
        where: where('qa', e),
        lang: refId(e.data['lang']),
        topic: refId(e.data['topic']),
        translationOf: e.data['translationOf'] === undefined ? undefined : refId(e.data['translationOf']),
        translator: e.data['translator'] as string | undefined,
      })),
    ),
    ...checkDocuments(collections['documents'] ?? []),
    ...checkCorrections(collections),
  ];
  for (const entry of collections['audio'] ?? []) {
    const file = String(entry.data['file']);
    if (!fileExists(file)) {
      errors.push(
        `${where('audio', entry)}: trường "file": không tìm thấy tệp ghi âm "${file}" (đường dẫn tính từ content/audio/).`,
      );
    }
  }
  return errors;
}

/** The id Astro gives a content file: its path inside the collection folder without the extension. */
export const idFromPath = (entry: string) => entry.replace(/\.[^./]+$/, '');

/** Files of one collection folder that would get the same id (e.g. `a.md` beside `a.mdx`). Astro keeps only one of
 * them, silently when their contents are equal, so we refuse both. */
export function duplicateIds(folder: string, files: string[]): string[] {
  const byId = new Map<string, string[]>();
  for (const file of files) byId.set(idFromPath(file), [...(byId.get(idFromPath(file)) ?? []), file]);
  return [...byId.entries()]
    .filter(([, same]) => same.length > 1)
    .map(
      ([id, same]) =>
        `${same.map((f) => `${folder}${f}`).join(' và ')}: trùng mã "${id}" (mã lấy từ tên tệp). Đổi tên hoặc xoá bớt một tệp.`,
    );
}
