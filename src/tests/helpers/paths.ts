import { resolve } from 'node:path';

/** Project root. */
export const root = resolve(import.meta.dirname, '../../..');
/** The real site, built once by the global setup for every build-level test (LOA_BAN_TEST_SITE moves it, so that
 * several people can test on one machine without sharing an output folder). */
export const siteDist = resolve(process.env['LOA_BAN_TEST_SITE'] ?? resolve(root, 'node_modules/.cache/loa-ban/test-site'));
