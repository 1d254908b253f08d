import { describe, expect, it } from 'vitest';
import { docLabel } from './documents';

describe('docLabel', () => {
  it('cites number, date and issuer', () => {
    expect(
      docLabel({
        number: '1719/QĐ-TTg',
        kind: 'Quyết định',
        date: new Date('2021-10-14'),
        year: 2021,
        issuer: 'Thủ tướng Chính phủ',
      }),
    ).toBe('Quyết định 1719/QĐ-TTg ngày 14/10/2021 của Thủ tướng Chính phủ');
  });
  it('falls back to the year when number and day are blank', () => {
    expect(docLabel({ kind: 'Công văn', year: 2024, issuer: 'UBND tỉnh Lạng Sơn' })).toBe(
      'Công văn năm 2024 của UBND tỉnh Lạng Sơn',
    );
  });
});
