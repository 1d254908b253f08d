import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { build } from './build';
import { siteDist, TEST_SITE_URL } from './paths';

/** Builds the real site once for the site and browser projects (both name this setup; the first builds, the second
 * finds the mark it left in this process), with the residents' inbox (LOA_BAN_INBOX=1), so page budgets, quality
 * checks and the nginx test cover the question form; inbox-site.test.ts builds the plain site too. LOA_BAN_REUSE_BUILD=1 reuses an earlier build while iterating. */
export default async function setup() {
  if (process.env['LOA_BAN_TEST_SITE_BUILT'] === '1') return;
  if (process.env['LOA_BAN_REUSE_BUILD'] === '1' && existsSync(siteDist)) return;
  await rm(siteDist, { recursive: true, force: true });
  const result = await build({ outDir: siteDist, env: { SITE_URL: TEST_SITE_URL, LOA_BAN_INBOX: '1' } });
  if (result.code !== 0) throw new Error(`astro build failed:\n${result.output}`);
  process.env['LOA_BAN_TEST_SITE_BUILT'] = '1';
}
