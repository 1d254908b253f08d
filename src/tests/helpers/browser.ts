import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launch } from '../../../scripts/lib/browser';
import { serve, type StaticServer } from '../../../scripts/lib/static-server';
import { siteDist } from './paths';

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
