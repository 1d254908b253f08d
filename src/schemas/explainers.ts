import { z } from 'astro/zod';
import type { SchemaContext } from 'astro:content';
import { corrections, day, notes, order, sources, topic } from './common';

/** A policy explainer (content/explainers/<id>.mdx): a longer plain-language article. URL /chinh-sach/<id>/.
 * `image` is Astro's image() helper: the file is checked at build and served as AVIF/WebP/JPEG by sharp. */
export const explainerSchema = (image: SchemaContext['image']) =>
  z.strictObject({
    title: z.string().min(1).describe('Tiêu đề bài.'),
    topic: topic.describe('Chủ đề bài giải thích.'),
    summary: z
      .string()
      .min(1)
      .max(400)
      .describe('Một hai câu, hiện trong danh sách và kết quả tìm kiếm (tối đa 400 ký tự).'),
    order: order.default(1).describe('Vị trí trong các bài của chủ đề.'),
    sources: sources.describe('Văn bản chứa thông tin của bài: ít nhất một.'),
    updated: day.describe('Ngày kiểm tra bài lần cuối.'),
    image: z
      .strictObject({
        src: image().describe('Tệp ảnh, tính từ bài (ví dụ ./anh/ban-do.jpg).'),
        alt: z.string().min(1).describe('Mô tả ngắn ảnh cho người không nhìn thấy ảnh, bằng tiếng Việt dễ hiểu.'),
      })
      .optional()
      .describe(
        'Ảnh minh hoạ (không bắt buộc): JPEG hoặc PNG trong content/explainers/anh/. Ảnh nặng quá 60 KB trên điện thoại sẽ có cảnh báo.',
      ),
    corrections: corrections.describe(
      'Những chỗ bài cố ý ghi khác văn bản nguồn; mỗi chỗ hiện thành một ghi chú ngắn của biên tập.',
    ),
    notes: notes.describe('Ghi chú cho người biên tập. Không hiện trên trang.'),
  });
