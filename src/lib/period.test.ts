import { describe, expect, it } from 'vitest';
import { periodStatus } from './period';

const survey = { start: new Date('2024-07-01'), end: new Date('2024-08-15') };

describe('periodStatus', () => {
  it('counts the first and last day as active', () => {
    expect(periodStatus(survey, new Date('2024-07-01T00:00:00Z'))).toBe('active');
    expect(periodStatus(survey, new Date('2024-08-15T23:59:00Z'))).toBe('active');
  });
  it('is upcoming before and ended after', () => {
    expect(periodStatus(survey, new Date('2024-06-30T12:00:00Z'))).toBe('upcoming');
    expect(periodStatus(survey, new Date('2024-08-16T00:00:00Z'))).toBe('ended');
  });
});
