/** What stations download, per language: the podcast feed, the M3U playlist, all transcripts in one file and the ZIP
 * bundle with its checksummed manifest. Built from the measured audio in src/data/audio.ts. */
import { sha256 } from '../lib/audio/hash';
import { m3u, manifestCsv, manifestJson, rss, type ManifestRow } from '../lib/station/feeds';
import { zipBundle } from '../lib/station/zip';
import { absolute, audioUrls, urls } from '../lib/urls';
import { audioInLanguage } from './audio';
import { getSite } from './site';

/** The language's podcast feed: originals as enclosures (exact byte length), the page URL as a stable guid. */
export async function languageFeed(languageId: string, site: URL): Promise<string> {
  const { settings, publisher, language } = await getSite().then((s) => ({
    settings: s.settings,
    publisher: s.publisher,
    language: s.language(languageId),
  }));
  const list = await audioInLanguage(languageId);
  const abs = (path: string) => absolute(path, site);
  return rss({
    title: `${settings.siteName}: bản nghe ${language.data.name.replace(/^Tiếng /, 'tiếng ')}`,
    link: abs(audioUrls.station(language.data.slug)),
    feedUrl: abs(audioUrls.feed(language.data.slug)),
    description: `Hỏi đáp về chính sách bằng ${language.data.name.toLowerCase()}, bản gốc để phát trên đài và loa truyền thanh. ${publisher}.`,
    language: language.id,
    author: publisher,
    category: 'Government',
    items: list.map((a) => ({
      title: a.recording.data.title + (a.recording.data.machineRead ? ' (bản đọc máy)' : ''),
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
export async function languageBundleFiles(
  languageId: string,
): Promise<{ files: { name: string; bytes: Uint8Array }[]; rows: ManifestRow[] }> {
  const text = new TextEncoder();
  const files: { name: string; bytes: Uint8Array }[] = [];
  const rows: ManifestRow[] = [];
  for (const a of await audioInLanguage(languageId)) {
    const base = { language: a.language.id, topic: a.topic.id, title: a.recording.data.title };
    const transcript = text.encode(a.transcript);
    files.push({ name: `${a.baseName}.mp3`, bytes: a.original }, { name: `${a.baseName}.txt`, bytes: transcript });
    rows.push(
      {
        file: `${a.baseName}.mp3`,
        ...base,
        duration: Math.round(a.analysis.metadata.duration * 100) / 100,
        bytes: a.original.length,
        sha256: a.analysis.sha256,
      },
      { file: `${a.baseName}.txt`, ...base, duration: null, bytes: transcript.length, sha256: sha256(transcript) },
    );
  }
  return { files, rows };
}

const bundles = new Map<string, Promise<Uint8Array>>();

/** ZIP for stations: original MP3s, UTF-8 transcripts, manifest.csv and manifest.json with SHA-256 of each file. Made
 * once per language and build: the station page states its size and the endpoint serves it. */
export function languageBundle(languageId: string, site: URL): Promise<Uint8Array> {
  const key = `${languageId} ${site.href}`;
  if (!bundles.has(key)) bundles.set(key, makeBundle(languageId, site));
  return bundles.get(key)!;
}

async function makeBundle(languageId: string, site: URL): Promise<Uint8Array> {
  const s = await getSite();
  const language = s.language(languageId);
  const { files, rows } = await languageBundleFiles(languageId);
  const text = new TextEncoder();
  const meta = {
    title: `${s.settings.siteName}: bản nghe ${language.data.name}`,
    language: language.id,
    site: site.href,
  };
  // The newest recording date stamps every entry, so an unchanged bundle stays byte-identical.
  const list = await audioInLanguage(languageId);
  const mtime = new Date(Math.max(Date.UTC(2020, 0, 1), ...list.map((a) => a.recording.data.recorded.getTime())));
  return zipBundle(
    [
      ...files,
      { name: 'manifest.csv', bytes: text.encode(manifestCsv(rows)) },
      { name: 'manifest.json', bytes: text.encode(manifestJson(meta, rows)) },
    ],
    mtime,
  );
}
