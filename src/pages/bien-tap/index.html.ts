/** /bien-tap/: the editing app (Decap CMS). Not in the sitemap, the search index or the service worker. */
import type { APIRoute } from 'astro';
import { e } from '../../data/cms';
import { shellHtml } from '../../lib/cms/shell';
import { editorUrls } from '../../lib/urls';

export const GET: APIRoute = () =>
  new Response(
    shellHtml(
      {
        title: e('app.title'),
        noscript: e('app.noscript'),
        links: [
          { href: editorUrls.worklist(), text: e('app.worklist') },
          { href: editorUrls.recorder(), text: e('app.recorder') },
          { href: editorUrls.inbox(), text: e('app.inbox') },
        ],
      },
      [editorUrls.file('decap-cms.js'), editorUrls.file('loa-ban-cms.js')],
    ),
    { headers: { 'Content-Type': 'text/html; charset=utf-8' } },
  );
