import { z } from 'astro/zod';
import { reference } from 'astro:content';
import { day, notes } from './common';

/** What kind of figure a document states. The citation check matches a page's figure only against figures of the
 * same kind and full value (a date never matches the year inside another date). */
export const figureKinds = ['date', 'year', 'number', 'amount', 'percent', 'phone', 'docnumber'] as const;

/** One figure a document states, so the build can check every figure a page gives against the documents it cites,
 * and a reader holding the official text can find it. */
export const figure = z.strictObject({
  value: z
    .union([z.string().min(1), z.number().transform(String)], {
      error: 'viết giá trị trong dấu ngoặc kép, đúng như văn bản viết (ví dụ "14/10/2021")',
    })
    .describe('Chép đúng như văn bản viết ("14/10/2021", "53", "111", "58/CĐ-TTg"), trong dấu ngoặc kép.'),
  kind: z
    .enum(figureKinds, { error: `loại số liệu phải là một trong: ${figureKinds.join(', ')}` })
    .describe(
      'Loại số liệu: date (ngày, tháng), year (năm), number (số lượng), amount (tiền), percent (phần trăm), phone (số điện thoại), docnumber (số văn bản).',
    ),
  about: z.string().min(1).describe('Số liệu này nói về gì, vài chữ của mình, ví dụ "ngày ban hành quyết định".'),
  where: z.string().min(1).describe('Số liệu nằm ở đâu trong văn bản (mục, đoạn), ví dụ "mục I, đoạn 1".'),
  in: reference('documents')
    .optional()
    .describe('Chỉ cho văn bản không có toàn văn: văn bản (trong "Được nhắc tới trong") ghi số liệu này.'),
});

/** A legal or administrative document the site cites (content/documents/<id>.yaml). Its page is /van-ban/<id>/. */
export const documentSchema = z
  .strictObject({
    number: z
      .string()
      .min(1)
      .optional()
      .describe('Số, ký hiệu chính thức, ví dụ "1719/QĐ-TTg". Để trống nếu văn bản không có số.'),
    kind: z
      .string()
      .min(1)
      .describe('Loại văn bản, viết bằng tiếng Việt: "Quyết định", "Công văn", "Thông tư", "Kế hoạch", "Công điện"…'),
    date: day.optional().describe('Ngày ban hành, chỉ khi văn bản nguồn ghi đủ ngày.'),
    year: z.number().int().min(1945).max(2100).describe('Năm ban hành (bắt buộc, để văn bản nào cũng có năm).'),
    issuer: z.string().min(1).describe('Cơ quan ban hành, ví dụ "Thủ tướng Chính phủ".'),
    province: z
      .string()
      .min(1)
      .optional()
      .describe('Tỉnh của cơ quan ban hành, ví dụ "Sóc Trăng". Để trống nếu là văn bản trung ương.'),
    draft: z.boolean().default(false).describe('Bật nếu là dự thảo: các trang dựa vào văn bản này sẽ ghi rõ.'),
    title: z
      .string()
      .min(1)
      .optional()
      .describe('Trích yếu chính thức, chép đúng như văn bản nguồn viết. Không tự đặt.'),
    about: z.string().min(1).optional().describe('Văn bản này là gì, lời của mình. Bắt buộc khi không có trích yếu.'),
    text: z
      .string()
      .regex(/^\d{3}$/, 'số văn bản nguồn gồm 3 chữ số, ví dụ "003"')
      .optional()
      .describe('Chỉ cho các văn bản nguồn có toàn văn: số thứ tự văn bản nguồn, 3 chữ số ("000" đến "004").'),
    mentionedIn: z
      .array(reference('documents'))
      .default([])
      .describe('Các văn bản (có toàn văn) nhắc đến văn bản này. Bắt buộc khi không có toàn văn.'),
    figures: z
      .array(figure)
      .default([])
      .describe(
        'Mọi số liệu văn bản ghi (ngày tháng, con số, số điện thoại, số văn bản), để máy đối chiếu với các trang.',
      ),
    notes: notes.describe('Ghi chú cho người biên tập (nguồn gốc). Không hiện trên trang.'),
  })
  .superRefine((d, ctx) => {
    if (d.title === undefined && d.about === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['about'],
        message: 'cần "title" (trích yếu chính thức, trích đúng nguồn) hoặc "about" (văn bản này là gì, lời của mình)',
      });
    }
    if (d.text === undefined && d.mentionedIn.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['mentionedIn'],
        message: 'cần "mentionedIn" (văn bản nào nhắc đến văn bản này) khi không có "text"',
      });
    }
  });
