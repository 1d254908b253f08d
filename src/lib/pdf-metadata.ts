/** The document information Chromium does not set in the PDFs it prints (it sets the title from <title>, the
 * creation date and, in a tagged PDF, the language): the author, a subject, and a creator that is the site rather
 * than the headless browser's user agent. pdf-lib edits the file without touching its pages or fonts. */
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';

export interface PdfMetadata {
  title: string;
  /** BCP 47 language of the text, e.g. "vi". */
  language: string;
  /** Who issues the printed material: the settings' issuer, or the site name (issuerName). */
  author: string;
  subject?: string | undefined;
  /** The site name: what made the document. */
  creator: string;
  created: Date;
}

/** The PDF with its metadata set, its page count and the names of the fonts it embeds. */
export async function finishPdf(
  pdf: Uint8Array,
  meta: PdfMetadata,
): Promise<{ bytes: Uint8Array; pages: number; fonts: string[] }> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setLanguage(meta.language);
  doc.setAuthor(meta.author);
  if (meta.subject) doc.setSubject(meta.subject);
  doc.setCreator(meta.creator);
  doc.setCreationDate(meta.created);
  doc.setModificationDate(meta.created);
  const fonts = new Set<string>();
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Type')) !== PDFName.of('Font')) continue;
    const name = object.get(PDFName.of('BaseFont'));
    if (name instanceof PDFName) fonts.add(name.decodeText());
  }
  // Object streams pack Chromium's many small objects: a tagged booklet of 143 KB becomes 97 KB.
  return { bytes: await doc.save({ useObjectStreams: true }), pages: doc.getPageCount(), fonts: [...fonts].sort() };
}

/** The families src/styles/print.css names, as PostScript names start: Vietnamese text in Arial or its
 * metric twin Liberation Sans (Helvetica on a Mac), Khmer in Noto Sans Khmer or Khmer OS. Keep in step with print.css. */
export const PRINT_FONTS = ['Arial', 'LiberationSans', 'Helvetica', 'NotoSansKhmer', 'KhmerOS'] as const;

/** Fonts of a PDF outside the print stylesheet's families ("ABCDEF+DejaVuSans" → "DejaVuSans"): Chromium took them
 * as a fallback because the print fonts lack a glyph, so some words are set in two fonts. */
export function unexpectedFonts(fonts: string[], families: readonly string[] = PRINT_FONTS): string[] {
  const names = fonts.map((f) => f.replace(/^[A-Z]{6}\+/, ''));
  return [...new Set(names.filter((n) => !families.some((family) => n.startsWith(family))))];
}
