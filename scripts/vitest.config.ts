import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// One command runs everything: unit tests beside the code (src/lib/**) and build/browser tests (src/tests/**).
// The global setup builds the real site once; every build-level test reads that output.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['src/**/*.test.ts'],
    globalSetup: ['src/tests/helpers/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 600_000,
    maxWorkers: 2,
  },
});
