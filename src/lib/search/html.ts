/** Rewrites the text of a built page before Pagefind reads it (the files on disk stay as they are). Astro writes
 * well-formed HTML, so a tokenizer is enough: text between tags is rewritten, except inside elements whose text is
 * not prose (scripts, styles) or whose text is a Pagefind filter or metadata value, which must stay as written. Pure. */

const TOKEN_G = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|[^<]+|</g;
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);
const RAW = new Set(['script', 'style', 'template', 'textarea', 'svg', 'math']);
const KEEP_ATTR = /\sdata-pagefind-(?:filter|meta|sort)\b/;

/** `html` with `rewrite` applied to every text node outside the elements listed above. */
export function rewriteText(html: string, rewrite: (text: string) => string): string {
  let out = '';
  // Name and depth of the element whose text we are leaving alone, if any.
  let keep: { tag: string; depth: number } | undefined;
  for (const match of html.matchAll(TOKEN_G)) {
    const [token, closing, rawTag, attrs] = match;
    if (rawTag === undefined) {
      out += keep || token.startsWith('<') ? token : rewrite(token);
      continue;
    }
    out += token;
    const tag = rawTag.toLowerCase();
    const selfClosing = VOID.has(tag) || (attrs ?? '').trimEnd().endsWith('/');
    if (keep) {
      if (tag === keep.tag && !selfClosing) keep.depth += closing ? -1 : 1;
      if (keep.depth === 0) keep = undefined;
    } else if (!closing && !selfClosing && (RAW.has(tag) || KEEP_ATTR.test(attrs ?? ''))) {
      keep = { tag, depth: 1 };
    }
  }
  return out;
}

/** `html` without its `<style>` elements. The indexer skips their text anyway; every page inlines the site's CSS
 * (about 40 % of a Q&A page's bytes), and not handing it over saves that much parsing on a large site. Pure. */
export function withoutStyles(html: string): string {
  return html.replace(/<style\b[^>]*>[\s\S]*?<\/style\s*>/gi, '');
}
