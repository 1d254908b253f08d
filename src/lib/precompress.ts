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
export const brotliQuality = (bytes: number) => (bytes > LARGE ? 6 : 11);

/** Gzip level for a site with `bytes` of text. Gzip is the fallback for clients without brotli. Measured on a large
 * site: level 9 makes Q&A and topic pages 0.1 % smaller than level 6 at the same speed, but a print booklet (1.5 MB
 * of repetitive HTML) 7 % smaller at 3.3× the time, and the editors' worklist CSV 1 % smaller at 100× (0.2 s);
 * booklets grow with the site, so past 8 MB the build takes level 6. */
export const gzipLevel = (bytes: number) => (bytes > LARGE ? 6 : 9);

/** Text past which a site counts as large (about 700 pages). */
const LARGE = 8_000_000;

/** Brotli and gzip of a file: the server sends whichever the client takes, spending no CPU per request.
 * zlib's async calls run on libuv's thread pool, so a build compresses on every core. */
export async function precompress(data: Buffer, quality = 11, level = 9): Promise<{ br: Buffer; gz: Buffer }> {
  const [br, gzipped] = await Promise.all([
    brotli(data, {
      params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
    }),
    gz(data, { level }),
  ]);
  return { br, gz: gzipped };
}
