/** How a page offers a PDF that does not exist yet when the page is rendered. Astro renders every page first; the
 * build's PDF step (src/integrations/pdf.ts) then prints the print pages and fills in what each page may say:
 *
 *   <!--pdf:/in/x/tap-hoi-dap-x.pdf-->shown when the PDF was made, with {pages} and {size}<!--pdf:else-->
 *   shown when it was not<!--/pdf-->
 *
 * So the page count and size a page states are those of the real file, and no page links a PDF that was never made
 * (a build machine without Chromium keeps the second part). Markers are HTML comments: they survive Astro's output
 * untouched and disappear in the filled page. */

export const PDF_BLOCK = {
  open: (href: string) => `<!--pdf:${href}-->`,
  otherwise: '<!--pdf:else-->',
  close: '<!--/pdf-->',
} as const;

/** What a page may state about a PDF the build made. */
export interface PdfFacts {
  pages: number;
  /** "180 KB" / "1,2 MB", formatted for residents. */
  size: string;
}

const BLOCK = /<!--pdf:(?!else-->)([^\s>]+?)-->([\s\S]*?)(?:<!--pdf:else-->([\s\S]*?))?<!--\/pdf-->/g;

/** Does the page hold any PDF block? A cheap test before the regular expressions run. */
export const hasPdfBlocks = (html: string) => html.includes('<!--pdf:');

/** Every block becomes its first part with `{pages}` and `{size}` filled in when `facts` knows its PDF, else its
 * second part (nothing when it has none). */
export function fillPdfBlocks(html: string, facts: (href: string) => PdfFacts | undefined): string {
  return html.replace(BLOCK, (_, href: string, made: string, otherwise: string | undefined) => {
    const known = facts(href);
    if (!known) return otherwise ?? '';
    return made.replaceAll('{pages}', String(known.pages)).replaceAll('{size}', known.size);
  });
}

/** The PDF a page is printed to: the href of its `<link rel="alternate" type="application/pdf">`, which a print
 * page declares in its head (inside a PDF block, so it goes away when no PDF is made). */
export function printedAs(html: string): string | undefined {
  for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
    if (/\brel="alternate"/.test(tag) && /\btype="application\/pdf"/.test(tag)) {
      return /\bhref="([^"]+)"/.exec(tag)?.[1];
    }
  }
  return undefined;
}
