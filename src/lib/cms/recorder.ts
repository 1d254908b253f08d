/** The phone recorder's pure parts: the entry it writes for a recording, and its names and numbers. */
import yaml from 'js-yaml';
import { mp3FileName, nextOrder, slugify } from './upload';

export interface RecorderLists {
  topics: { id: string; title: string }[];
  qa: { id: string; question: string; topic: string; lang: string }[];
  languages: { id: string; name: string }[];
}

export interface NewRecording {
  qa: { id: string; question: string; topic: string };
  lang: string;
  speaker: string;
  producer: string;
  transcript: string;
  at: Date;
}

/** Front matter and body of an existing entry file (`---` YAML `---` body). */
export function parseEntry(text: string): { data: Record<string, unknown>; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!match) return { data: {}, body: text };
  return { data: (yaml.load(match[1]!) as Record<string, unknown>) ?? {}, body: match[2]! };
}

/** Ids and `order` values of the recordings already in content/audio/, to number and name a new one. */
export interface ExistingRecording {
  id: string;
  topic: unknown;
  lang: unknown;
  order: unknown;
}

/** The entry file and MP3 path for a new human recording, numbered after the recordings of its topic and language. */
export function recordingEntry(
  rec: NewRecording,
  existing: ExistingRecording[],
): { id: string; path: string; mp3: string; raw: string } {
  const base = `${rec.qa.id.split('/').at(-1)}-${rec.lang}-${rec.at.toISOString().slice(0, 10).replace(/-/g, '')}`;
  const taken = new Set(existing.map((e) => e.id));
  let id = slugify(base);
  for (let n = 2; taken.has(id); n++) id = `${slugify(base)}-${n}`;
  const mp3 = mp3FileName(`${rec.qa.id.split('/').at(-1)}-${rec.lang}`, rec.at);
  const order = nextOrder(existing.filter((e) => e.topic === rec.qa.topic && e.lang === rec.lang).map((e) => e.order));
  const data = {
    title: rec.qa.question,
    lang: rec.lang,
    topic: rec.qa.topic,
    order,
    qa: [rec.qa.id],
    file: `files/${mp3}`,
    speaker: rec.speaker.trim(),
    producer: rec.producer.trim(),
    recorded: rec.at.toISOString().slice(0, 10),
    machineRead: false,
  };
  const raw = `---\n${yaml.dump(data, { lineWidth: -1 })}---\n\n${rec.transcript.trim()}\n`;
  return { id, path: `content/audio/${id}.md`, mp3, raw };
}
