/** The phone recorder's script (src/client/cms/recorder-page.ts). */
import type { APIRoute } from 'astro';
import { bundleClient } from '../../lib/cms/client-bundle';

export const GET: APIRoute = async () =>
  new Response(await bundleClient('recorder-page.ts'), {
    headers: { 'Content-Type': 'text/javascript; charset=utf-8' },
  });
