/** The truth model's schemas: documents and their figures, corrections, periods with their source's precision, the
 * optional issuer, and editors' notes on every collection. (Cross-entry checks live in src/lib/validate.test.ts.) */
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { audioSchema } from './audio';
import { documentSchema } from './documents';
import { explainerSchema } from './explainers';
import { languageSchema } from './languages';
import { qaSchema } from './qa';
import { settingsSchema } from './settings';
import { topicSchema } from './topics';

/** "field: message" for each problem, as an editor reads them. */
const problems = (schema: z.ZodType, data: unknown) => {
  const r = schema.safeParse(data);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

const letter = {
  kind: 'Công văn',
  year: 2024,
  issuer: 'Sở Thông tin và Truyền thông tỉnh Kiên Giang',
  province: 'Kiên Giang',
  title: 'thông tin, tuyên truyền theo chỉ đạo của Trung ương',
  text: '002',
  figures: [{ value: '111', kind: 'phone', about: 'tổng đài quốc gia', where: 'mục 3' }],
};

describe('documentSchema', () => {
  it('accepts a source letter and a document known from another', () => {
    expect(problems(documentSchema, letter)).toEqual([]);
    const mentioned = {
      number: '1719/QĐ-TTg',
      kind: 'Quyết định',
      date: new Date('2021-10-14'),
      year: 2021,
      issuer: 'Thủ tướng Chính phủ',
      about: 'Quyết định phê duyệt Chương trình 1719.',
      mentionedIn: ['kh-290'],
      figures: [{ value: '1719/QĐ-TTg', kind: 'docnumber', about: 'số', where: 'căn cứ', in: 'kh-290' }],
      notes: 'Nguồn 001 nêu số và ngày.',
    };
    const parsed = documentSchema.parse(mentioned);
    expect(parsed.draft).toBe(false);
    expect(parsed.mentionedIn).toEqual([{ collection: 'documents', id: 'kh-290' }]);
    expect(parsed.figures[0]!.in).toEqual({ collection: 'documents', id: 'kh-290' });
  });

  it('wants a quoted title or our own words, and a text or the documents that mention it', () => {
    const { title: _title, text: _text, ...bare } = letter;
    expect(problems(documentSchema, bare)).toEqual([
      'about: cần "title" (trích yếu chính thức, trích đúng nguồn) hoặc "about" (văn bản này là gì, lời của mình)',
      'mentionedIn: cần "mentionedIn" (văn bản nào nhắc đến văn bản này) khi không có "text"',
    ]);
  });

  it('refuses the old `seeds` field, an unknown figure kind and a seed number that is not one', () => {
    expect(problems(documentSchema, { ...letter, seeds: ['002'] })[0]).toMatch(/seeds/);
    expect(problems(documentSchema, { ...letter, text: '2' })).toEqual([
      'text: số văn bản nguồn gồm 3 chữ số, ví dụ "003"',
    ]);
    const figures = [{ value: '30', kind: 'percentage', about: 'a', where: 'b' }];
    expect(problems(documentSchema, { ...letter, figures })).toEqual([
      'figures.0.kind: loại số liệu phải là một trong: date, year, number, amount, percent, phone, docnumber',
    ]);
  });

  it('wants every figure to say what it is and where it stands', () => {
    const figures = [{ value: '53', kind: 'number' }];
    expect(problems(documentSchema, { ...letter, figures }).map((p) => p.split(':')[0])).toEqual([
      'figures.0.about',
      'figures.0.where',
    ]);
  });

  it('reads an unquoted number as the text it is, and refuses a value YAML turned into a date', () => {
    const figures = [{ value: 2024, kind: 'year', about: 'năm', where: 'đầu' }];
    expect(documentSchema.parse({ ...letter, figures }).figures[0]!.value).toBe('2024');
    const dated = [{ value: new Date('2024-06-16'), kind: 'date', about: 'ngày', where: 'đầu' }];
    expect(problems(documentSchema, { ...letter, figures: dated })).toEqual([
      'figures.0.value: viết giá trị trong dấu ngoặc kép, đúng như văn bản viết (ví dụ "14/10/2021")',
    ]);
  });
});

const qa = {
  question: 'Cuộc điều tra diễn ra khi nào?',
  topic: 'dieu-tra',
  order: 1,
  sources: ['cv-kg'],
  updated: '2026-12-02',
};

describe('corrections and notes', () => {
  it('take a correction with what the source says, what the page says and why', () => {
    const corrections = [{ source: '15/8/2023', page: '15/8/2024', why: 'Năm 2023 là viết nhầm.' }];
    expect(qaSchema.parse({ ...qa, corrections }).corrections).toEqual(corrections);
    expect(qaSchema.parse(qa).corrections).toEqual([]);
    expect(problems(qaSchema, { ...qa, corrections: [{ source: '15/8/2023', page: '15/8/2024' }] })).toEqual([
      'corrections.0.why: Invalid input: expected string, received undefined',
    ]);
  });

  it('are allowed on every collection that cites, and notes on every collection', () => {
    const correction = [{ source: 'a', page: 'b', why: 'c' }];
    const image = () => z.string();
    const explainer = { title: 'T', topic: 't', summary: 'S', sources: ['d'], updated: '2026-12-02' };
    const recording = {
      title: 'T',
      lang: 'vi',
      topic: 't',
      order: 1,
      file: 'files/a.mp3',
      speaker: 'A',
      producer: 'B',
      recorded: '2026-12-02',
    };
    const topic = { title: 'T', shortTitle: 'S', summary: 'S', legalBasis: ['d'], order: 1 };
    const language = { name: 'Tiếng Việt', nativeName: 'Tiếng Việt', script: 'Latn', slug: 'tieng-viet', order: 1 };
    const settings = { siteName: 'Loa Bản', province: 'Lạng Sơn' };
    for (const [name, schema, data] of [
      ['qa', qaSchema, { ...qa, corrections: correction, notes: 'n' }],
      ['explainers', explainerSchema(image as never), { ...explainer, corrections: correction, notes: 'n' }],
      ['audio', audioSchema, { ...recording, corrections: correction, notes: 'n' }],
      ['topics', topicSchema, { ...topic, corrections: correction, notes: 'n' }],
      ['documents', documentSchema, { ...letter, notes: 'n' }],
      ['languages', languageSchema, { ...language, notes: 'n' }],
      ['settings', settingsSchema, { ...settings, notes: 'n' }],
    ] as const) {
      expect(problems(schema, data), name).toEqual([]);
    }
  });
});

describe('topic period', () => {
  const topic = { title: 'T', shortTitle: 'S', summary: 'S', legalBasis: ['d'], order: 1 };
  const period = (p: unknown) => topicSchema.safeParse({ ...topic, period: p });

  it('is optional and keeps the precision its source gives', () => {
    expect(topicSchema.parse(topic).period).toBeUndefined();
    expect(period({ start: '2021', end: '2025' }).data?.period).toEqual({ start: '2021', end: '2025' });
    expect(period({ start: '2024-06', end: '2024-08', peak: { start: '2024-06-15', end: '2024-07-15' } }).success).toBe(
      true,
    );
  });

  it('reads an unquoted year or day back as written', () => {
    expect(period({ start: 2021, end: new Date('2025-12-31') }).data?.period).toEqual({
      start: '2021',
      end: '2025-12-31',
    });
  });

  it('refuses a malformed or impossible value and an end before the start', () => {
    expect(problems(topicSchema, { ...topic, period: { start: '2024-6', end: '2024-13' } })).toEqual([
      'period.start: "2024-6" không đúng dạng: viết "YYYY" (năm), "YYYY-MM" (tháng) hoặc "YYYY-MM-DD" (ngày)',
      'period.end: "2024-13": không có tháng 13',
    ]);
    expect(problems(topicSchema, { ...topic, period: { start: '2024-07', end: '2024-06-30' } })).toEqual([
      'period.end: ngày kết thúc ("end") trước ngày bắt đầu ("start")',
    ]);
    expect(
      problems(topicSchema, {
        ...topic,
        period: { start: '2024', end: '2024', peak: { start: '2024-07', end: '2024-06' } },
      }),
    ).toEqual(['period.peak.end: ngày kết thúc ("end") trước ngày bắt đầu ("start")']);
  });
});

describe('settings issuer', () => {
  it('is optional: the repository names no real agency', () => {
    expect(settingsSchema.parse({ siteName: 'Loa Bản', province: 'Lạng Sơn' }).issuer).toBeUndefined();
    expect(problems(settingsSchema, { siteName: 'Loa Bản', province: 'Lạng Sơn', issuer: '' })[0]).toMatch(/^issuer/);
  });
});
