import { z } from 'astro/zod';
import { reference } from 'astro:content';
import { preciseDateProblem } from '../lib/precise-date';

/** A calendar date written as YYYY-MM-DD in front matter. YAML would quietly turn 2024-02-30 into 1 March: the loader
 * (src/content.config.ts) reads the raw text first and refuses a day that does not exist. */
export const day = z.coerce.date();

/** A date with the precision its source gives: "2021" (a year), "2024-06" (a month) or "2024-06-15" (a day), never
 * padded to a day no source names. Quote it in YAML; an unquoted year or day is accepted and read back as written. */
export const preciseDate = z
  .union([z.string(), z.number().int(), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v)))
  .superRefine((v, ctx) => {
    const problem = preciseDateProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** A list of documents (ids in `content/documents/`) that back the facts of an entry. At least one. */
export const sources = z.array(reference('documents')).min(1, 'cần ít nhất một văn bản nguồn trong "sources"');

/** A language id from `content/languages/` (BCP 47 / ISO 639-3 code, e.g. `vi`, `tyz`, `km`). */
export const lang = reference('languages');

/** A topic id from `content/topics/`. */
export const topic = reference('topics');

/** Position within a topic: 1, 2, 3… Must be unique within the topic (checked in src/lib/validate.ts). */
export const order = z.number().int().positive();

/** Editors' note: where a fact comes from, why a choice was made. For editors only, never shown to residents (the
 * editing app rewrites files and drops YAML comments, so what matters goes here). */
export const notes = z.string().min(1).optional();

/** A deliberate difference from a source, declared so it is never silent: shown to readers as a short editor's note.
 * The citation check accepts `page` on this entry; src/lib/validate.ts checks that `source` is a figure of a cited
 * document and that the entry really states `page`. */
export const correction = z.strictObject({
  source: z.string().min(1).describe('Điều văn bản nguồn ghi, chép đúng như văn bản, ví dụ "15/8/2023".'),
  page: z.string().min(1).describe('Điều trang này ghi thay vào đó, ví dụ "15/8/2024".'),
  why: z.string().min(1).describe('Lý do đính chính, bằng lời dễ hiểu: hiện cho bà con đọc.'),
});

/** The entry's declared corrections (see `correction`). */
export const corrections = z.array(correction).default([]);
