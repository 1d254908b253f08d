/** Cross-entry checks Astro's schemas cannot make: references that point nowhere, duplicate `order`, missing
 * MP3 files. Pure: takes plain entries, returns messages that name the file and the field in plain Vietnamese. */

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
    ...checkUniqueOrder('audio', collections['audio'] ?? [], byTopicLang, (g) => `cùng chủ đề và ngôn ngữ: ${g}`),
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
