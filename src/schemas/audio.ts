import { z } from 'astro/zod';
import { reference } from 'astro:content';
import { corrections, day, lang, notes, order, topic } from './common';

/** One MP3 recording (content/audio/<id>.md). The body is the transcript, in the spoken language.
 * Duration, size and loudness are read from the file at build time, never typed here. */
export const audioSchema = z.strictObject({
  /** Title of the recording. */
  title: z.string().min(1),
  /** The spoken language. */
  lang,
  /** The campaign. */
  topic,
  /** Number within the topic and language (used in the download file name). */
  order,
  /** The Q&A entries this recording reads out. Their `sources` are the documents the transcript's figures are checked
   * against, and their corrections apply to it too. */
  qa: z.array(reference('qa')).default([]),
  /** The MP3 file, relative to content/audio/ (e.g. "files/dieu-tra-01-vi.mp3"). */
  file: z.string().regex(/\.mp3$/i, 'tệp ghi âm phải có đuôi .mp3'),
  /** Who speaks, or "espeak-ng" for a machine reading. */
  speaker: z.string().min(1),
  /** Who produced it (radio station, commune, project). */
  producer: z.string().min(1),
  /** Date recorded (YYYY-MM-DD). */
  recorded: day,
  /** True for a synthesised reading ("bản đọc máy"), shown on the page until a human recording replaces it. */
  machineRead: z.boolean().default(false),
  /** Deliberate differences from the sources beyond those of the Q&A it reads, each shown as an editor's note. */
  corrections,
  /** Editors' note, never shown to residents. */
  notes,
});
