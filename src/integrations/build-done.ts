/** The steps that run on the finished site, in the one order that works, stated here rather than by position in
 * astro.config.mjs:
 * 1. PDFs: prints the print pages to PDF and writes each page's real PDF page count and size into the pages that
 *    offer it, so every later step sees the final HTML;
 * 2. search index: reads the final HTML, writes /pagefind/;
 * 3. image budget: warns about images a phone would download that are too heavy;
 * 4. service-worker stamp: hashes the final pages into sw.js, so a deploy that changes a page installs a new worker;
 * 5. precompression: last, so every file the steps before wrote gets its .br and .gz. */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { imageBudget } from './image-budget';
import { printPdfs } from './pdf';
import { searchIndex } from './pagefind';
import { precompressFiles } from './precompress';
import { stampServiceWorker } from './service-worker';

/** What each step gets: the output folder and Astro's logger. */
export interface BuildDone {
  dir: URL;
  logger: AstroIntegrationLogger;
}

export const BUILD_DONE_STEPS = [printPdfs, searchIndex, imageBudget, stampServiceWorker, precompressFiles] as const;

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
