/** Our additions to the editor: widgets (next free number, MP3 upload or recording), previews in the site's style. */
import type { APIRoute } from 'astro';
import { bundleClient } from '../../lib/cms/client-bundle';

export const GET: APIRoute = async () =>
  new Response(await bundleClient('main.ts'), { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
