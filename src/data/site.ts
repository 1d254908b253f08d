/** The only module that calls getCollection(). Loads every collection once per build, runs the cross-entry
 * checks and fails the build on the first inconsistent content, so no page is built from broken data. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checkSiteCitations, CITATION_HINT, textsOf, type SiteEntry } from '../lib/citations';
import { correctionKeys, documentKeys, type Correction } from '../lib/citations';
import { pageNotices, type Notices } from '../lib/notices';
import { BOOKLET_VOLUME_SIZE, pageCount, pageItems, TOPIC_PAGE_SIZE } from '../lib/pagination';
import { contentDir, fromRoot, shownPath } from '../lib/paths';
import { replacedReadings } from '../lib/recordings';
import { longSentenceWarnings } from '../lib/sentences';
import { isProductionSite } from '../lib/site-url';
import { validateSite, type Collections } from '../lib/validate';
import { buildTime } from '../lib/build-time';
import { dayPart, entryPart, listedPart, pageKey } from '../lib/page-key';
import { siteInbox } from '../inbox/config';

export type Topic = CollectionEntry<'topics'>;
export type Qa = CollectionEntry<'qa'>;
export type Explainer = CollectionEntry<'explainers'>;
export type Recording = CollectionEntry<'audio'>;
export type Doc = CollectionEntry<'documents'>;
export type Language = CollectionEntry<'languages'>;
export type Settings = CollectionEntry<'settings'>['data'];

export interface Site {
  settings: Settings;
  /** Who the site's pages, leaflets and feeds say they come from: the configured issuer, else the site name. */
  publisher: string;
  /** Topics by `order`. */
  topics: Topic[];
  /** Q&A by topic order, then language order, then `order`. */
  qa: Qa[];
  explainers: Explainer[];
  /** Recordings on offer: a machine reading a person has re-recorded in its language is left out. */
  audio: Recording[];
  /** Machine readings a person has re-recorded, each with the recording that replaces it: their pages stay (printed QR
   * codes point there) and send the resident on to the person's recording. */
  replacedRecordings: { id: string; title: string; by: Recording }[];
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
  /** The same Q&A in other languages: an original's translations, or a translation's original and the others. */
  versionsOf: (qaId: string) => Qa[];
  /** The next Q&A of the same topic after a Q&A, wrapping round to the topic's start: "more questions" on its page. */
  siblingsOf: (qaId: string) => Qa[];
  /** What any page may show besides Q&A (settings, topics, languages, documents, explainers, recordings and their
   * MP3 files, the inbox settings), as one digest: part of every page's incremental-build key (src/lib/page-key.ts).
   * Explainers count by their data only: no keyed page shows an explainer's text. */
  sharedKey: string;
  /** Recordings of a Q&A: a recording belongs to it when either side names the other. */
  recordingsOf: (qaId: string) => Recording[];
  /** The Q&A a recording reads, in site order. */
  qaOfRecording: (recordingId: string) => Qa[];
  /** The documents an entry rests on: a Q&A's or explainer's `sources`, a topic's `legalBasis`, the sources of the
   * Q&A a recording reads. */
  docsOf: (entry: Citing) => Doc[];
  /** What the page must say about them: another province, a draft, an ended campaign, or the documents' year. */
  noticesOf: (entry: Citing) => Notices;
  /** The corrections shown on an entry's page (a recording shows those of the Q&A it reads too), each with the
   * document that says `source`. */
  correctionsOf: (entry: Citing) => ShownCorrection[];
  /** The entries that cite a document, for its page. */
  citing: (docId: string) => { topics: Topic[]; qa: Qa[]; explainers: Explainer[]; audio: Recording[] };
}

/** An entry that cites documents. */
export type Citing = Topic | Qa | Explainer | Recording;

export interface ShownCorrection extends Correction {
  /** The cited document that says `source`. */
  doc: Doc | undefined;
}

/** Q&A listed under "more questions" on a Q&A page. */
const SIBLINGS = 5;

/** The day of the build: campaigns that ended before it say so. */
const today = buildTime();

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

/** An entry with its file's raw text, which the citation check reads for line numbers. */
const raw = (entries: (Topic | Qa | Explainer | Recording)[]): SiteEntry[] =>
  entries.map((e) => {
    const path = fromRoot(e.filePath!);
    return { id: e.id, file: shownPath(path), raw: readFileSync(path, 'utf8'), body: e.body ?? '', data: e.data };
  });

/** Plain language is the editors' to judge: sentences over 25 words are listed once per build, never refused. Only
 * Vietnamese text (a minority-language Q&A is its speaker's) and not the recordings, which read their Q&A. */
