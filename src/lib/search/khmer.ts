/** Khmer for Pagefind. Khmer writes words without spaces, and Pagefind splits words only at spaces, so a word from the
 * middle of a sentence is never found; Pagefind also strips combining marks, and in Khmer those are the vowel signs
 * and the subscript sign (coeng), so folding would merge different words (ក្រុម and ករម). So we segment Khmer with
 * Intl.Segmenter('km') (Node and browsers ship it) and write each word as an ASCII token that Pagefind can neither
 * split nor fold: "zq" + two base-32 digits per code point. The browser segments and encodes the query the same way,
 * and decodes tokens back to Khmer for display. Matching stays exact on every code point. Pure. */

/** Khmer and Khmer Symbols blocks, plus the zero-width space Khmer writers put between words. */
const KHMER_RUN_G = /[\u1780-\u17FF\u19E0-\u19FF\u200B]+/g;
const KHMER = /[\u1780-\u17FF\u19E0-\u19FF]/;
/** Khmer punctuation (។ ៕ ៖ ៗ …) stays as written: Pagefind ignores it, and sentence ends must stay visible to it. */
const PUNCTUATION = /^[\u17D4-\u17DA]+$/;
/** Token prefix: no word in Vietnamese or the minority Latin scripts starts with "zq", so a Latin prefix query never
 * meets a Khmer token. */
const PREFIX = 'zq';
/** Trailing letter marking a token glued to the next one (no space in the original); outside the base-32 digits. */
const GLUE = 'w';
const BASE = 0x1780;
const TOKEN_G = /\bzq((?:[0-9a-v]{2})+)(w?)( ?)/g;

let segmenter: Intl.Segmenter | undefined;

/** Khmer words of a Khmer run, in order (punctuation such as "។" kept as its own item, spaces dropped). */
export function segmentKhmer(text: string): string[] {
  segmenter ??= new Intl.Segmenter('km', { granularity: 'word' });
  const words: string[] = [];
  for (const { segment } of segmenter.segment(text)) {
    const s = segment.replace(/[\s\u200B]+/g, '');
    if (s) words.push(s);
  }
  return words;
}

/** "ការ" → "zq…": an ASCII token, two base-32 digits per code point. Punctuation and non-Khmer words pass through. */
export function encodeKhmerWord(word: string): string {
  if (PUNCTUATION.test(word)) return word;
  let out = '';
  for (const ch of word) {
    const cp = ch.codePointAt(0)!;
    if (!KHMER.test(ch)) return word;
    out += (cp - BASE).toString(32).padStart(2, '0');
  }
  return PREFIX + out;
}

/** True when the text holds any Khmer letter. */
export function hasKhmer(text: string): boolean {
  return KHMER.test(text);
}

/** Index side: every Khmer run becomes space-separated tokens. A token glued to the next word carries GLUE, so
 * `decodeKhmer` restores the original spacing; Pagefind still finds it, since it matches words by prefix. */
export function encodeKhmerText(text: string): string {
  return text.replace(KHMER_RUN_G, (run) => {
    const words = run.split('\u200B').filter(Boolean).flatMap(segmentKhmer);
    return words
      .map((w, i) => {
        const token = encodeKhmerWord(w);
        return token !== w && i < words.length - 1 ? token + GLUE : token;
      })
      .join(' ');
  });
}

/** Query side: Khmer words as tokens, separated by spaces, without GLUE (so they match glued and free tokens). */
export function encodeKhmerQuery(text: string): string {
  return text.replace(
    KHMER_RUN_G,
    (run) => ` ${run.split('\u200B').flatMap(segmentKhmer).map(encodeKhmerWord).join(' ')} `,
  );
}

/** Display side: tokens back to Khmer, with the original spacing. */
export function decodeKhmer(text: string): string {
  return text.replace(TOKEN_G, (_token, digits: string, glue: string, space: string) => {
    let word = '';
    for (let i = 0; i < digits.length; i += 2)
      word += String.fromCodePoint(BASE + parseInt(digits.slice(i, i + 2), 32));
    return word + (glue ? '' : space);
  });
}
