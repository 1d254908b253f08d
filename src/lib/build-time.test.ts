import { describe, expect, it } from 'vitest';
import { buildTime } from './build-time';

describe('buildTime', () => {
  it('is SOURCE_DATE_EPOCH when set, now otherwise, and refuses anything but whole seconds', () => {
    expect(buildTime({ SOURCE_DATE_EPOCH: '1733097600' }).toISOString()).toBe('2024-12-02T00:00:00.000Z');
    const before = Date.now();
    expect(buildTime({}).getTime()).toBeGreaterThanOrEqual(before);
    expect(() => buildTime({ SOURCE_DATE_EPOCH: '2024-12-02' })).toThrow(/SOURCE_DATE_EPOCH/);
  });
});
