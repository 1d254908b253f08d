import { describe, expect, it } from 'vitest';
import { hashPassword, parseCookies, passwordProblem, sameToken, verifyPassword } from './auth';

describe('passwords', () => {
  it('hash with scrypt and a salt, and verify only the right password', async () => {
    const a = await hashPassword('mật khẩu thật dài 2026');
    const b = await hashPassword('mật khẩu thật dài 2026');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('mật khẩu thật dài 2026', a)).toBe(true);
    expect(await verifyPassword('mật khẩu thật dài 2027', a)).toBe(false);
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
  });
  it('must be at least 12 characters', () => {
    expect(passwordProblem('ngắn')).toMatch(/12/);
    expect(passwordProblem('đủ dài rồi nhé')).toBeUndefined();
  });
});

describe('tokens and cookies', () => {
  it('compare tokens, refusing missing ones', () => {
    expect(sameToken('abc', 'abc')).toBe(true);
    expect(sameToken('abc', 'abd')).toBe(false);
    expect(sameToken(undefined, undefined)).toBe(false);
    expect(sameToken('', '')).toBe(false);
  });
  it('read a Cookie header', () => {
    expect(Object.fromEntries(parseCookies('a=1; hop-thu=x=y;b'))).toEqual({ a: '1', 'hop-thu': 'x=y' });
  });
});
