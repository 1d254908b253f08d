/** Audio for every recording in content/audio/, read from the real MP3 at build time: metadata, loudness, true peak
 * and the phone copy. Results are cached by SHA-256 under node_modules/.cache/loa-ban/audio/ (LOA_BAN_AUDIO_CACHE
 * moves it), so an unchanged file is never decoded twice. A file that is not a complete MP3 fails the build with a
 * message naming the entry and its `file` field; loudness outside EBU R128 is a warning naming the file.
 * Pages, the player and the station endpoints all read from here: one way for audio data to flow. */
import { readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { contentDir } from '../lib/paths';
import { m3u, manifestCsv, manifestJson, rss, type ManifestRow } from '../lib/audio/feeds';
import { sha256 } from '../lib/audio/hash';
import { loudnessProblems } from '../lib/audio/loudness';
import { recordingBaseName } from '../lib/audio/names';
import { processMany } from '../lib/audio/pool';
import type { AudioAnalysis } from '../lib/audio/process';
import { transcriptText } from '../lib/audio/transcript';
import { audioUrls } from '../lib/audio/urls';
import { zipBundle } from '../lib/audio/zip';
import { absolute, urls } from '../lib/urls';
import { ContentError, getSite, type Language, type Recording, type Topic } from './site';

export const audioCacheDir = resolve(process.env['LOA_BAN_AUDIO_CACHE'] ?? 'node_modules/.cache/loa-ban/audio');

export interface RecordingAudio {
  recording: Recording;
  topic: Topic;
  language: Language;
  /** Entry file as editors know it, e.g. "content/audio/dieu-tra-01-vi.md". */
  entry: string;
  /** The original MP3 as committed. */
  original: Uint8Array;
  /** The phone copy (mono, ~32 kbit/s, -16 LUFS). */
  dataSaver: Uint8Array;
  analysis: AudioAnalysis;
  /** Download name without extension: topic, number, language. */
  baseName: string;
  /** What is said, as plain UTF-8 text. */
  transcript: string;
  /** Broadcast loudness problems (empty when compliant), Vietnamese. */
  problems: string[];
}

/** "content/audio/<file>.md" as editors know it, also when tests point LOA_BAN_CONTENT at a copy elsewhere. */
const entryPath = (r: Recording) =>
  r.filePath ? `content/audio/${relative(join(contentDir, 'audio'), resolve(r.filePath)).replaceAll('\\', '/')}` : `content/audio/${r.id}.md`;

/** The worker thread file, resolved from the project root like content/ (this module is bundled by the build). */
const workerFile = resolve('src/lib/audio/worker.ts');

async function load(): Promise<RecordingAudio[]> {
  const site = await getSite();
  const errors: string[] = [];
  const out: RecordingAudio[] = [];
  const field = (r: Recording) => `trường "file" ("${r.data.file}")`;
  const read: { recording: Recording; bytes: Uint8Array }[] = [];
  for (const recording of site.audio) {
    try {
      read.push({ recording, bytes: new Uint8Array(await readFile(join(contentDir, 'audio', recording.data.file))) });
    } catch {
      errors.push(`${entryPath(recording)}: ${field(recording)}: không đọc được tệp ghi âm (đường dẫn tính từ content/audio/).`);
    }
  }
  // Decoding and encoding are CPU-bound: new files are shared among worker threads; cached ones are read here.
  const outcomes = await processMany(read.map((r) => r.bytes), audioCacheDir, { workerFile });
  for (const [i, { recording, bytes: original }] of read.entries()) {
    const outcome = outcomes[i]!;
    if (!outcome.ok) {
      errors.push(`${entryPath(recording)}: ${field(recording)}: ${outcome.error.message}.`);
      continue;
    }
    const { analysis, dataSaver } = outcome.value;
    const topic = site.topic(recording.data.topic.id);
    const language = site.language(recording.data.lang.id);
    const problems =
      analysis.loudness === null || analysis.truePeak === null
        ? ['tệp im lặng: không đo được độ lớn']
        : loudnessProblems({ integrated: analysis.loudness, truePeak: analysis.truePeak });
    out.push({
      recording,
      topic,
      language,
      entry: entryPath(recording),
      original,
      dataSaver,
      analysis,
      baseName: recordingBaseName({ topic: topic.id, order: recording.data.order, languageSlug: language.data.slug }),
      transcript: transcriptText(recording.body ?? ''),
      problems,
    });
  }
  if (errors.length > 0) {
    throw new ContentError(`Tệp ghi âm có ${errors.length} lỗi, cần sửa trước khi dựng trang:\n- ${errors.join('\n- ')}`);
  }
  for (const a of out) {
    for (const p of a.problems) console.warn(`[loa-ban] Cảnh báo âm lượng: ${a.entry}, tệp "${a.recording.data.file}": ${p}.`);
  }
  return out;
}

let cached: Promise<RecordingAudio[]> | undefined;

/** Every recording with its audio, in site order (topic, language, number). Loaded once per build. */
export function getAudio(): Promise<RecordingAudio[]> {
  cached ??= load();
  return cached;
}

/** One recording's audio by entry id. */
export async function audioFor(id: string): Promise<RecordingAudio> {
  const found = (await getAudio()).find((a) => a.recording.id === id);
  if (!found) throw new ContentError(`Không có bản nghe "${id}".`);
  return found;
}

/** Recordings in one language (by language id), in site order. */
export async function audioInLanguage(languageId: string): Promise<RecordingAudio[]> {
  return (await getAudio()).filter((a) => a.language.id === languageId);
}

/** The language's podcast feed: originals as enclosures (exact byte length), the page URL as a stable guid. */
export async function languageFeed(languageId: string, site: URL): Promise<string> {
  const { settings, language } = await getSite().then((s) => ({ settings: s.settings, language: s.language(languageId) }));
  const list = await audioInLanguage(languageId);
  const abs = (path: string) => absolute(path, site);
  return rss({
    title: `${settings.siteName}: bản nghe ${language.data.name.replace(/^Tiếng /, 'tiếng ')}`,
    link: abs(audioUrls.station(language.data.slug)),
    feedUrl: abs(audioUrls.feed(language.data.slug)),
    description: `Hỏi đáp về chính sách bằng ${language.data.name.toLowerCase()}, bản gốc để phát trên đài và loa truyền thanh. ${settings.issuer}.`,
    language: language.id,
    author: settings.issuer,
    category: 'Government',
    items: list.map((a) => ({
      title: a.recording.data.title + (a.recording.data.machineRead ? ' (bản đọc máy)' : ''),
      guid: abs(urls.audio(a.recording.id)),
      link: abs(urls.audio(a.recording.id)),
      description: a.transcript.trim(),
      published: a.recording.data.recorded,
      enclosure: { url: abs(audioUrls.original(a.recording.id)), bytes: a.original.length, type: 'audio/mpeg' },
      duration: a.analysis.metadata.duration,
      transcript: { url: abs(audioUrls.transcript(a.recording.id)), type: 'text/plain', language: language.id },
    })),
  });
}

/** The language's M3U playlist of originals. */
export async function languagePlaylist(languageId: string, site: URL): Promise<string> {
  return m3u(
    (await audioInLanguage(languageId)).map((a) => ({
      title: a.recording.data.title,
      url: absolute(audioUrls.original(a.recording.id), site),
      duration: a.analysis.metadata.duration,
    })),
  );
}

/** Every transcript of the language in one text file, each under its title and file name. */
export async function languageTranscripts(languageId: string): Promise<string> {
  return (await audioInLanguage(languageId))
    .map((a) => `${a.recording.data.title}\n(${a.baseName}.mp3)\n\n${a.transcript.trim()}\n`)
    .join('\n----------\n\n');
}

/** The files of a language's bundle, with the manifest rows that describe them. */
export async function languageBundleFiles(languageId: string): Promise<{ files: { name: string; bytes: Uint8Array }[]; rows: ManifestRow[] }> {
  const text = new TextEncoder();
  const files: { name: string; bytes: Uint8Array }[] = [];
  const rows: ManifestRow[] = [];
  for (const a of await audioInLanguage(languageId)) {
    const base = { language: a.language.id, topic: a.topic.id, title: a.recording.data.title };
    const transcript = text.encode(a.transcript);
    files.push({ name: `${a.baseName}.mp3`, bytes: a.original }, { name: `${a.baseName}.txt`, bytes: transcript });
    rows.push(
      { file: `${a.baseName}.mp3`, ...base, duration: Math.round(a.analysis.metadata.duration * 100) / 100, bytes: a.original.length, sha256: a.analysis.sha256 },
      { file: `${a.baseName}.txt`, ...base, duration: null, bytes: transcript.length, sha256: sha256(transcript) },
    );
  }
  return { files, rows };
}

/** ZIP for stations: original MP3s, UTF-8 transcripts, manifest.csv and manifest.json with SHA-256 of each file. */
export async function languageBundle(languageId: string, site: URL): Promise<Uint8Array> {
  const s = await getSite();
  const language = s.language(languageId);
  const { files, rows } = await languageBundleFiles(languageId);
  const text = new TextEncoder();
  const meta = { title: `${s.settings.siteName}: bản nghe ${language.data.name}`, language: language.id, site: site.href };
  // The newest recording date stamps every entry, so an unchanged bundle stays byte-identical.
  const list = await audioInLanguage(languageId);
  const mtime = new Date(Math.max(Date.UTC(2020, 0, 1), ...list.map((a) => a.recording.data.recorded.getTime())));
  return zipBundle(
    [...files, { name: 'manifest.csv', bytes: text.encode(manifestCsv(rows)) }, { name: 'manifest.json', bytes: text.encode(manifestJson(meta, rows)) }],
    mtime,
  );
}
