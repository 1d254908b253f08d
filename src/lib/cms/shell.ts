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
