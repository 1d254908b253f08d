/** The HTML page that starts the editing app. A plain page (not an Astro page) so it carries none of the resident
 * pages' chrome, styles or CSP <meta>; its headers come from the server (scripts/deploy/nginx.conf, public/_headers). */

export interface ShellText {
  title: string;
  noscript: string;
  links: { href: string; text: string }[];
}

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[c]};`);

/** `scripts` load in order: Decap first (it defines window.CMS), then ours, which registers widgets and starts it. */
export function shellHtml(text: ShellText, scripts: string[]): string {
  const links = text.links.map((l) => `<a href="${escape(l.href)}">${escape(l.text)}</a>`).join('\n      ');
  return `<!doctype html>
<html lang="vi">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="robots" content="noindex, nofollow" />
    <title>${escape(text.title)}</title>
    <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
    <link rel="cms-config-url" type="text/yaml" href="/bien-tap/config.yml" />
    <style>
      /* Our links beside Decap's app, which fills the window: a bar at the foot of the screen. */
      .loa-ban-editor-links { position: fixed; z-index: 400; left: 0; bottom: 0; display: flex; flex-wrap: wrap; gap: 0 1rem; padding: 0.25rem 1rem; background: #1d4f91; font: 0.875rem/1.6 system-ui, sans-serif; }
      .loa-ban-editor-links a { color: #fff; display: inline-block; min-height: 24px; padding: 0.25rem 0; }
      body { padding-bottom: 2.5rem; }
      /* Decap's grey "back to the site" text on its grey login page fails WCAG contrast. */
      [class*='-ButtonText'] { color: #313d3e !important; }
    </style>
  </head>
  <body>
    <nav class="loa-ban-editor-links" aria-label="${escape(text.title)}">
      ${links}
    </nav>
    <noscript><p>${escape(text.noscript)}</p></noscript>
    ${scripts.map((s) => `<script src="${escape(s)}"></script>`).join('\n    ')}
  </body>
</html>
`;
}

export interface RecorderText {
  title: string;
  intro: string;
  noscript: string;
  back: { href: string; text: string };
  labels: Record<'qa' | 'lang' | 'speaker' | 'producer' | 'transcript' | 'record' | 'send' | 'loading', string>;
  scripts: string[];
  stylesheet: string;
}

/** The phone recorder: a plain form in the site's own styles, usable on a 360 px screen. Its script fills the lists
 * and runs the microphone; the messages it shows come from the same strings as this page. */
export function recorderHtml(text: RecorderText): string {
  const l = text.labels;
  return `<!doctype html>
<html lang="vi">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="robots" content="noindex, nofollow" />
    <title>${escape(text.title)}</title>
    <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
    <link rel="stylesheet" href="${escape(text.stylesheet)}" />
  </head>
  <body>
    <header class="wrap"><p><a href="${escape(text.back.href)}">${escape(text.back.text)}</a></p></header>
    <main id="main" class="wrap">
      <h1>${escape(text.title)}</h1>
      <p>${escape(text.intro)}</p>
      <noscript><p>${escape(text.noscript)}</p></noscript>
      <form id="recorder" class="recorder" novalidate>
        <p id="recorder-login" role="status">${escape(l.loading)}</p>
        <p><label for="qa">${escape(l.qa)}</label><br /><select id="qa" name="qa" required></select></p>
        <p><label for="lang">${escape(l.lang)}</label><br /><select id="lang" name="lang" required></select></p>
        <p><label for="speaker">${escape(l.speaker)}</label><br /><input id="speaker" name="speaker" required autocomplete="name" /></p>
        <p><label for="producer">${escape(l.producer)}</label><br /><input id="producer" name="producer" required autocomplete="organization" /></p>
        <p><button type="button" id="record">${escape(l.record)}</button></p>
        <p><audio id="take" controls hidden></audio></p>
        <p><label for="transcript">${escape(l.transcript)}</label><br /><textarea id="transcript" name="transcript" rows="8" required></textarea></p>
        <p><button type="submit" id="send">${escape(l.send)}</button></p>
        <p id="recorder-status" role="status" aria-live="polite"></p>
      </form>
    </main>
    ${text.scripts.map((s) => `<script src="${escape(s)}"></script>`).join('\n    ')}
  </body>
</html>
`;
}
