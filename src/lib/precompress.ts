import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Text files worth compressing ahead of time. MP3s and images are already compressed, and Pagefind's index chunks
 * (.pf_*) are gzip already. */
export const compressible = /\.(?:html|css|js|mjs|json|xml|rss|svg|txt|vtt|csv|m3u|webmanifest)$/i;

/** Brotli quality for a site with `bytes` of text. Measured on a 10 KB Q&A page: quality 11 gives 3.8 KB in ~18 ms,
 * quality 6 gives 4.2 KB in ~1 ms. The real site (a few MB) gets the 10 % smaller files; a site past 8 MB, where
 * quality 11 would take minutes, gets quality 6. */
export const brotliQuality = (bytes: number) => (bytes > 8_000_000 ? 6 : 11);

/** Brotli and gzip (level 9) of a file: the server sends whichever the client takes, spending no CPU per request.
 * zlib's async calls run on libuv's thread pool, so a build compresses on every core. */
export async function precompress(data: Buffer, quality = 11): Promise<{ br: Buffer; gz: Buffer }> {
  const [br, gzipped] = await Promise.all([
    brotli(data, {
      params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
    }),
    gz(data, { level: 9 }),
  ]);
  return { br, gz: gzipped };
}
