/** The system Chromium for tests and benchmarks: the same launcher the build uses for PDFs (src/lib/chromium.ts). */
import { chromium, type BrowserContext, type CDPSession, type LaunchOptions } from 'playwright-core';
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

/** A slow link for one page, through Chromium's DevTools protocol: round trip in ms, throughput in bytes a second. */
export interface Link {
  latency: number;
  down: number;
  up: number;
}

/** Emulates `link` on the page behind `cdp` (its network events then come through the same session). */
export async function emulateLink(cdp: CDPSession, { latency, down, up }: Link): Promise<void> {
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency,
    downloadThroughput: down,
    uploadThroughput: up,
  });
}