function warnLongSentences(texts: Record<'topics' | 'qa' | 'explainers', SiteEntry[]>) {
  const vietnamese = texts.qa.filter((q) => (q.data['lang'] as { id: string }).id === 'vi');
  const warnings = [
    ...texts.topics.flatMap((e) => longSentenceWarnings(e.file, textsOf('topics', e))),
    ...vietnamese.flatMap((e) => longSentenceWarnings(e.file, textsOf('qa', e))),
    ...texts.explainers.flatMap((e) => longSentenceWarnings(e.file, textsOf('explainers', e))),
  ];
  if (warnings.length > 0) {
    console.warn(
      `Cảnh báo (không chặn việc dựng trang): ${warnings.length} câu dài hơn 25 chữ. Hướng dẫn biên tập khuyên 15–20 chữ một câu; nên tách các câu này:\n- ${warnings.join('\n- ')}`,
    );
  }
}

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
  // Figures are checked once references hold: a citation check over broken references would only repeat them.
  const texts =
    errors.length > 0
      ? undefined
      : { topics: raw(topics), qa: raw(qa), explainers: raw(explainers), audio: raw(audio) };
  const citations = texts ? checkSiteCitations({ ...texts, documents }) : [];
  if (texts && citations.length === 0) warnLongSentences(texts);
  // Who publishes is checked apart from the content's own consistency, so it never hides a citation message.
  const published: string[] = [];
  const siteUrl = import.meta.env.SITE;
  if (site && !site.data.issuer && import.meta.env.PROD && siteUrl && isProductionSite(siteUrl)) {
    published.push(
      `content/settings.yaml: trường "issuer": chưa ghi cơ quan phụ trách trang. Bản dựng chính thức (SITE_URL=${siteUrl}) ` +
        'phải ghi tên cơ quan chịu trách nhiệm về trang, tờ rơi và bản nghe, đúng như cơ quan đó tự gọi mình. ' +
        'Chỉ bản dựng thử (địa chỉ .example, .test, .invalid hoặc localhost) mới được để trống.',
    );
  }
  if (errors.length + citations.length + published.length > 0) {
    const all = [...errors, ...citations, ...published];
    throw new ContentError(
      `Nội dung có ${all.length} lỗi, cần sửa trước khi dựng trang:\n- ${all.join('\n- ')}` +
        (citations.length > 0 ? `\n${CITATION_HINT}` : ''),
    );
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
  const originalOf = (q: Qa) => q.data.translationOf?.id ?? q.id;
  const byOriginal = group(qa.map((q) => [originalOf(q), q]));
  const readBy = group([...links.values()].map(([q, r]) => [r.id, q.id]));
  const replaced = replacedReadings(
    audio.map((r) => ({ id: r.id, lang: r.data.lang.id, machineRead: r.data.machineRead, qa: readBy(r.id) })),
  );
  const current = audio.filter((r) => !replaced.has(r.id));
  const pairs = [...links.values()]
    .filter(([, r]) => !replaced.has(r.id))
    .sort(([a], [b]) => qaOrder.get(a.id)! - qaOrder.get(b.id)!);

  const docById = new Map(documents.map((d) => [d.id, d]));
  const docsOf = (entry: Citing): Doc[] => {
    const ids =
      entry.collection === 'topics'
        ? entry.data.legalBasis.map((r) => r.id)
        : entry.collection === 'audio'
          ? entry.data.qa.flatMap((r) => qaById.get(r.id)!.data.sources.map((s) => s.id))
          : entry.data.sources.map((r) => r.id);
    return [...new Set(ids)].map((id) => docById.get(id)!);
  };
  const topicById = new Map(topics.map((t) => [t.id, t]));
  const keys = documentKeys(documents.map((d) => ({ id: d.id, figures: d.data.figures })));
  const citingDoc = new Map<string, { topics: Topic[]; qa: Qa[]; explainers: Explainer[]; audio: Recording[] }>();
  for (const entry of [...topics, ...qa, ...explainers, ...audio]) {
    for (const doc of docsOf(entry)) {
      const lists = citingDoc.get(doc.id) ?? { topics: [], qa: [], explainers: [], audio: [] };
      (lists[entry.collection] as Citing[]).push(entry);
      citingDoc.set(doc.id, lists);
    }
  }

  const qaOfTopic = group(qa.map((q) => [q.data.topic.id, q]));
  // Each Q&A's place in its topic, found once: its page and its key both ask for the Q&A after it.
  const placeInTopic = new Map(topics.flatMap((t) => qaOfTopic(t.id).map((q, i) => [q.id, i] as const)));
  const mp3 = (r: Recording) => {
    const file = statSync(join(contentDir, 'audio', r.data.file), { throwIfNoEntry: false });
    return file ? [file.size, file.mtimeMs] : null;
  };
  const inbox = siteInbox();

  return {
    docsOf,
    noticesOf: (entry) =>
      pageNotices(
        docsOf(entry).map((d) => ({ id: d.id, ...d.data })),
        site!.data.province,
        (entry.collection === 'topics' ? entry : topicById.get(entry.data.topic.id)!).data.period,
        today,
      ),
    correctionsOf: (entry) => {
      const own = entry.data.corrections;
      const read = entry.collection === 'audio' ? entry.data.qa.flatMap((r) => qaById.get(r.id)!.data.corrections) : [];
      const docs = docsOf(entry);
      return [...own, ...read].map((c) => {
        const source = correctionKeys(c.source)[0];
        return { ...c, doc: docs.find((d) => source !== undefined && keys.get(d.id)?.has(source)) };
      });
    },
    citing: (docId) => citingDoc.get(docId) ?? { topics: [], qa: [], explainers: [], audio: [] },
    settings: site!.data,
    publisher: site!.data.issuer ?? site!.data.siteName,
    topics,
    qa,
    explainers,
    audio: current,
    replacedRecordings: audio
      .filter((r) => replaced.has(r.id))
      .map((r) => ({ id: r.id, title: r.data.title, by: current.find((c) => c.id === replaced.get(r.id))! })),
    documents,
    languages,
    topic: byId(topics, 'chủ đề'),
    language: byId(languages, 'ngôn ngữ'),
    document: byId(documents, 'văn bản'),
    qaEntry: byId(qa, 'câu hỏi'),
    recording: byId(current, 'bản nghe'),
    qaOfTopic,
    siblingsOf: (id) => {
      const inTopic = qaOfTopic(qaById.get(id)!.data.topic.id);
      const at = placeInTopic.get(id)!;
      return [...inTopic.slice(at + 1), ...inTopic.slice(0, at)].slice(0, SIBLINGS);
    },
    sharedKey: pageKey(
      settings.map(entryPart),
      topics.map(entryPart),
      languages.map(entryPart),
      documents.map(entryPart),
      explainers.map((e) => [e.id, e.data]),
      audio.map((r) => [...entryPart(r), mp3(r)]),
      [inbox.enabled, inbox.retentionDays],
      import.meta.env.SITE ?? null,
    ),
    versionsOf: (id) => byOriginal(originalOf(qaById.get(id)!)).filter((q) => q.id !== id),
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

/** getStaticPaths for a topic's later Q&A list pages, /chu-de/<topic>/trang-<n>/ for n >= 2 (page 1 is the topic
 * page): only as many as its Q&A fill (src/lib/pagination.ts). Each page shows the topic, the count and its own
 * questions, which make its incremental-build key. */
export async function topicListPaths() {
  const site = await getSite();
  return site.topics.flatMap((topic) => {
    const qa = site.qaOfTopic(topic.id);
    const pages = pageCount(qa.length, TOPIC_PAGE_SIZE);
    return Array.from({ length: pages - 1 }, (_, i) => ({
      params: { topic: topic.id, n: String(i + 2) },
      props: { topic, page: i + 2, pages },
      cacheKey: pageKey(site.sharedKey, qa.length, pageItems(qa, i + 2, TOPIC_PAGE_SIZE).map(listedPart)),
    }));
  });
}

/** A booklet volume's incremental-build key: its Q&A in full (it prints their answers) with their recordings (the
 * QR codes lead there), the topic's Q&A count (numbering, volume count) and its notices, and the day, which the
 * period and an undated booklet show. */
function bookletKey(site: Site, topic: Topic, volume: number): string {
  const all = site.qaOfTopic(topic.id);
  return pageKey(
    site.sharedKey,
    all.length,
    pageItems(all, volume, BOOKLET_VOLUME_SIZE).map((q) => [...entryPart(q), site.recordingsOf(q.id).map((r) => r.id)]),
    site.noticesOf(topic),
    dayPart(today),
  );
}

/** getStaticPaths for a topic's first booklet volume, /in/<topic>/ (the whole booklet when it fits one volume). */
export async function bookletFirstVolumePaths() {
  const site = await getSite();
  return site.topics.map((topic) => ({
    params: { topic: topic.id },
    props: { topic },
    cacheKey: bookletKey(site, topic, 1),
  }));
}

/** getStaticPaths for a topic's later booklet volumes, /in/<topic>/tap-<n>/ for n >= 2. */
export async function bookletVolumePaths() {
  const site = await getSite();
  return site.topics.flatMap((topic) => {
    const volumes = pageCount(site.qaOfTopic(topic.id).length, BOOKLET_VOLUME_SIZE);
    return Array.from({ length: volumes - 1 }, (_, i) => ({
      params: { topic: topic.id, v: String(i + 2) },
      props: { topic, volume: i + 2 },
      cacheKey: bookletKey(site, topic, i + 2),
    }));
  });
}

/** getStaticPaths for pages with one page per language (`[slug]`). */
export async function languagePaths() {
  return (await getSite()).languages.map((language) => ({ params: { slug: language.data.slug }, props: { language } }));
}
