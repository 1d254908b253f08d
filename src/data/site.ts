/** The only module that calls getCollection(). Loads every collection once per build, runs the cross-entry
 * checks and fails the build on the first inconsistent content, so no page is built from broken data. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { contentDir, shownPath } from '../lib/paths';
import { replacedReadings } from '../lib/recordings';
import { validateSite, type Collections } from '../lib/validate';

export type Topic = CollectionEntry<'topics'>;
export type Qa = CollectionEntry<'qa'>;
export type Explainer = CollectionEntry<'explainers'>;
export type Recording = CollectionEntry<'audio'>;
export type Doc = CollectionEntry<'documents'>;
export type Language = CollectionEntry<'languages'>;
export type Settings = CollectionEntry<'settings'>['data'];

export interface Site {
  settings: Settings;
  /** Topics by `order`. */
  topics: Topic[];
  /** Q&A by topic order, then language order, then `order`. */
  qa: Qa[];
  explainers: Explainer[];
  /** Recordings on offer: a machine reading a person has re-recorded in its language is left out. */
  audio: Recording[];
  /** Documents, newest first. */
  documents: Doc[];
  languages: Language[];
  topic: (id: string) => Topic;
  language: (id: string) => Language;
  document: (id: string) => Doc;
  qaEntry: (id: string) => Qa;
  recording: (id: string) => Recording;
  /** Q&A of a topic, in order (precomputed: pages ask once per entry, and a scan per page is quadratic at scale). */
  qaOfTopic: (topicId: string) => Qa[];
  /** Recordings of a Q&A: a recording belongs to it when either side names the other. */
  recordingsOf: (qaId: string) => Recording[];
  /** The Q&A a recording reads, in site order. */
  qaOfRecording: (recordingId: string) => Qa[];
}

/** Thrown for content mistakes; its message lists every problem found, one per line. */
export class ContentError extends Error {
  override name = 'ContentError';
}

const byId = <T extends { id: string }>(entries: T[], what: string) => {
  const map = new Map(entries.map((e) => [e.id, e]));
  return (id: string): T => {
    const found = map.get(id);
    if (!found) throw new ContentError(`Không có ${what} "${id}".`);
    return found;
  };
};

/** An MP3 counts as present only when it is a non-empty file; empty files are a common upload accident. */
const audioFileExists = (relative: string) => {
  const path = join(contentDir, 'audio', relative);
  return existsSync(path) && statSync(path).isFile() && statSync(path).size > 0;
};

async function load(): Promise<Site> {
  const [topics, qa, explainers, audio, documents, languages, settings] = await Promise.all([
    getCollection('topics'),
    getCollection('qa'),
    getCollection('explainers'),
    getCollection('audio'),
    getCollection('documents'),
    getCollection('languages'),
    getCollection('settings'),
  ]);
  // Messages name files the way editors see them ("content/qa/…"), wherever the content folder really is.
  const shown = (entries: { id: string; filePath?: string | undefined; data: unknown }[]) =>
    entries.map((e) => ({ ...e, filePath: e.filePath && shownPath(e.filePath) }));
  const errors = validateSite(
    Object.fromEntries(
      Object.entries({ topics, qa, explainers, audio, documents, languages }).map(([k, v]) => [k, shown(v)]),
    ) as Collections,
    audioFileExists,
  );
  const site = settings.find((s) => s.id === 'site');
  if (!site) errors.push('content/settings.yaml: thiếu mục "site" (tên trang, cơ quan phụ trách, tỉnh).');
  if (errors.length > 0) {
    throw new ContentError(`Nội dung có ${errors.length} lỗi, cần sửa trước khi dựng trang:\n- ${errors.join('\n- ')}`);
  }

  const topicOrder = new Map(topics.map((t) => [t.id, t.data.order]));
  const langOrder = new Map(languages.map((l) => [l.id, l.data.order]));
  const inTopic = (a: Qa | Recording | Explainer, b: Qa | Recording | Explainer) =>
    topicOrder.get(a.data.topic.id)! - topicOrder.get(b.data.topic.id)!;
  const inLang = (a: Qa | Recording, b: Qa | Recording) =>
    langOrder.get(a.data.lang.id)! - langOrder.get(b.data.lang.id)!;

  topics.sort((a, b) => a.data.order - b.data.order);
  languages.sort((a, b) => a.data.order - b.data.order);
  qa.sort((a, b) => inTopic(a, b) || inLang(a, b) || a.data.order - b.data.order);
  audio.sort((a, b) => inTopic(a, b) || inLang(a, b) || a.data.order - b.data.order);
  explainers.sort((a, b) => inTopic(a, b) || a.data.order - b.data.order);
  documents.sort((a, b) => b.data.year - a.data.year || (b.data.date?.getTime() ?? 0) - (a.data.date?.getTime() ?? 0));

  const group = <K, V>(pairs: [K, V][]) => {
    const map = new Map<K, V[]>();
    for (const [k, v] of pairs) map.set(k, [...(map.get(k) ?? []), v]);
    return (k: K) => map.get(k) ?? [];
  };
  // Pairs (qa, recording) named from either side, once each.
  const links = new Map<string, [Qa, Recording]>();
  const qaById = new Map(qa.map((q) => [q.id, q]));
  for (const recording of audio) {
    for (const ref of recording.data.qa) links.set(`${ref.id} ${recording.id}`, [qaById.get(ref.id)!, recording]);
  }
  for (const q of qa) {
    const named = q.data.audio && audio.find((a) => a.id === q.data.audio!.id);
    if (named) links.set(`${q.id} ${named.id}`, [q, named]);
  }
  const qaOrder = new Map(qa.map((q, i) => [q.id, i]));
  // A machine reading a person has re-recorded leaves every page, feed, playlist and bundle (its files stay).
  const read = group([...links.values()].map(([q, r]) => [r.id, q.id]));
  const replaced = replacedReadings(
    audio.map((r) => ({ id: r.id, lang: r.data.lang.id, machineRead: r.data.machineRead, qa: read(r.id) })),
  );
  const current = audio.filter((r) => !replaced.has(r.id));
  const pairs = [...links.values()]
    .filter(([, r]) => !replaced.has(r.id))
    .sort(([a], [b]) => qaOrder.get(a.id)! - qaOrder.get(b.id)!);

  return {
    settings: site!.data,
    topics,
    qa,
    explainers,
    audio: current,
    documents,
    languages,
    topic: byId(topics, 'chủ đề'),
    language: byId(languages, 'ngôn ngữ'),
    document: byId(documents, 'văn bản'),
    qaEntry: byId(qa, 'câu hỏi'),
    recording: byId(current, 'bản nghe'),
    qaOfTopic: group(qa.map((q) => [q.data.topic.id, q])),
    recordingsOf: group(pairs.map(([q, r]) => [q.id, r])),
    qaOfRecording: group(pairs.map(([q, r]) => [r.id, q])),
  };
}

let cached: Promise<Site> | undefined;

/** The whole validated site, loaded once per build. */
export function getSite(): Promise<Site> {
  cached ??= load();
  return cached;
}

/** getStaticPaths for pages with one page per topic (`[topic]`): topic pages, audio and print views. */
export async function topicPaths() {
  return (await getSite()).topics.map((topic) => ({ params: { topic: topic.id }, props: { topic } }));
}

/** getStaticPaths for pages with one page per language (`[slug]`). */
export async function languagePaths() {
  return (await getSite()).languages.map((language) => ({ params: { slug: language.data.slug }, props: { language } }));
}
