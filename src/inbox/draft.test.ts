import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { qaSchema } from '../schemas/qa';
import { draftFile, draftQa, scrubPersonal } from './draft';

const frontMatter = (file: string) => load(/^---\n([\s\S]*?)\n---/.exec(file)![1]!);

const draft = draftQa({
  code: 'K7MQ-3XHA',
  question: 'Tôi là Lò Văn Páo, số 0912 345 678, hỏi: điều tra có mất tiền không?',
  topic: 'dieu-tra-53-dan-toc',
  usedOrders: [1, 2, 7, 3],
  sources: ['qd-628-tctk-2023', 'cv-961-ubdt-2024'],
  person: { name: 'Lò Văn Páo', phone: '0912345678' },
  today: new Date('2026-12-02T10:00:00Z'),
});
const file = draftFile(draft, 'K7MQ-3XHA');

describe('draft Q&A from the inbox', () => {
  it('is a `_` draft in the topic folder, after the last order, with one source and today', () => {
    expect(draft).toEqual({
      path: 'qa/dieu-tra-53-dan-toc/_hop-thu-k7mq-3xha.md',
      question: 'Tôi là …, số …, hỏi: điều tra có mất tiền không?',
      topic: 'dieu-tra-53-dan-toc',
      order: 8,
      sources: ['qd-628-tctk-2023'],
      updated: '2026-12-02',
    });
  });

  it('never carries the name or the phone number', () => {
    expect(file).not.toMatch(/Páo|0912|345 678/);
  });

  it('passes the build’s Q&A schema, with only the required fields', async () => {
    const data = frontMatter(file) as Record<string, unknown>;
    expect(Object.keys(data).sort()).toEqual(['order', 'question', 'sources', 'topic', 'updated']);
    const parsed = await qaSchema.safeParseAsync(data);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(parsed.data).toMatchObject({ order: 8, updated: new Date('2026-12-02') });
  });

  it('fails the schema when a required field is missing (the check is real)', async () => {
    const data = frontMatter(file) as Record<string, unknown>;
    delete data['sources'];
    expect((await qaSchema.safeParseAsync(data)).success).toBe(false);
  });
});

describe('scrubPersonal', () => {
  it('removes phone-shaped digit runs in any spacing, and the given name in any case', () => {
    expect(scrubPersonal('gọi 0912.345.678 hoặc +84 912 345 678', {})).toBe('gọi … hoặc …');
    expect(scrubPersonal('LÒ VĂN PÁO hỏi', { name: 'Lò Văn Páo' })).toBe('… hỏi');
  });
  it('keeps years, document numbers and short numbers', () => {
    expect(scrubPersonal('Năm 2024, Quyết định 628/QĐ-TCTK, gọi 111', {})).toBe(
      'Năm 2024, Quyết định 628/QĐ-TCTK, gọi 111',
    );
  });
});
