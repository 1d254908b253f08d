import { describe, expect, it } from 'vitest';
import { noticeLines, pageNotices, preciseInWords, yearList, type NoticeDoc } from './notices';
import { parsePreciseDate } from './precise-date';

const doc = (id: string, more: Partial<NoticeDoc> = {}): NoticeDoc => ({
  id,
  kind: 'Kế hoạch',
  year: 2024,
  issuer: 'Ủy ban nhân dân tỉnh',
  draft: false,
  ...more,
});
const today = new Date('2026-12-02T08:00:00Z');

describe('pageNotices', () => {
  it('names another province than the site’s own, by the kind of its documents', () => {
    const n = pageNotices(
      [
        doc('kg', { kind: 'Công văn', province: 'Kiên Giang' }),
        doc('ls', { province: 'Lạng Sơn' }),
        doc('national'),
        doc('st1', { province: 'Sóc Trăng' }),
        doc('st2', { kind: 'Kế hoạch (dự thảo)', province: 'Sóc Trăng' }),
        doc('tq1', { province: 'Tuyên Quang' }),
        doc('tq2', { kind: 'Quyết định', province: 'Tuyên Quang' }),
      ],
      'Lạng Sơn',
      undefined,
      today,
    );
    expect(n.provinces).toEqual([
      { province: 'Kiên Giang', kind: 'công văn' },
      { province: 'Sóc Trăng', kind: 'kế hoạch' },
      { province: 'Tuyên Quang', kind: 'văn bản' },
    ]);
    expect(pageNotices([doc('ls', { province: 'tỉnh Lạng Sơn' })], 'Lạng Sơn', undefined, today).provinces).toEqual([]);
  });

  it('lists the drafts a page rests on', () => {
    const n = pageNotices([doc('a'), doc('b', { draft: true })], 'Lạng Sơn', undefined, today);
    expect(n.drafts.map((d) => d.id)).toEqual(['b']);
  });

  it('says a campaign has ended, with the end as precise as its source', () => {
    expect(pageNotices([], 'X', { start: '2021', end: '2025' }, today).ended).toEqual(parsePreciseDate('2025'));
    expect(pageNotices([], 'X', { start: '2024-06', end: '2024-08' }, today).ended).toEqual(
      parsePreciseDate('2024-08'),
    );
    expect(pageNotices([], 'X', { start: '2026', end: '2027' }, today).ended).toBeUndefined();
  });

  it('gives the documents’ years where no source gives a period', () => {
    const n = pageNotices([doc('a', { year: 2024 }), doc('b', { year: 2019 }), doc('c')], 'X', undefined, today);
    expect(n.years).toEqual([2019, 2024]);
    expect(n.ended).toBeUndefined();
    expect(pageNotices([doc('a')], 'X', { start: '2024', end: '2024' }, today).years).toBeUndefined();
  });
});

describe('wording', () => {
  it('writes ends and years as a sentence needs them', () => {
    expect(preciseInWords(parsePreciseDate('2025'))).toBe('năm 2025');
    expect(preciseInWords(parsePreciseDate('2024-08'))).toBe('tháng 8/2024');
    expect(preciseInWords(parsePreciseDate('2024-08-15'))).toBe('ngày 15/08/2024');
    expect(yearList([2024])).toBe('2024');
    expect(yearList([2019, 2021, 2024])).toBe('2019, 2021 và 2024');
  });

  it('prints the notices as sentences, time first', () => {
    const strings = {
      ended: 'Đã kết thúc {end}.',
      years: 'Theo văn bản năm {years}.',
      province: 'Theo {kind} của tỉnh {province}.',
      draft: 'Dự thảo:',
    };
    const n = pageNotices(
      [doc('st', { province: 'Sóc Trăng', draft: true })],
      'Lạng Sơn',
      { start: '2024', end: '2024' },
      today,
    );
    expect(noticeLines(n, strings, (d) => `KH ${d.id}`)).toEqual([
      'Đã kết thúc năm 2024.',
      'Theo kế hoạch của tỉnh Sóc Trăng.',
      'Dự thảo: KH st.',
    ]);
    expect(noticeLines(n, strings, (d) => d.id, false)).toHaveLength(2);
  });
});
