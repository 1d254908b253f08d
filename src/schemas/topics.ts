import { z } from 'astro/zod';
import { reference } from 'astro:content';
import { corrections, notes, order, preciseDate } from './common';
import { spanReversed } from '../lib/precise-date';

/** A span with its source's precision; `end` must not come before `start`. */
const span = z
  .strictObject({
    start: preciseDate.describe('Năm, tháng hoặc ngày bắt đầu: "2021", "2024-06" hoặc "2024-06-15".'),
    end: preciseDate.describe('Năm, tháng hoặc ngày kết thúc, chính xác như văn bản ghi.'),
  })
  .refine((p) => !spanReversed(p.start, p.end), {
    message: 'ngày kết thúc ("end") trước ngày bắt đầu ("start")',
    path: ['end'],
  });

/** A hotline residents can call, as printed in a seed document. */
export const hotline = z.strictObject({
  number: z
    .string()
    .regex(/^[0-9 .]+$/, 'số điện thoại chỉ gồm chữ số')
    .describe('Số điện thoại để gọi, ví dụ "111".'),
  label: z.string().min(1).describe('Đường dây này là gì, theo lời văn bản nguồn.'),
});

/** A campaign (content/topics/<id>.md). The id (file name) is the URL: /chu-de/<id>/. The body is an optional longer introduction. */
export const topicSchema = z.strictObject({
  title: z.string().min(1).describe('Tên chủ đề (đợt tuyên truyền) như bà con đọc.'),
  shortTitle: z.string().min(1).max(40).describe('Tên ngắn cho trình đơn, nút và đầu trang in (tối đa 40 ký tự).'),
  summary: z.string().min(1).max(400).describe('Một hai câu dễ hiểu: chủ đề này nói về việc gì.'),
  period: z
    .strictObject({
      start: preciseDate.describe('Năm, tháng hoặc ngày bắt đầu: "2021", "2024-06" hoặc "2024-06-15".'),
      end: preciseDate.describe('Năm, tháng hoặc ngày kết thúc, chính xác như văn bản ghi.'),
      peak: span.optional().describe('Thời gian cao điểm tuyên truyền, nếu văn bản có nói.'),
    })
    .refine((p) => !spanReversed(p.start, p.end), {
      message: 'ngày kết thúc ("end") trước ngày bắt đầu ("start")',
      path: ['end'],
    })
    .optional()
    .describe(
      'Thời gian diễn ra, chính xác đúng như văn bản (năm "2021", tháng "2024-06" hoặc ngày "2024-06-15"). Văn bản không nói thì để trống.',
    ),
  legalBasis: z
    .array(reference('documents'))
    .min(1, 'cần ít nhất một văn bản trong "legalBasis"')
    .describe('Văn bản làm căn cứ cho đợt tuyên truyền: ít nhất một.'),
  order: order.describe('Vị trí trên trang chủ và trình đơn (1 là đầu tiên), không trùng với chủ đề khác.'),
  hotlines: z.array(hotline).default([]).describe('Đường dây nóng hiện cùng chủ đề (ví dụ 111).'),
  slogans: z
    .array(z.string().min(1))
    .default([])
    .describe('Khẩu hiệu lấy từ văn bản nguồn, để in băng rôn, áp phích (mỗi khẩu hiệu một trang).'),
  keyMessages: z
    .array(z.string().min(1))
    .default([])
    .describe('Ba đến sáu thông điệp chính cho tờ rơi một trang, mỗi thông điệp một câu ngắn có trong văn bản căn cứ.'),
  corrections: corrections.describe(
    'Những chỗ trang này cố ý ghi khác văn bản nguồn; mỗi chỗ hiện thành một ghi chú ngắn của biên tập.',
  ),
  notes: notes.describe('Ghi chú cho người biên tập. Không hiện trên trang.'),
});
