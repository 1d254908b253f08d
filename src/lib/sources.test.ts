import { describe, expect, it } from 'vitest';
import { checkAgainstTexts, seedNumber, type SourceDocument } from './sources';

/** A made-up official letter, in the shape of the seeds. */
const letter = [
  'Số: /UBND-VX',
  'Tỉnh A, ngày tháng 6 năm 2024',
  'V/v tuyên truyền về cuộc khảo sát',
  'của tỉnh',
  'Căn cứ Quyết định số 12/QĐ-UBND ngày 03 tháng 5 năm 2024 của Ủy ban nhân dân tỉnh;',
  '1. Khảo sát từ ngày 01/7/2024 đến ngày 15/8/2024 ở 53 xã; gọi Tổng đài 111 khi cần.',
].join('\n');
const texts = new Map([['007', { name: '007_abc123.txt', text: letter }]]);

const doc = (id: string, data: Record<string, unknown>): SourceDocument => ({
  id,
  file: `content/documents/${id}.yaml`,
  data,
});

describe('checkAgainstTexts', () => {
  const own = doc('cv-a', {
    text: '007',
    title: 'tuyên truyền về cuộc khảo sát của tỉnh',
    figures: [
      { value: '01/7/2024', kind: 'date' },
      { value: '15/8/2024', kind: 'date' },
      { value: '53', kind: 'number' },
      { value: '111', kind: 'phone' },
      { value: 'tháng 6 năm 2024', kind: 'date' },
    ],
  });
  const mentioned = doc('qd-12', {
    mentionedIn: ['cv-a'],
    figures: [
      { value: '12/QĐ-UBND', kind: 'docnumber' },
      { value: '3/5/2024', kind: 'date' }, // the text writes "ngày 03 tháng 5 năm 2024": normalised, it is found
    ],
  });

  it('finds every figure and a title quoted across a line break', () => {
    expect(checkAgainstTexts([own, mentioned], texts)).toEqual({ errors: [], figures: 7, titles: 1 });
  });

  it('names each figure or title it cannot find', () => {
    const wrong = doc('cv-a', {
      text: '007',
      title: 'tuyên truyền về cuộc khảo sát năm 2024',
      figures: [
        { value: '2024', kind: 'year' }, // only inside dates in the text, never a year of its own
        { value: '54', kind: 'number' },
      ],
    });
    const missing = doc('qd-12', { mentionedIn: ['cv-a'], figures: [{ value: '12/QĐ-TTg', kind: 'docnumber' }] });
    expect(checkAgainstTexts([wrong, missing], texts).errors).toEqual([
      'content/documents/cv-a.yaml: trường "figures[0]": "2024" (năm) không có trong văn bản nguồn 007 (007_abc123.txt).',
      'content/documents/cv-a.yaml: trường "figures[1]": "54" (con số) không có trong văn bản nguồn 007 (007_abc123.txt).',
      'content/documents/cv-a.yaml: trường "title": không thấy nguyên văn trong văn bản nguồn 007. "title" chỉ dùng cho trích yếu chép đúng văn bản; tên tự đặt ghi vào "about".',
      'content/documents/qd-12.yaml: trường "figures[0]": "12/QĐ-TTg" (số hiệu văn bản) không có trong văn bản nguồn 007 (007_abc123.txt).',
    ]);
  });

  it('says when a document’s text is not in the folder', () => {
    expect(checkAgainstTexts([doc('x', { text: '009', figures: [] })], texts).errors).toEqual([
      'content/documents/x.yaml: trường "text": không có văn bản nguồn "009" (tệp 009_….txt) trong thư mục.',
    ]);
  });
});

describe('seedNumber', () => {
  it('reads the number of a seed file and nothing else', () => {
    expect(seedNumber('002_dbc53f91af9b6c14.txt')).toBe('002');
    expect(seedNumber('README.md')).toBeUndefined();
    expect(seedNumber('02_ab.txt')).toBeUndefined();
  });
});
