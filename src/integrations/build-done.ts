/** The steps that run on the finished site, in the one order that works, stated here rather than by position in
 * astro.config.mjs:
 * 1. PDFs: prints the print pages to PDF and writes each page's real PDF page count and size into the pages that
 *    offer it, so every later step sees the final HTML;
 * 2. search index: reads the final HTML, writes /pagefind/;
 * 3. image budget: warns about images a phone would download that are too heavy;
 * 4. service-worker stamp: hashes the final pages into sw.js, so a deploy that changes a page installs a new worker;
 * 5. precompression: last, so every file the steps before wrote gets its .br and .gz. */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { fileURLToPath } from 'node:url';
import { imageBudget } from './image-budget';
import { printPdfs } from './pdf';
import { searchIndex } from './pagefind';
import { precompressFiles } from './precompress';
import { stampServiceWorker } from './service-worker';

/** What each step gets: the output folder, Astro's logger and the build's cache folder (Astro's `cacheDir`), where a
 * step may keep what the next build can reuse. */
export interface BuildDone {
  dir: URL;
  logger: AstroIntegrationLogger;
  cacheDir: string;
}

export const BUILD_DONE_STEPS = [printPdfs, searchIndex, imageBudget, stampServiceWorker, precompressFiles] as const;

/** The line each step logs when it ends; `npm run bench` reads it for its stage table (scripts/bench.ts). */
export const stepLine = (name: string, seconds: number) => `Bước ${name} xong trong ${seconds.toFixed(2)} giây.`;

export default function buildDone(): AstroIntegration {
  let cacheDir = '';
  return {
    name: 'loa-ban:build-done',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:done': async ({ dir, logger }) => {
        for (const step of BUILD_DONE_STEPS) {
          const started = performance.now();
          await step({ dir, logger, cacheDir });
          logger.info(stepLine(step.name, (performance.now() - started) / 1000));
        }
      },
    },
  };
}
