import { describe, expect, it } from 'vitest';
import { longSentenceWarnings, longSentences } from './sentences';

const words = (n: number) => Array.from({ length: n }, (_, i) => `chữ${i + 1}`).join(' ');

describe('longSentences', () => {
  it('finds sentences over the limit, with their line', () => {
    const text = `${words(10)}. ${words(26)}.\n\n${words(25)}.`;
    expect(longSentences(text)).toEqual([{ line: 0, words: 26, start: 'chữ1 chữ2 chữ3 chữ4 chữ5 chữ6 chữ7 chữ8…' }]);
  });

  it('ends a sentence at a line break, so list items count on their own', () => {
    const list = Array.from({ length: 4 }, () => `- ${words(10)}`).join('\n');
    expect(longSentences(list)).toEqual([]);
  });

  it('counts words a reader reads, not Markdown, links or components', () => {
    const text = `<Step date="Tháng 6/2024">**${words(20)}** [xem thêm](/hoi-dap/a/) 1.000 người.</Step>`;
    expect(longSentences(text, 20)).toEqual([expect.objectContaining({ words: 24 })]);
    expect(longSentences('Số 1.000 và 2,5 triệu. Câu hai.', 3)).toEqual([
      { line: 0, words: 5, start: 'Số 1.000 và 2,5 triệu.' },
    ]);
  });
});

describe('longSentenceWarnings', () => {
  it('names file and line, and reads only running text', () => {
    const texts = [
      { field: 'title', text: words(30), line: 2 },
      { field: 'summary', text: words(30), line: 4 },
      { field: '', text: `Ngắn.\n${words(26)}.`, line: 10 },
    ];
    expect(longSentenceWarnings('content/qa/t/a.md', texts)).toEqual([
      'content/qa/t/a.md, dòng 4: câu dài 30 chữ: "chữ1 chữ2 chữ3 chữ4 chữ5 chữ6 chữ7 chữ8…"',
      'content/qa/t/a.md, dòng 11: câu dài 26 chữ: "chữ1 chữ2 chữ3 chữ4 chữ5 chữ6 chữ7 chữ8…"',
    ]);
  });
});
