/** Plain language: the editors' guide asks for sentences of 15–20 words, and the build warns (never fails) about any
 * over 25, with file and line, so the worst are rewritten. Words are counted as Vietnamese is written: each
 * space-separated syllable with a letter or digit counts one. Pure. */
import type { CheckedText } from './citations.ts';

export interface LongSentence {
  line: number;
  words: number;
  /** The sentence's opening words, for the message. */
  start: string;
}

/** Markdown and MDX reduced to the words a reader reads, line for line (line numbers stay right). */
function readable(text: string): string {
  return text
    .replace(/<\/?[A-Za-z][^>]*>/g, ' ') // MDX components and HTML tags: their content stays
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^[ \t]*(?:#{1,6}|[-*+]|\d+[.)])[ \t]+/gm, '')
    .replace(/[*_`]/g, '');
}

const countWords = (s: string) => s.split(/\s+/).filter((w) => /[\p{L}\d]/u.test(w)).length;

/** Sentences of `text` longer than `limit` words. A sentence ends at . ! ? … before a space, or at a line break (a
 * list item or heading is a sentence of its own). */
export function longSentences(text: string, limit = 25): LongSentence[] {
  const found: LongSentence[] = [];
  readable(text)
    .split('\n')
    .forEach((line, i) => {
      for (const sentence of line.split(/(?<=[.!?…])\s+/)) {
        const words = countWords(sentence);
        if (words > limit) {
          const all = sentence.trim().split(/\s+/);
          found.push({ line: i, words, start: all.slice(0, 8).join(' ') + (all.length > 8 ? '…' : '') });
        }
      }
    });
  return found;
}

/** The fields read as running text: question, summary, key messages and the body (not titles, slogans, labels). */
const prose = /^(question|summary|keyMessages\[\d+\]|)$/;

/** Warnings for the long sentences of an entry's texts (see citations.ts textsOf), naming file and line. */
export function longSentenceWarnings(file: string, texts: CheckedText[], limit = 25): string[] {
  return texts
    .filter((t) => prose.test(t.field))
    .flatMap((t) =>
      longSentences(t.text, limit).map((s) => `${file}, dòng ${t.line + s.line}: câu dài ${s.words} chữ: "${s.start}"`),
    );
}
