import { describe, expect, it } from 'vitest';
import { encodeKhmerWord } from './khmer';
import { displayText, excerptText, indexText, MAX_QUERY, searchQuery } from './query';

describe('indexText / displayText', () => {
  it('indexes both "đ" and "d" forms and shows the original', () => {
    const text = 'Đường dây nóng 111 về điều tra dân tộc';
    const indexed = indexText(text);
    expect(indexed.split(' ')).toEqual(expect.arrayContaining(['Đường', 'Dường', 'điều', 'diều']));
    expect(displayText(indexed)).toBe(text);
  });
  it('encodes Khmer and shows it back', () => {
    const text = 'Hỏi: ការស្ទង់មតិនេះជួយរដ្ឋាភិបាល';
    expect(displayText(indexText(text))).toBe(text);
  });
  it('composes decomposed accents before indexing', () => {
    expect(indexText('tộc'.normalize('NFD'))).toBe('tộc');
  });
});

describe('searchQuery', () => {
  it('keeps Vietnamese as typed, composed, single-spaced', () => {
    expect(searchQuery('  duong   day nong ')).toBe('duong day nong');
    expect(searchQuery('dân tộc'.normalize('NFD'))).toBe('dân tộc');
    expect(searchQuery('Đường dây')).toBe('Đường dây');
  });
  it('segments and encodes Khmer', () => {
    expect(searchQuery('ជីវភាព')).toBe(encodeKhmerWord('ជីវភាព'));
    expect(searchQuery('111 រដ្ឋាភិបាលជួយ')).toBe(`111 ${encodeKhmerWord('រដ្ឋាភិបាល')} ${encodeKhmerWord('ជួយ')}`);
  });
  it('cuts pasted paragraphs', () => {
    expect(searchQuery('a '.repeat(500)).length).toBeLessThanOrEqual(MAX_QUERY);
  });
});

describe('excerptText', () => {
  const content = indexText('Hỏi đáp. Gọi đường dây nóng 111 khi cần <ngay>.');
  it('drops a twin whose original the excerpt window cut off', () => {
    expect(excerptText(content, 'dường dây nóng 111')).toBe('dây nóng 111');
  });
  it('keeps a real word and unescapes what Pagefind escaped', () => {
    expect(excerptText(content, 'Gọi đường dường dây')).toBe('Gọi đường dây');
    expect(excerptText(content, 'khi cần &lt;ngay&gt;.')).toBe('khi cần <ngay>.');
    expect(excerptText(content, 'Hỏi đáp dáp.')).toBe('Hỏi đáp.');
  });
});
