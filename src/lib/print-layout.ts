/** Build-time estimate of how printed material falls onto A4 pages, so a booklet can say "about N pages" before
 * anyone prints it, and a leaflet that would not fit on one sheet fails the build instead of the printer.
 *
 * It lays text out the way the browser does with the print stylesheet: Arial metrics (Liberation Sans on Linux has
 * the same advance widths), greedy word wrap, fixed line heights, and Q&A blocks that never split across pages.
 * The numbers below must match src/styles/print.css and src/components/print/*; the print tests compare the estimate
 * with real PDFs printed by Chromium. */

/** 1 mm in points. */
export const MM = 72 / 25.4;

/** A4 with the booklet's @page margins (print.css: 15 mm all round). */
export const page = {
  width: 210 * MM,
  height: 297 * MM,
  margin: 15 * MM,
  get contentWidth() {
    return this.width - 2 * this.margin;
  },
  get contentHeight() {
    return this.height - 2 * this.margin;
  },
};

// Advance widths in 1/1000 em (Arial = Helvetica metrics), regular then bold, for the characters Vietnamese text
// uses after tone marks are stripped. Unknown characters count as a wide letter so estimates err long.
const chars = ' abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,:;-–()/"\'!?%&*+=_#@’“”…';
const regular = [
  278, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500,
  722, 500, 500, 500, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667,
  611, 722, 667, 944, 667, 667, 611, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 278, 278, 333, 556,
  333, 333, 278, 355, 191, 278, 556, 889, 667, 389, 584, 584, 556, 1015, 222, 333, 333, 1000,
];
const bold = [
  278, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556,
  778, 556, 556, 500, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667,
  611, 722, 667, 944, 667, 667, 611, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 333, 333, 333, 556,
  333, 333, 278, 474, 238, 333, 611, 889, 722, 389, 584, 584, 556, 975, 278, 500, 500, 1000,
];
const widthOf = (table: number[]) => new Map([...chars].map((c, i) => [c, table[i]!]));
const metrics = { regular: widthOf(regular), bold: widthOf(bold) };

/** Base letter of a Vietnamese character: tone marks and the horn/breve/circumflex add no advance width. */
const base = (c: string) =>
  c === 'đ' ? 'd' : c === 'Đ' ? 'D' : c.normalize('NFD').replace(/[\u0300-\u036f]/g, '') || c;

/** Width of `text` in points at `size` pt. */
export function textWidth(text: string, size: number, weight: 'regular' | 'bold' = 'regular'): number {
  const table = metrics[weight];
  let units = 0;
  for (const c of text) units += table.get(base(c)) ?? 722;
  return (units * size) / 1000;
}

/** A run of text in one weight, as it appears inside a paragraph. */
export interface Run {
  text: string;
  bold?: boolean;
}

/** Share of a column the estimate lets a line fill. Browsers shape Vietnamese with precomposed glyphs and kerning,
 * so a line the metrics call exactly full often wraps; measured against Chromium on the real content. */
export const lineFill = 0.985;

/** Lines a paragraph takes in a column `width` pt wide: greedy wrap at spaces, like the browser. */
export function wrapLines(runs: Run[], size: number, columnWidth: number): number {
  const width = columnWidth * lineFill;
  // Words keep their weight per character so a bold phrase inside a sentence is measured as bold.
  const words: number[] = [];
  let current = 0;
  let open = false;
  for (const run of runs) {
    const weight = run.bold ? 'bold' : 'regular';
    for (const piece of run.text.split(/(\s+)/)) {
      if (piece === '') continue;
      if (/^\s+$/.test(piece)) {
        if (open) words.push(current);
        current = 0;
        open = false;
      } else {
        current += textWidth(piece, size, weight);
        open = true;
      }
    }
  }
  if (open) words.push(current);
  if (words.length === 0) return 0;
  const space = textWidth(' ', size);
  let lines = 1;
  let used = 0;
  for (const w of words) {
    if (used === 0) {
      // A word wider than the column breaks anywhere (overflow-wrap: break-word).
      lines += Math.max(0, Math.ceil(w / width) - 1);
      used = w > width ? w % width : w;
    } else if (used + space + w <= width) {
      used += space + w;
    } else {
      lines += 1 + Math.max(0, Math.ceil(w / width) - 1);
      used = w > width ? w % width : w;
    }
  }
  return lines;
}

/** Lines a string takes when it may break between any two characters (printed URLs: word-break: break-all). */
export function charLines(text: string, size: number, width: number): number {
  let lines = 1;
  let used = 0;
  for (const c of text) {
    const w = textWidth(c, size);
    if (used + w > width) {
      lines += 1;
      used = w;
    } else used += w;
  }
  return text ? lines : 0;
}

