import { describe, expect, it } from 'vitest';
import { capitalise, formatBytes, formatDate, formatDuration, isoDay, dashSegments } from './format';

describe('format', () => {
  it('writes dates the Vietnamese way', () => {
    expect(formatDate(new Date('2024-07-01'))).toBe('01/07/2024');
    expect(isoDay(new Date('2024-08-15'))).toBe('2024-08-15');
  });
  it('writes durations as m:ss or h:mm:ss', () => {
    expect(formatDuration(151)).toBe('2:31');
    expect(formatDuration(59.6)).toBe('1:00');
    expect(formatDuration(3723)).toBe('1:02:03');
  });
  it('writes sizes with a decimal comma', () => {
    expect(formatBytes(612_345)).toBe('612 KB');
    expect(formatBytes(1_234_567)).toBe('1,2 MB');
    expect(formatBytes(12_500_000)).toBe('13 MB');
    expect(formatBytes(10)).toBe('1 KB');
  });
});

describe('dashSegments', () => {
  it('isolates each spaced dash with its two neighbouring words and leaves hyphenated words alone', () => {
    expect(dashSegments('kinh tế - xã hội, 2021 – 2030, Ê-đê')).toEqual([
      'kinh ',
      'tế - xã',
      ' hội, ',
      '2021 – 2030,',
      ' Ê-đê',
    ]);
    expect(dashSegments('không có gạch')).toEqual(['không có gạch']);
  });
});

describe('capitalise', () => {
  it('capitalises the first letter only, Vietnamese letters included', () => {
    expect(capitalise('phê duyệt Chương trình 1719')).toBe('Phê duyệt Chương trình 1719');
    expect(capitalise('đề án hỗ trợ')).toBe('Đề án hỗ trợ');
    expect(capitalise('')).toBe('');
  });
});
