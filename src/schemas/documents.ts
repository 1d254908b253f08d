import { z } from 'astro/zod';
import { day } from './common';

/** A legal or administrative document cited by the seeds (content/documents/<id>.yaml). */
export const documentSchema = z.strictObject({
  /** Official number and symbol, e.g. "1719/QĐ-TTg". Omit for a seed letter whose number is blank. */
  number: z.string().min(1).optional(),
  /** Kind of document as written in Vietnamese: "Quyết định", "Công văn", "Thông tư", "Kế hoạch", "Công điện", "Luật", "Nghị quyết"… */
  kind: z.string().min(1),
  /** Date of issue (YYYY-MM-DD), when the seed gives the full date. */
  date: day.optional(),
  /** Year of issue; required so every document can be dated even when the day is blank. */
  year: z.number().int().min(1945).max(2100),
  /** The issuing body, e.g. "Thủ tướng Chính phủ". */
  issuer: z.string().min(1),
  /** Title (trích yếu) as the seed gives it. */
  title: z.string().min(1),
  /** Which seed documents mention it ("000"–"004"), for checking the citation. */
  seeds: z.array(z.string().regex(/^\d{3}$/)).min(1),
});
