import { describe, expect, it } from 'vitest';
import {
  firstDay,
  formatPrecise,
  formatSpan,
  isoPrecise,
  lastDay,
  parsePreciseDate,
  preciseDateProblem,
  realDay,
  spanReversed,
} from './precise-date';

const iso = (d: Date) => d.toISOString().slice(0, 10);

describe('precise dates', () => {
  it('keeps the precision the source gives', () => {
    expect(parsePreciseDate('2021')).toEqual({ precision: 'year', year: 2021 });
    expect(parsePreciseDate('2024-06')).toEqual({ precision: 'month', year: 2024, month: 6 });
    expect(parsePreciseDate('2024-06-15')).toEqual({ precision: 'day', year: 2024, month: 6, day: 15 });
  });

  it('covers a whole year or month, never padding to a day', () => {
    expect(iso(firstDay(parsePreciseDate('2021')))).toBe('2021-01-01');
    expect(iso(lastDay(parsePreciseDate('2025')))).toBe('2025-12-31');
    expect(iso(lastDay(parsePreciseDate('2024-02')))).toBe('2024-02-29');
    expect(iso(lastDay(parsePreciseDate('2024-06-15')))).toBe('2024-06-15');
  });

  it('shows each end with its own precision', () => {
    expect(formatSpan(parsePreciseDate('2021'), parsePreciseDate('2025'))).toBe('2021–2025');
    expect(formatSpan(parsePreciseDate('2024-06'), parsePreciseDate('2024-08'))).toBe('6/2024–8/2024');
    expect(formatSpan(parsePreciseDate('2024-07-01'), parsePreciseDate('2024-08-15'))).toBe('01/07/2024–15/08/2024');
    expect(formatSpan(parsePreciseDate('2024'), parsePreciseDate('2024'))).toBe('2024');
    expect(formatPrecise(parsePreciseDate('2024-06'))).toBe('6/2024');
    expect(isoPrecise(parsePreciseDate('2024-06'))).toBe('2024-06');
  });

  it('says what is wrong with a date that is not one', () => {
    expect(preciseDateProblem('2024-6')).toMatch(/không đúng dạng/);
    expect(preciseDateProblem('2024-13')).toBe('"2024-13": không có tháng 13');
    expect(preciseDateProblem('2023-02-29')).toBe('"2023-02-29": tháng 2 năm 2023 không có ngày 29');
    expect(preciseDateProblem('2024-02-29')).toBeUndefined();
    expect(realDay(2024, 4, 31)).toBe(false);
  });

  it('compares spans of mixed precision whole', () => {
    expect(spanReversed('2024-06-15', '2024-06')).toBe(false); // June ends after the 15th
    expect(spanReversed('2024-07', '2024-06-30')).toBe(true);
    expect(spanReversed('2025', '2021')).toBe(true);
    expect(spanReversed('2024-13', '2021')).toBe(false); // reported as an invalid date instead
  });
});