/** A block of an answer: a paragraph or a list item, with its runs. */
export interface Block {
  kind: 'p' | 'li';
  runs: Run[];
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };
const decode = (s: string) =>
  s.replace(/&(#x?[0-9a-f]+|\w+);/gi, (m, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(parseInt(e.slice(1).replace(/^x/i, ''), /^#x/i.test(e) ? 16 : 10))
      : (entities[e] ?? m),
  );

/** Paragraphs and list items of rendered Markdown, with bold runs and each link's printed URL, as print.css shows them. */
export function blocksFromHtml(html: string): Block[] {
  const blocks: Block[] = [];
  for (const [, tag, inner] of html.matchAll(/<(p|li)\b[^>]*>([\s\S]*?)<\/\1>/g)) {
    const runs: Run[] = [];
    const links: (string | undefined)[] = [];
    let bold = false;
    for (const [token] of (inner ?? '').matchAll(/<[^>]+>|[^<]+/g)) {
      if (/^<(strong|b)\b/i.test(token)) bold = true;
      else if (/^<\/(strong|b)>/i.test(token)) bold = false;
      else if (/^<a\b/i.test(token)) {
        const href = /href="([^"]*)"/.exec(token)?.[1];
        links.push(href && !href.startsWith('#') && !href.startsWith('tel:') ? decode(href) : undefined);
      } else if (/^<\/a>/i.test(token)) {
        const href = links.pop();
        if (href) runs.push({ text: ` (${href})` });
      } else if (!token.startsWith('<')) runs.push({ text: decode(token), bold });
    }
    blocks.push({ kind: tag as 'p' | 'li', runs });
  }
  return blocks;
}

/** Sizes of one booklet Q&A block, in points, mirroring src/components/print/BookletQa.astro. */
export const qaBox = {
  /** Text column: page width minus the QR column and the gap. */
  get textWidth() {
    return page.contentWidth - this.figureWidth - this.gap;
  },
  figureWidth: 32 * MM,
  gap: 6 * MM,
  qrSize: 28 * MM,
  padding: 3 * MM,
  border: 0.75,
  question: { size: 12, lineHeight: 1.3, after: 2 * MM },
  body: { size: 11, lineHeight: 1.4, after: 2 * MM },
  listIndent: 6 * MM,
  caption: { size: 8, lineHeight: 1.25, before: 1 * MM },
};

/** What a booklet Q&A shows, for measuring. */
export interface QaPrint {
  question: string;
  /** Rendered HTML of the answer. */
  html: string;
  /** The caption under the QR code and the printed address. */
  caption: string;
  url: string;
  /** Notices printed between question and answer (another province, a draft). */
  notices?: string[];
}

/** Height of one Q&A block in points. */
export function qaHeight(qa: QaPrint): number {
  const b = qaBox;
  const q = wrapLines([{ text: qa.question, bold: true }], b.question.size, b.textWidth);
  let text =
    q * b.question.size * b.question.lineHeight + b.question.after + noticesHeight(qa.notices ?? [], b.textWidth);
  const blocks = blocksFromHtml(qa.html);
  blocks.forEach((block, i) => {
    const width = block.kind === 'li' ? b.textWidth - b.listIndent : b.textWidth;
    const lines = wrapLines(block.runs, b.body.size, width);
    const lastInGroup = i === blocks.length - 1 || blocks[i + 1]!.kind !== block.kind;
    // Paragraphs are spaced; list items sit tight and the list as a whole is spaced.
    const after = block.kind === 'p' || lastInGroup ? b.body.after : 0;
    text += lines * b.body.size * b.body.lineHeight + (i === blocks.length - 1 ? 0 : after);
  });
  const figure =
    b.qrSize +
    b.caption.before +
    (charLines(qa.caption, b.caption.size, b.figureWidth) + charLines(qa.url, b.caption.size, b.figureWidth)) *
      b.caption.size *
      b.caption.lineHeight;
  return Math.max(text, figure) + 2 * b.padding + b.border;
}

/** Pages a sequence of unsplittable blocks fills, starting on a fresh page; a block taller than a page spills over. */
export function packPages(heights: number[], pageHeight: number): number {
  let pages = 1;
  let used = 0;
  for (const h of heights) {
    if (used > 0 && used + h > pageHeight) {
      pages += 1;
      used = 0;
    }
    used += h;
    while (used > pageHeight) {
      pages += 1;
      used -= pageHeight;
    }
  }
  return pages;
}

/** Height of the print foot (page address and date) that ends every printed page, mirroring print.css. */
export const footHeight = 6 * MM + 2 * MM + 0.75 + 9 * 1.3;

