/** The system Chromium for tests and benchmarks: the same launcher the build uses for PDFs (src/lib/chromium.ts). */
import { chromium, type BrowserContext, type LaunchOptions } from 'playwright-core';
import { CHROME_ARGS, chromePath } from '../../src/lib/chromium.ts';

export { CHROME_ARGS, chromePath, launch } from '../../src/lib/chromium.ts';

/** Chromium with a profile kept in `userDataDir`: closing and launching it again is a browser restart (IndexedDB,
 * service workers and caches survive). */
export function launchPersistent(
  userDataDir: string,
  options: Omit<LaunchOptions, 'executablePath' | 'headless'> = {},
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    ...options,
    executablePath: chromePath(),
    headless: true,
    args: [...CHROME_ARGS, ...(options.args ?? [])],
  });
}

/** Chromium's fake microphone (a beep) with permission granted, for recording tests. */
export const FAKE_MICROPHONE = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'];
