import { resolve } from 'node:path';
import { cacheDir, projectRoot } from '../../lib/paths';

/** Project root. */
export const root = projectRoot;
/** The real site, built once by the global setup for every build-level test (LOA_BAN_TEST_SITE moves it, so that
 * several people can test on one machine without sharing an output folder). */
export const siteDist = resolve(process.env['LOA_BAN_TEST_SITE'] ?? resolve(cacheDir, 'test-site'));
/** The test build's SITE_URL: under the reserved .example name, and not the default, so a QR code or a feed that
 * shows it proves it came from the configuration. */
export const TEST_SITE_URL = 'https://thu.loa-ban.example';

/** The environment of the real test build: the test SITE_URL, and the residents' inbox on so every check covers the
 * question form. A build meant to equal it uses the same. */
export const TEST_BUILD_ENV = { SITE_URL: TEST_SITE_URL, LOA_BAN_INBOX: '1' } as const;
