/** The steps that run on the finished site, in the one order that works, stated here rather than by position in
 * astro.config.mjs:
 * 1. search index: reads the final HTML, writes /pagefind/;
 * 2. image budget: warns about images a phone would download that are too heavy;
 * 3. service-worker stamp: hashes the final pages into sw.js, so a deploy that changes a page installs a new worker;
 * 4. precompression: last, so every file the steps before wrote gets its .br and .gz. */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { imageBudget } from './image-budget';
import { searchIndex } from './pagefind';
import { precompressFiles } from './precompress';
import { stampServiceWorker } from './service-worker';

/** What each step gets: the output folder and Astro's logger. */
export interface BuildDone {
  dir: URL;
  logger: AstroIntegrationLogger;
}

export const BUILD_DONE_STEPS = [searchIndex, imageBudget, stampServiceWorker, precompressFiles] as const;

export default function buildDone(): AstroIntegration {
  return {
    name: 'loa-ban:build-done',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        for (const step of BUILD_DONE_STEPS) await step({ dir, logger });
      },
    },
  };
}
