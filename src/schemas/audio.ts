import { z } from 'astro/zod';
import { reference } from 'astro:content';
import { corrections, day, lang, notes, order, topic } from './common';

/** One MP3 recording (content/audio/<id>.md). The body is the transcript, in the spoken language.
 * Duration, size and loudness are read from the file at build time, never typed here. */
export const audioSchema = z.strictObject({
  title: z.string().min(1).describe('Tên bản ghi.'),
  lang: lang.describe('Ngôn ngữ được đọc.'),
  topic: topic.describe('Chủ đề (đợt tuyên truyền).'),
  order: order.describe(
    'Số thứ tự trong chủ đề và ngôn ngữ (dùng trong tên tệp tải về). Để trống trong trang biên tập: máy lấy số tiếp theo.',
  ),
  qa: z
    .array(reference('qa'))
    .default([])
    .describe(
      'Các câu hỏi đáp bản ghi này đọc. Số liệu trong lời đọc được đối chiếu với văn bản nguồn của các câu đó.',
    ),
  file: z
    .string()
    .regex(/\.mp3$/i, 'tệp ghi âm phải có đuôi .mp3')
    .describe(
      'Tệp MP3, tính từ content/audio/ (ví dụ "files/dieu-tra-01-vi.mp3"). Tối đa 25 MB. Thời lượng và độ lớn âm thanh máy tự đo.',
    ),
  speaker: z.string().min(1).describe('Người đọc, hoặc "espeak-ng" nếu là bản đọc máy.'),
  producer: z.string().min(1).describe('Đơn vị thực hiện (đài truyền thanh, xã, dự án).'),
  recorded: day.describe('Ngày ghi âm.'),
  machineRead: z
    .boolean()
    .default(false)
    .describe(
      'Bật nếu là bản đọc máy: trang ghi rõ "bản đọc máy" cho tới khi có bản người đọc thay thế. Bản người đọc: để tắt.',
    ),
  corrections: corrections.describe(
    'Những chỗ lời đọc cố ý khác văn bản nguồn, ngoài đính chính của câu hỏi đáp được đọc.',
  ),
  notes: notes.describe('Ghi chú cho người biên tập. Không hiện trên trang.'),
});
