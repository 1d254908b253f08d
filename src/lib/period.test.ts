import { describe, expect, it } from 'vitest';
import { periodStatus } from './period';

describe('periodStatus', () => {
  const survey = { start: '2024-07-01', end: '2024-08-15' };
  it('counts the first and last day as active', () => {
    expect(periodStatus(survey, new Date('2024-07-01T00:00:00Z'))).toBe('active');
    expect(periodStatus(survey, new Date('2024-08-15T23:59:00Z'))).toBe('active');
  });
  it('is upcoming before and ended after', () => {
    expect(periodStatus(survey, new Date('2024-06-30T12:00:00Z'))).toBe('upcoming');
    expect(periodStatus(survey, new Date('2024-08-16T00:00:00Z'))).toBe('ended');
  });
  it('counts a year or a month end whole, never padding it to a day the source did not name', () => {
    const programme = { start: '2021', end: '2025' };
    expect(periodStatus(programme, new Date('2020-12-31T12:00:00Z'))).toBe('upcoming');
    expect(periodStatus(programme, new Date('2021-01-01T00:00:00Z'))).toBe('active');
    expect(periodStatus(programme, new Date('2025-12-31T23:00:00Z'))).toBe('active');
    expect(periodStatus(programme, new Date('2026-01-01T00:00:00Z'))).toBe('ended');
    const publicity = { start: '2024-06', end: '2024-08' };
    expect(periodStatus(publicity, new Date('2024-08-31T12:00:00Z'))).toBe('active');
    expect(periodStatus(publicity, new Date('2024-09-01T00:00:00Z'))).toBe('ended');
    expect(periodStatus({ start: '2024-02', end: '2024-02' }, new Date('2024-02-29T00:00:00Z'))).toBe('active');
  });
});
