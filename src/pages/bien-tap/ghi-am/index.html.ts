/** /bien-tap/ghi-am/: the phone recorder, a page of its own because Decap's screens need about 800 px. It saves
 * through the same backend as /bien-tap/ (src/client/cms/backend.ts). */
import type { APIRoute } from 'astro';
import { e } from '../../../data/cms';
import { recorderHtml } from '../../../lib/cms/shell';
import { editorUrls } from '../../../lib/urls';

export const GET: APIRoute = () =>
  new Response(
    recorderHtml({
      title: e('recorder.title'),
      intro: e('recorder.intro'),
      noscript: e('app.noscript'),
      back: { href: editorUrls.app(), text: e('app.title') },
      labels: {
        qa: e('recorder.qa'),
        lang: e('recorder.lang'),
        speaker: e('recorder.speaker'),
        producer: e('recorder.producer'),
        transcript: e('recorder.transcript'),
        record: e('recorder.record'),
        send: e('recorder.send'),
        loading: e('recorder.loading'),
      },
      scripts: [editorUrls.file('ghi-am.js'), editorUrls.file('decap-cms.js')],
      stylesheet: editorUrls.file('preview.css'),
    }),
    { headers: { 'Content-Type': 'text/html; charset=utf-8' } },
  );
