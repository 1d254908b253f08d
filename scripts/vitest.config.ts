/** One command runs everything (`npm test`), in three projects run one after another so a 2-core machine is never
 * asked for more than it has:
 * - unit: pure functions and schemas, beside the code (src/lib, src/schemas…); seconds. `npm run test:unit`.
 *   Through Astro's getViteConfig(), so schemas using `reference()` from astro:content run as in a build.
 * - site: static checks (types, lint, format) and tests reading the real build, or builds of their own.
 * - browser: tests driving the system Chromium, one file at a time.
 * The site and browser projects share one build of the real site, made by their global setup. */
import { getViteConfig } from 'astro/config';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** The project root: paths below are relative to it, wherever vitest is started from. */
const root = fileURLToPath(new URL('..', import.meta.url));

const browserTests = [
  'src/tests/editor.test.ts',
  'src/tests/inbox-browser.test.ts',
  'src/tests/nginx.test.ts',
  'src/tests/offline.test.ts',
  'src/tests/offline-copy.test.ts',
  'src/tests/pdf-cache.test.ts',
  'src/tests/print.test.ts',
  'src/tests/quality-a11y.test.ts',
  'src/tests/search*.test.ts',
];
/** Never more workers than cores: builds and Chromium each take a core to themselves. */
const cores = Math.max(1, Math.min(2, availableParallelism()));

export default defineConfig({
  root,
  test: {
    // Sized for the slowest honest case: a build or a browser page on a busy 2-core machine, not a typical one.
    testTimeout: 180_000,
    hookTimeout: 600_000,
    maxWorkers: cores,
    coverage: {
      provider: 'v8',
      include: ['src/lib/**/*.ts', 'src/schemas/**/*.ts'],
      exclude: ['**/*.test.ts'],
      reporter: ['text-summary', 'html'],
      // Just below what the suite reaches (statements 94.1 %, branches 83.4 %, functions 87.9 %, lines 95.1 %):
      // a change that leaves code untested fails npm test. Raise them as coverage grows.
      thresholds: { statements: 93, branches: 82, functions: 87, lines: 94 },
    },
    projects: [
      getViteConfig({
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts'],
          exclude: ['src/tests/**'],
          sequence: { groupOrder: 0 },
        },
      }),
      {
        test: {
          name: 'site',
          include: ['src/tests/**/*.test.ts'],
          exclude: browserTests,
          globalSetup: ['src/tests/helpers/global-setup.ts'],
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'browser',
          include: browserTests,
          globalSetup: ['src/tests/helpers/global-setup.ts'],
          fileParallelism: false,
          // Tests marked concurrent open at most one browser page per core.
          maxConcurrency: cores,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
