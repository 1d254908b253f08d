import { describe, expect, it } from 'vitest';
import { decimal, kbps, khz, sizeLabel } from './format';

describe('audio figures', () => {
  it('uses a decimal comma', () => {
    expect(decimal(-23.04)).toBe('-23,0');
    expect(decimal(-0.04)).toBe('0,0');
    expect(decimal(null)).toBe('–');
    expect(decimal(-Infinity)).toBe('–');
    expect(khz(22050)).toBe('22,05 kHz');
    expect(khz(48000)).toBe('48 kHz');
    expect(kbps(31999)).toBe('32 kbit/s');
  });
  it('writes duration and size together', () => {
    expect(sizeLabel(151, 612_345)).toBe('2:31 · 612 KB');
    expect(sizeLabel(151, 1_234_567)).toBe('2:31 · 1,2 MB');
  });
});
