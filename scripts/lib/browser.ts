/** The system Chromium for tests and benchmarks: we never download a browser. */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type LaunchOptions } from 'playwright-core';

const candidates = [
  process.env['CHROME_PATH'],
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];

export function chromePath(): string {
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found) {
    throw new Error(
      'No Chromium found. Install one with `apt-get install -y chromium` (Debian) or set CHROME_PATH to a Chrome/Chromium binary.',
    );
  }
  return found;
}

/** Flags this closed network needs: without them Chromium keeps trying to reach Google's services. */
export const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-quic',
  '--no-first-run',
];

/** Headless system Chromium; `args` adds flags (e.g. a fake microphone). */
export function launch(options: Omit<LaunchOptions, 'executablePath' | 'headless'> = {}): Promise<Browser> {
  return chromium.launch({
    ...options,
    executablePath: chromePath(),
    headless: true,
    args: [...CHROME_ARGS, ...(options.args ?? [])],
  });
}

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
