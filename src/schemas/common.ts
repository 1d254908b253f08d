import { z } from 'astro/zod';
import { reference } from 'astro:content';

/** A calendar date written as YYYY-MM-DD in front matter. */
export const day = z.coerce.date();

/** A list of documents (ids in `content/documents/`) that back the facts of an entry. At least one. */
export const sources = z.array(reference('documents')).min(1, 'cần ít nhất một văn bản nguồn trong "sources"');

/** A language id from `content/languages/` (BCP 47 / ISO 639-3 code, e.g. `vi`, `tyz`, `km`). */
export const lang = reference('languages');

/** A topic id from `content/topics/`. */
export const topic = reference('topics');

/** Position within a topic: 1, 2, 3… Must be unique within the topic (checked in src/lib/validate.ts). */
export const order = z.number().int().positive();
