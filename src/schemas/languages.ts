import { z } from 'astro/zod';
import { notes } from './common';

/** A language the site carries (content/languages/<code>.yaml). The file name is the BCP 47 code used in `lang`
 * attributes: a two-letter code where one exists (vi, km), otherwise ISO 639-3 (tyz, nut, hmn, ium). */
export const languageSchema = z.strictObject({
  /** Name in Vietnamese, e.g. "Tiếng Tày". */
  name: z.string().min(1),
  /** Name in the language itself, e.g. "ភាសាខ្មែរ". */
  nativeName: z.string().min(1),
  /** ISO 15924 script: Latn or Khmr. Search keeps non-Latin scripts exact. */
  script: z.enum(['Latn', 'Khmr']),
  /** URL segment without tone marks: /ngon-ngu/<slug>/. */
  slug: z.string().regex(/^[a-z0-9-]+$/, 'chỉ dùng chữ thường không dấu, số và dấu gạch ngang'),
  /** Position in lists (1 = first). */
  order: z.number().int().positive(),
  /** Editors' note, never shown to residents. */
  notes,
});
