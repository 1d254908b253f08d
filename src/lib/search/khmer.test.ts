import { describe, expect, it } from 'vitest';
import { decodeKhmer, encodeKhmerQuery, encodeKhmerText, encodeKhmerWord, hasKhmer, segmentKhmer } from './khmer';

it('detects Khmer', () => {
  expect(hasKhmer('ភាសា')).toBe(true);
  expect(hasKhmer('dân tộc')).toBe(false);
});

// "The survey helps the government understand the livelihood of ethnic minorities."
const sentence = 'ការស្ទង់មតិនេះជួយរដ្ឋាភិបាលឱ្យយល់ពីជីវភាពរបស់ជនជាតិភាគតិច។';

describe('segmentKhmer', () => {
  it('splits a Khmer sentence into dictionary words', () => {
    const words = segmentKhmer(sentence);
    expect(words).toContain('រដ្ឋាភិបាល');
    expect(words).toContain('ជីវភាព');
    expect(words.join('')).toBe(sentence);
  });
  it('drops spaces and zero-width spaces', () => {
    expect(segmentKhmer('ភាសា ខ្មែរ')).toEqual(['ភាសា', 'ខ្មែរ']);
  });
});

describe('encodeKhmerWord', () => {
  it('gives an ASCII token Pagefind can neither split nor fold', () => {
    const token = encodeKhmerWord('ក្រុម');
    expect(token).toMatch(/^zq[0-9a-v]+$/);
    expect(token.length).toBe(2 + 2 * [...'ក្រុម'].length);
  });
  it('keeps words apart that mark-stripping would merge', () => {
    // Without vowel signs and coeng both are ករម.
    expect(encodeKhmerWord('ក្រុម')).not.toBe(encodeKhmerWord('ករម'));
    expect('ក្រុម'.normalize('NFD').replace(/\p{M}/gu, '')).toBe('ករម'.normalize('NFD').replace(/\p{M}/gu, ''));
  });
  it('leaves non-Khmer words and Khmer punctuation alone', () => {
    expect(encodeKhmerWord('dân')).toBe('dân');
    expect(encodeKhmerWord('។')).toBe('។');
  });
});

describe('encodeKhmerText / decodeKhmer', () => {
  it('round-trips sentences, spaces and mixed text', () => {
    for (const s of [sentence, 'ភាសាខ្មែរ និង ភាសាវៀតណាម', 'Tiếng Khmer: ភាសាខ្មែរ (Sóc Trăng)', 'ទូរស័ព្ទ ១១១ ។']) {
      const encoded = encodeKhmerText(s);
      expect(encoded).not.toMatch(/[\u1780-\u17D3\u17DB-\u17FF]/); // only punctuation stays Khmer
      expect(decodeKhmer(encoded)).toBe(s);
    }
  });
  it('puts a word from the middle of a sentence in the index as its own token', () => {
    const tokens = encodeKhmerText(sentence).split(' ');
    const query = encodeKhmerQuery('ជីវភាព').trim();
    expect(tokens.some((t) => t.startsWith(query))).toBe(true);
  });
  it('segments a Khmer query typed without spaces', () => {
    const q = encodeKhmerQuery('រដ្ឋាភិបាលជួយ').trim().split(' ');
    expect(q).toEqual([encodeKhmerWord('រដ្ឋាភិបាល'), encodeKhmerWord('ជួយ')]);
  });
});
