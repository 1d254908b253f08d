import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, newCode, normaliseCode } from './code';

describe('reference codes', () => {
  it('are two groups of four from an alphabet without look-alikes', () => {
    for (let i = 0; i < 200; i++) expect(newCode()).toMatch(/^[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/);
    expect(CODE_ALPHABET).not.toMatch(/[01ILOU]/);
  });
  it('are read back as typed by hand', () => {
    expect(normaliseCode(' k7mq 3xha ')).toBe('K7MQ-3XHA');
    expect(normaliseCode('K7MQ3XHA')).toBe('K7MQ-3XHA');
    expect(normaliseCode('K7MQ-3XH')).toBeUndefined();
    expect(normaliseCode('K7MQ-3XH0')).toBeUndefined();
    expect(normaliseCode('<script>')).toBeUndefined();
  });
});
