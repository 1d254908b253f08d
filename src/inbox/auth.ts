/** Editors' passwords and sessions: scrypt hashes (Node's own, N=2^15, r=8, p=1, a 16-byte salt), session tokens kept
 * only as SHA-256 hashes (a stolen database opens no session), and CSRF tokens compared in constant time. */
import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

const N = 2 ** 15;
const R = 8;
const P = 1;
const KEY = 32;
const MAXMEM = 64 * 1024 * 1024;

const derive = (password: string, salt: Buffer, n: number, r: number, p: number) =>
  new Promise<Buffer>((done, fail) =>
    scrypt(password.normalize('NFC'), salt, KEY, { N: n, r, p, maxmem: MAXMEM }, (e, key) => (e ? fail(e) : done(key))),
  );

/** "scrypt$N$r$p$salt$hash" (base64): the parameters travel with the hash, so they can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, N, R, P);
  return ['scrypt', N, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await derive(password, Buffer.from(salt, 'base64'), Number(n), Number(r), Number(p));
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A random token for a cookie or a form, URL-safe. */
export const newToken = () => randomBytes(32).toString('base64url');

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export function sameToken(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Passwords editors choose: long enough to resist guessing through the lockout, nothing else imposed. */
export function passwordProblem(password: string): string | undefined {
  if ([...password].length < 12) return 'Mật khẩu cần ít nhất 12 ký tự.';
  if ([...password].length > 200) return 'Mật khẩu dài quá 200 ký tự.';
  return undefined;
}

/** Cookies from a Cookie header. */
export function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out.set(part.slice(0, i).trim(), part.slice(i + 1).trim());
  }
  return out;
}
