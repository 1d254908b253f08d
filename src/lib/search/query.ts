/** What the index holds and what a query asks for, made to meet. Build and browser share these functions, so the
 * two sides cannot drift apart. Pure. */
import { addFoldedTwins, dropFoldedTwins, foldStrokes, hasStroke } from './fold.ts';
import { decodeKhmer, encodeKhmerQuery, encodeKhmerText } from './khmer.ts';

/** Longest query we pass on; a pasted paragraph is cut, not searched word by word for seconds on a cheap phone. */
export const MAX_QUERY = 120;

/** Index side: one text node of a searchable page, as Pagefind should see it. */
export function indexText(text: string): string {
  return encodeKhmerText(addFoldedTwins(text.normalize('NFC')));
}

/** Display side: text from the index (title, excerpt) as residents wrote it. */
export function displayText(text: string): string {
  return dropFoldedTwins(decodeKhmer(text));
}

/** Display side for an excerpt: Pagefind's plain excerpt (which escapes < and >) as residents wrote it. When the
 * excerpt window starts on a twin whose original word was cut off, the twin is dropped too. `content` is the page
 * text the excerpt was cut from. */
export function excerptText(content: string, excerpt: string): string {
  let text = excerpt.replace(/&lt;/g, '<').replace(/&gt;/g, '>');
  const at = content.indexOf(text);
  const before = at > 0 ? content.slice(0, at).trimEnd().split(' ').pop() : undefined;
  const first = text.split(' ', 1)[0]!;
  if (before && hasStroke(before) && foldStrokes(before) === first) text = text.slice(first.length).trimStart();
  return displayText(text);
}

/** Query side: what the resident typed, as Pagefind should search it. NFC, because phones and keyboards send
 * composed or decomposed accents and Pagefind prefers exact accents by comparing characters. "đ" is left as typed:
 * the index holds every "đ" word twice (as written, and with "d"), so "duong" and "đường" both find "Đường", and a
 * query typed with "đ" keeps its exact-accent ranking. Khmer is segmented and encoded like the index. */
export function searchQuery(raw: string): string {
  return encodeKhmerQuery(raw.normalize('NFC').slice(0, MAX_QUERY)).replace(/\s+/g, ' ').trim();
}
