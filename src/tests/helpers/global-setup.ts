import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { build } from './build';
import { siteDist } from './paths';

/** Builds the real site once before the tests. LOA_BAN_REUSE_BUILD=1 reuses an earlier build while iterating. */
export default async function setup() {
  if (process.env['LOA_BAN_REUSE_BUILD'] === '1' && existsSync(siteDist)) return;
  await rm(siteDist, { recursive: true, force: true });
  const result = await build({ outDir: siteDist });
  if (result.code !== 0) throw new Error(`astro build failed:\n${result.output}`);
}
