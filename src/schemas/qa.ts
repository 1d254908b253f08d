import { z } from 'astro/zod';
import { reference } from 'astro:content';
import { corrections, day, lang, notes, order, sources, topic } from './common';

/** One question and its answer (content/qa/<topic>/<slug>.md). The body is the answer.
 * The id (folder/file name) is the URL /hoi-dap/<id>/, printed in QR codes: never rename a published file. */
export const qaSchema = z.strictObject({
  /** The question, as a resident would ask it. */
  question: z.string().min(5),
  /** The campaign it belongs to. */
  topic,
  /** Language of question and answer. */
  lang: lang.default({ collection: 'languages', id: 'vi' }),
  /** Position within the topic (1, 2, 3…), unique per topic and language. */
  order,
  /** A recording of this Q&A (id in content/audio/). */
  audio: reference('audio').optional(),
  /** Documents the answer's facts come from. */
  sources,
  /** Date the answer was last checked (YYYY-MM-DD). */
  updated: day,
  /** Deliberate differences from the sources, each shown to readers as a short editor's note. */
  corrections,
  /** Editors' note, never shown to residents. */
  notes,
});
