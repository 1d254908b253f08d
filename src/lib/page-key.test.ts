import { describe, expect, it } from 'vitest';
import { dayPart, entryPart, listedPart, pageKey } from './page-key';

describe('pageKey', () => {
  it('is the same for the same data, whatever object holds it', () => {
    expect(pageKey('a', { x: 1, d: new Date('2026-12-02T00:00:00Z') })).toBe(
      pageKey('a', { x: 1, d: new Date('2026-12-02T00:00:00Z') }),
    );
  });

  it('changes with any part: a title, an order, a date, a body', () => {
    const qa = {
      id: 'chu-de/cau-1',
      data: { question: 'Hỏi?', order: 1, updated: new Date('2026-01-01') },
      body: 'Đáp.',
    };
    const base = pageKey(entryPart(qa));
    expect(pageKey(entryPart({ ...qa, data: { ...qa.data, question: 'Hỏi khác?' } }))).not.toBe(base);
    expect(pageKey(entryPart({ ...qa, data: { ...qa.data, order: 2 } }))).not.toBe(base);
    expect(pageKey(entryPart({ ...qa, data: { ...qa.data, updated: new Date('2026-01-02') } }))).not.toBe(base);
    expect(pageKey(entryPart({ ...qa, body: 'Đáp khác.' }))).not.toBe(base);
    expect(pageKey(entryPart({ ...qa, id: 'chu-de/cau-2' }))).not.toBe(base);
  });

  it('keeps parts apart: moving text from one part to the next changes the key', () => {
    expect(pageKey('ab', 'c')).not.toBe(pageKey('a', 'bc'));
  });
});

describe('listedPart', () => {
  it('is what a list line shows of a Q&A: its id, question and language, not its answer', () => {
    const qa = { id: 'chu-de/cau-1', data: { question: 'Hỏi?', lang: { id: 'vi' } }, body: 'Đáp.' };
    expect(listedPart(qa)).toEqual(['chu-de/cau-1', 'Hỏi?', 'vi']);
    const answeredAgain = { ...qa, body: 'Đáp khác.' };
    expect(listedPart(answeredAgain)).toEqual(listedPart(qa));
  });
});

describe('dayPart', () => {
  it('changes at midnight in Vietnam (17:00 UTC) as well as at midnight UTC', () => {
    const before = dayPart(new Date('2026-12-02T16:59:00Z'));
    const after = dayPart(new Date('2026-12-02T17:01:00Z'));
    expect(before[2]).toBe('2026-12-02');
    expect(after[2]).toBe('2026-12-03');
    expect(after).not.toEqual(before);
    expect(dayPart(new Date('2026-12-02T23:59:00Z'))[0]).not.toBe(dayPart(new Date('2026-12-03T00:01:00Z'))[0]);
  });

  it('stays the same within a day everywhere', () => {
    expect(dayPart(new Date('2026-12-02T17:01:00Z'))).toEqual(dayPart(new Date('2026-12-02T17:14:00Z')));
  });
});
