import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Text files worth compressing ahead of time. MP3s and images are already compressed, and Pagefind's index chunks
 * (.pf_*) are gzip already. */
export const compressible = /\.(?:html|css|js|mjs|json|xml|rss|svg|txt|vtt|csv|m3u|webmanifest)$/i;

/** Brotli quality for a site of `files` text files. Measured on a 9 KB Q&A page: quality 11 takes 8.7 ms and gives
 * 3.2 KB, quality 5 takes 0.24 ms and gives 3.5 KB. Past 5,000 files the 10 % smaller files would cost more build
 * time than the 20,000-page budget allows, so large sites use 5. */
export const brotliQuality = (files: number) => (files > 5000 ? 5 : 11);

/** Brotli and gzip (level 9) of a file: the server sends whichever the client takes, spending no CPU per request.
 * zlib's async calls run on libuv's thread pool, so a build compresses on every core. */
export async function precompress(data: Buffer, quality = 11): Promise<{ br: Buffer; gz: Buffer }> {
  const [br, gzipped] = await Promise.all([
    brotli(data, { params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }),
    gz(data, { level: 9 }),
  ]);
  return { br, gz: gzipped };
}
