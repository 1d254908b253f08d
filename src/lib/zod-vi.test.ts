import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { vietnameseError } from './zod-vi';

const messages = (schema: z.ZodType, input: unknown) =>
  (schema.safeParse(input, { error: (i) => vietnameseError(i as never) }).error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

describe('vietnameseError', () => {
  const schema = z.strictObject({ question: z.string().min(1), order: z.number().int().positive(), tags: z.array(z.string()).min(1) });
  it('names a missing field', () => {
    expect(messages(schema, { order: 1, tags: ['a'] })).toEqual(['question: thiếu trường bắt buộc này']);
  });
  it('names a misspelled field', () => {
    expect(messages(schema, { question: 'x', qestion: 'x', order: 1, tags: ['a'] })).toEqual([': trường không có trong mẫu (gõ sai tên?): "qestion"']);
  });
  it('explains wrong types and empty values', () => {
    expect(messages(schema, { question: '', order: 'một', tags: [] })).toEqual([
      'question: không được để trống',
      'order: sai kiểu: cần số',
      'tags: cần ít nhất 1 mục',
    ]);
  });
  it('keeps custom messages', () => {
    const refined = z.number().refine((n) => n > 5, { message: 'riêng' });
    expect(messages(refined, 1)).toEqual([': riêng']);
  });
});
