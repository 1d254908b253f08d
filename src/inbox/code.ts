/** Reference codes residents copy by hand or read over the phone: 8 characters from an alphabet without look-alikes
 * (no 0/O, 1/I/L, U), shown as two groups of four. 30^8 ≈ 6.6·10^11 codes: guessing one is hopeless at the rate limit. */
import { randomInt } from 'node:crypto';

export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

export function newCode(): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${s.slice(0, 4)}-${s.slice(4)}`;
}

/** A code as typed by a resident ("k7mq 3xha", "K7MQ3XHA") in its canonical form, or undefined if it cannot be one. */
export function normaliseCode(input: string): string | undefined {
  const s = input.toUpperCase().replace(/[\s-]/g, '');
  if (s.length !== 8 || [...s].some((c) => !CODE_ALPHABET.includes(c))) return undefined;
  return `${s.slice(0, 4)}-${s.slice(4)}`;
}
