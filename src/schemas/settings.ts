import { z } from 'astro/zod';
import { notes } from './common';
import { hotline } from './topics';

/** Site-wide settings a province sets for itself (content/settings.yaml, one entry with id "site"). */
export const settingsSchema = z.strictObject({
  siteName: z.string().min(1).describe('Tên trang, hiện ở đầu mọi trang.'),
  issuer: z
    .string()
    .min(1)
    .optional()
    .describe(
      'Cơ quan phụ trách trang và phát hành tài liệu in, đúng tên cơ quan tự gọi. Chỉ cơ quan đó điền. Trang chính thức (SITE_URL thật) bắt buộc có.',
    ),
  province: z.string().min(1).describe('Tên tỉnh, in trên bìa tài liệu.'),
  hotlines: z.array(hotline).default([]).describe('Đường dây nóng chung cho trang liên hệ và chân trang.'),
  contact: z
    .array(z.string())
    .default([])
    .describe('Thông tin liên hệ (địa chỉ, thư điện tử) do tỉnh cung cấp, không tự đặt.'),
  notes: notes.describe('Ghi chú cho người biên tập. Không hiện trên trang.'),
});
