import { createHash } from 'node:crypto';

/** SHA-256 of bytes, lowercase hex: the cache key and the checksum stations verify bundles with. */
export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
