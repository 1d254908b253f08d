import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { siteDist } from './paths';
import { serve, type StaticServer } from './server';

const candidates = [process.env['CHROME_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The system Chromium: we never download a browser. */
export function chromePath(): string {
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found) {
    throw new Error(
      'No Chromium found. Install one with `apt-get install -y chromium` (Debian) or set CHROME_PATH to a Chrome/Chromium binary.',
    );
  }
  return found;
}

/** Headless system Chromium with the flags this closed network needs. */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromePath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-quic', '--no-first-run'],
  });
}

/** The built site behind a loopback server, and headless Chromium, for the tests of one file: started before them,
 * closed after them. */
export function siteInBrowser(dir = siteDist): { readonly browser: Browser; readonly server: StaticServer } {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launch(), serve(dir)]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error('the browser starts in beforeAll: use it inside a test or hook');
      return browser;
    },
    get server() {
      if (!server) throw new Error('the server starts in beforeAll: use it inside a test or hook');
      return server;
    },
  };
}
