import { z } from 'astro/zod';
import { reference } from 'astro:content';
import { corrections, day, lang, notes, order, sources, topic } from './common';

/** One question and its answer (content/qa/<topic>/<slug>.md). The body is the answer.
 * The id (folder/file name) is the URL /hoi-dap/<id>/, printed in QR codes: never rename a published file. */
export const qaSchema = z.strictObject({
  question: z.string().min(5).describe('Câu hỏi, viết như bà con hỏi.'),
  topic: topic.describe('Chủ đề (đợt tuyên truyền) của câu hỏi.'),
  lang: lang
    .default({ collection: 'languages', id: 'vi' })
    .describe(
      'Ngôn ngữ của câu hỏi và câu trả lời. Chữ tiếng dân tộc chỉ do người biết tiếng viết, không dùng máy dịch.',
    ),
  order: order.describe(
    'Số thứ tự trong chủ đề (1, 2, 3…), không trùng với câu khác cùng chủ đề và ngôn ngữ. Để trống trong trang biên tập: máy lấy số tiếp theo.',
  ),
  audio: reference('audio').optional().describe('Bản ghi âm đọc câu này (tên tệp trong content/audio/), nếu có.'),
  sources: sources.describe(
    'Văn bản chứa thông tin của câu trả lời: ít nhất một. Mọi con số, ngày tháng trong câu trả lời phải có trong các văn bản này.',
  ),
  updated: day.describe('Ngày kiểm tra câu trả lời lần cuối.'),
  translationOf: reference('qa')
    .optional()
    .describe(
      'Chỉ cho bản dịch: câu hỏi đáp tiếng Việt được dịch. Hai trang trỏ sang nhau ("Đọc bằng tiếng …"). Chỉ dùng lời dịch của người biết tiếng, không dùng máy dịch.',
    ),
  translator: z
    .string()
    .min(1)
    .optional()
    .describe('Người dịch (họ tên hoặc đơn vị, như họ muốn được ghi). Bắt buộc với bản dịch; hiện trên trang.'),
  corrections: corrections.describe(
    'Những chỗ trang này cố ý ghi khác văn bản nguồn; mỗi chỗ hiện cho bà con thành một ghi chú ngắn của biên tập.',
  ),
  notes: notes.describe('Ghi chú cho người biên tập (nguồn gốc, lý do chọn cách viết). Không hiện trên trang.'),
});
