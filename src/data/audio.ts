/** Audio for every recording in content/audio/, read from the real MP3 at build time: metadata, loudness, true peak
 * and the phone copy. Results are cached by SHA-256 under node_modules/.cache/loa-ban/audio/ (LOA_BAN_AUDIO_CACHE
 * moves it), so an unchanged file is never decoded twice. A file that is not a complete MP3 fails the build with a
 * message naming the entry and its `file` field; loudness outside EBU R128 is a warning naming the file.
 * Pages, the player and the station outputs (src/data/station.ts) all read from here: one way for audio data to flow. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cacheDir, contentDir, fromRoot, shownPath } from '../lib/paths';
import { loudnessProblems } from '../lib/audio/loudness';
import { recordingBaseName } from '../lib/audio/names';
import { processMany } from '../lib/audio/pool';
import type { AudioAnalysis } from '../lib/audio/process';
import { transcriptText } from '../lib/audio/transcript';
import { ContentError, getSite, type Language, type Recording, type Topic } from './site';

export const audioCacheDir = fromRoot(process.env['LOA_BAN_AUDIO_CACHE'] ?? join(cacheDir, 'audio'));

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
const entryPath = (r: Recording) => (r.filePath ? shownPath(r.filePath) : `content/audio/${r.id}.md`);

/** The worker thread file, resolved from the project root (this module is bundled by the build). */
const workerFile = fromRoot('src/lib/audio/worker.ts');

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
      errors.push(
        `${entryPath(recording)}: ${field(recording)}: không đọc được tệp ghi âm (đường dẫn tính từ content/audio/).`,
      );
    }
  }
  // Decoding and encoding are CPU-bound: new files are shared among worker threads; cached ones are read here.
  const outcomes = await processMany(
    read.map((r) => r.bytes),
    audioCacheDir,
    { workerFile },
  );
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
    throw new ContentError(
      `Tệp ghi âm có ${errors.length} lỗi, cần sửa trước khi dựng trang:\n- ${errors.join('\n- ')}`,
    );
  }
  for (const a of out) {
    for (const p of a.problems)
      console.warn(`[loa-ban] Cảnh báo âm lượng: ${a.entry}, tệp "${a.recording.data.file}": ${p}.`);
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
