/** Letter folding that Pagefind lacks. Pagefind strips combining marks (so "dan toc" finds "dân tộc"), but letters
 * with a stroke have no Unicode decomposition: "duong" never meets "đường". Residents almost always type "d" for "đ",
 * and the Latin scripts of Ê Đê, Gia Rai and Ba Na add "ƀ". Pure: used by the build (index side) and the browser. */

/** Stroke letters and the plain letter residents type for them. */
const STROKES: Record<string, string> = { đ: 'd', Đ: 'D', ƀ: 'b', Ƀ: 'B' };
const STROKE = /[đĐƀɃ]/;
const STROKE_G = /[đĐƀɃ]/g;
/** A run of letters, marks and digits: one word for Pagefind. */
const WORD_G = /[\p{L}\p{M}\p{N}]+/gu;
const WORD_SPLIT = /([\p{L}\p{M}\p{N}]+)/u;

/** "Đường" → "Dường": stroke letters become plain; tone marks stay, so Pagefind can still prefer exact accents. */
export function foldStrokes(text: string): string {
  return text.replace(STROKE_G, (c) => STROKES[c] ?? c);
}

/** True when a word has a letter that folding changes. */
export function hasStroke(word: string): boolean {
  return STROKE.test(word);
}

/** Index side: after each word holding "đ" (or "ƀ") insert its folded twin, so "Đường dây" is indexed as
 * "Đường Dường dây". A query with "đ" still meets only the original (and ranks it first); a query with "d" meets
 * the twin. The twin sits beside its word, so it counts like any word of the page and excerpts stay in place. */
export function addFoldedTwins(text: string): string {
  return text.replace(WORD_G, (word) => (hasStroke(word) ? `${word} ${foldStrokes(word)}` : word));
}

/** Display side: removes the twins `addFoldedTwins` added (a word followed by one space and its own folded form). */
export function dropFoldedTwins(text: string): string {
  // split() with a capture group alternates: separator, word, separator, word…
  const parts = text.split(WORD_SPLIT);
  let out = '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    out += part;
    if (i % 2 === 1 && hasStroke(part) && parts[i + 1] === ' ' && parts[i + 2] === foldStrokes(part)) i += 2;
  }
  return out;
}

/** The loosest comparison key, as Pagefind compares words: lower case, no marks, no strokes. For highlighting. */
export function looseKey(word: string): string {
  return foldStrokes(word.normalize('NFD').replace(/\p{M}/gu, '')).toLowerCase();
}