/** Estimated A4 pages of a booklet: a cover page, then the Q&A blocks, then the foot. */
export function bookletPages(qa: QaPrint[]): number {
  // With no Q&A, page 2 holds the "nothing yet" notice (a .panel: one line, padding, margins) and the foot.
  if (qa.length === 0) return 1 + packPages([11 * 1.4 + 2 * 9 + 2 * 12 + 2, footHeight], page.contentHeight);
  return 1 + packPages([...qa.map(qaHeight), footHeight], page.contentHeight);
}

/** What a leaflet prints, for measuring. */
export interface LeafletPrint {
  issuer: string;
  title: string;
  summary: string;
  /** The period line ("" when the topic has none). */
  period: string;
  /** The notices under it: an ended campaign or the documents' year, another province, a draft. */
  notices?: string[];
  keyMessages: string[];
  /** Label of each hotline (the number itself is one large line). */
  hotlines: string[];
  basis: string;
  /** The issuer and date line. */
  dateLine: string;
  /** Caption and printed address under the QR code. */
  caption: string;
  url: string;
}

/** Sizes of the leaflet, mirroring src/pages/in/[topic]/to-roi.astro. */
export const leafletBox = {
  qrSize: 40 * MM,
  gap: 8 * MM,
  listIndent: 8 * MM,
};

/** Height of printed notices (print.css: .notice 10pt/1.3 ruled 2 mm in from the left, .notices 2 mm below). */
export function noticesHeight(notices: string[], width: number): number {
  if (notices.length === 0) return 0;
  return notices.reduce((h, n) => h + wrapLines([{ text: n }], 10, width - 2 * MM - 1) * 10 * 1.3, 0) + 2 * MM;
}

/** How many points the leaflet runs past one A4 page (0 or less: it fits). */
export function leafletOverflow(l: LeafletPrint): number {
  const w = page.contentWidth;
  const lines = (text: string, size: number, width = w, weight: 'regular' | 'bold' = 'regular') =>
    wrapLines([{ text, bold: weight === 'bold' }], size, width);
  let h = 0;
  h += lines(l.issuer.toUpperCase(), 10, w, 'bold') * 10 * 1.4 + 3 * MM;
  h += lines(l.title, 20, w, 'bold') * 20 * 1.2 + 3 * MM;
  h += lines(l.summary, 11) * 11 * 1.4 + 2 * MM;
  if (l.period) h += lines(l.period, 11, w, 'bold') * 11 * 1.4 + 2 * MM;
  h += noticesHeight(l.notices ?? [], w);
  h += 5 * MM + 14 * 1.3 + 2 * MM;
  const messages = l.keyMessages.length > 0 ? l.keyMessages : ['—'];
  for (const m of messages) h += lines(m, 13, w - leafletBox.listIndent) * 13 * 1.4 + 2 * MM;
  const hotlineWidth = w - leafletBox.gap - leafletBox.qrSize - 2 * 2 - 8 * MM;
  const hotlineBox =
    l.hotlines.length === 0
      ? 0
      : 2 * 2 +
        6 * MM +
        14 * 1.3 +
        1 * MM +
        l.hotlines.reduce((sum, label) => sum + 26 * 1.1 + lines(label, 11, hotlineWidth) * 11 * 1.3 + 2 * MM, 0);
  const figure =
    leafletBox.qrSize +
    1 * MM +
    (charLines(l.caption, 8, leafletBox.qrSize) + charLines(l.url, 8, leafletBox.qrSize)) * 8 * 1.25;
  h += 6 * MM + Math.max(hotlineBox, figure);
  h += 4 * MM + lines(l.basis, 9) * 9 * 1.3;
  h += 4 * MM + lines(l.dateLine, 9) * 9 * 1.3;
  h += footHeight;
  return h - page.contentHeight;
}

/** Type sizes (pt) a banner slogan may take; each has a class in src/pages/in/khau-hieu.astro. */
export const sloganSizes = [120, 100, 84, 72, 60, 48, 40, 32] as const;
export type SloganSize = (typeof sloganSizes)[number];

/** A4 landscape with 10 mm margins, less the strip at the foot that carries the QR code. */
export const bannerBox = { width: 277 * MM, textHeight: 140 * MM, lineHeight: 1.15 };

/** The largest size at which the slogan fits the sheet in bold, so short slogans read from across a hall. */
export function sloganSize(text: string): SloganSize {
  const fits = (size: number) =>
    wrapLines([{ text, bold: true }], size, bannerBox.width) * size * bannerBox.lineHeight <= bannerBox.textHeight;
  return sloganSizes.find(fits) ?? sloganSizes[sloganSizes.length - 1]!;
}
