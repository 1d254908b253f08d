import { existsSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { build, buildLog } from './build';
import { siteDist, TEST_BUILD_ENV } from './paths';

/** Builds the real site once for the site and browser projects (both name this setup; the first builds, the second
 * finds the mark it left in this process), with the residents' inbox (LOA_BAN_INBOX=1), so page budgets, quality
 * checks and the nginx test cover the question form; plain-site.test.ts builds the plain site too. LOA_BAN_REUSE_BUILD=1 reuses an earlier build while iterating.
 * LOA_BAN_TEST_RUN names the run, for the builds made once per run (the fixture site) and for the build log. */
export default async function setup() {
  process.env['LOA_BAN_TEST_RUN'] ??= `${Date.now()}-${process.pid}`;
  // One build time for every build of the run (src/lib/build-time.ts), so builds meant to be equal are, PDFs included.
  process.env['SOURCE_DATE_EPOCH'] ??= String(Math.floor(Date.now() / 1000));
  if (process.env['LOA_BAN_TEST_SITE_BUILT'] === '1') return teardown;
  process.env['LOA_BAN_TEST_SITE_BUILT'] = '1';
  if (process.env['LOA_BAN_REUSE_BUILD'] === '1' && existsSync(siteDist)) return teardown;
  await rm(siteDist, { recursive: true, force: true });
  const result = await build({ outDir: siteDist, env: { ...TEST_BUILD_ENV } });
  if (result.code !== 0) throw new Error(`astro build failed:\n${result.output}`);
  return teardown;
}

/** Says how many builds the run made (once, after the last project). */
async function teardown() {
  const log = buildLog();
  if (!existsSync(log)) return;
  const lines = readFileSync(log, 'utf8').trim().split('\n');
  console.info(`${lines.length} astro builds in this test run:\n  ${lines.join('\n  ')}`);
  await rm(log, { force: true });
}
