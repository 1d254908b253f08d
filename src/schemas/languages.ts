import { z } from 'astro/zod';
import { notes } from './common';

/** A language the site carries (content/languages/<code>.yaml). The file name is the BCP 47 code used in `lang`
 * attributes: a two-letter code where one exists (vi, km), otherwise ISO 639-3 (tyz, nut, hmn, ium). */
export const languageSchema = z.strictObject({
  name: z.string().min(1).describe('Tên bằng tiếng Việt, ví dụ "Tiếng Tày".'),
  nativeName: z.string().min(1).describe('Tên trong chính tiếng đó, do người biết tiếng viết.'),
  script: z.enum(['Latn', 'Khmr']).describe('Chữ viết: Latn (chữ La-tinh) hoặc Khmr (chữ Khmer).'),
  slug: z
    .string()
    .regex(/^[a-z0-9-]+$/, 'chỉ dùng chữ thường không dấu, số và dấu gạch ngang')
    .describe('Đường dẫn không dấu: /ngon-ngu/<slug>/.'),
  order: z.number().int().positive().describe('Vị trí trong danh sách (1 là đầu tiên).'),
  notes: notes.describe('Ghi chú cho người biên tập. Không hiện trên trang.'),
});
