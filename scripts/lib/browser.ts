/** The system Chromium for tests and benchmarks: the same launcher the build uses for PDFs (src/lib/chromium.ts). */
export { CHROME_ARGS, chromePath, launch } from '../../src/lib/chromium.ts';
