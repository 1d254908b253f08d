import { describe, expect, it } from 'vitest';
import {
  checkCitations,
  checkSiteCitations,
  documentKeys,
  lineFinder,
  textsOf,
  writtenPeriodValue,
  type CitingEntry,
  type SiteEntry,
} from './citations';

/** Two documents, as content/documents/ lists them. */
const keys = documentKeys([
  {
    id: 'cv-kg',
    figures: [
      { value: '01/7/2024', kind: 'date' },
      { value: '15/8/2023', kind: 'date' },
      { value: '53', kind: 'number' },
      { value: '111', kind: 'phone' },
      { value: '58/CD-TTg', kind: 'docnumber' },
      { value: '30/7', kind: 'date' },
    ],
  },
  {
    id: 'qd-1719',
    figures: [
      { value: '1719/QĐ-TTg', kind: 'docnumber' },
      { value: '2021 - 2030', kind: 'year' },
    ],
  },
]);

const entry = (text: string, more: Partial<CitingEntry> = {}): CitingEntry => ({
  file: 'content/qa/t/x.md',
  texts: [{ field: '', text, line: 10 }],
  cited: ['cv-kg'],
  citedBy: 'sources',
  corrections: [],
  ...more,
});

describe('checkCitations', () => {
  it('passes figures the cited documents list, in any form', () => {
    const text = [
      'Cuộc điều tra bắt đầu ngày 1 tháng 7 năm 2024, ở 53 dân tộc.',
      'Gọi Tổng đài quốc gia 111. Công điện số 58/CĐ-TTg. Ngày 30/7.',
    ].join('\n');
    expect(checkCitations(entry(text), keys)).toEqual([]);
  });

  it('names the file, the line and the figure it cannot find', () => {
    const text = 'Dòng đầu.\n\nCó 54 dân tộc.';
    expect(checkCitations(entry(text), keys)).toEqual([
      'content/qa/t/x.md, dòng 12: "54" (con số) không có trong số liệu của văn bản được trích (sources: cv-kg).',
    ]);
  });

  it('names the field of a front-matter text', () => {
    const e = entry('', { texts: [{ field: 'summary', text: 'Từ 02/7/2024.', line: 4 }] });
    expect(checkCitations(e, keys)[0]).toMatch(/^content\/qa\/t\/x\.md, dòng 4 \(trường "summary"\): "02\/7\/2024"/);
  });

  it('matches only a figure of the same kind and full value', () => {
    // The year 2024 is inside a listed date, not a listed year.
    expect(checkCitations(entry('Năm 2024.'), keys)[0]).toContain('"2024" (năm)');
    // 30/7 is listed without a year: 30/7/2024 is another figure.
    expect(checkCitations(entry('Ngày 30/7/2024.'), keys)[0]).toContain('"30/7/2024" (ngày tháng)');
    // A listed phone number is not a count.
    expect(checkCitations(entry('Có 111 người.'), keys)[0]).toContain('"111" (con số)');
  });

  it('passes both years of a listed span, and a document named by its leading number', () => {
    const e = entry('Chương trình 1719, giai đoạn 2021 - 2030, theo Quyết định số 1719/QĐ-TTg.', {
      cited: ['qd-1719'],
    });
    expect(checkCitations(e, keys)).toEqual([]);
    expect(checkCitations(entry('Chương trình 1719.'), keys)[0]).toContain('"Chương trình 1719" (văn bản số 1719)');
  });

  it('only looks in the documents the entry cites', () => {
    expect(checkCitations(entry('Chương trình 1719.', { cited: ['cv-kg', 'qd-1719'] }), keys)).toEqual([]);
    expect(checkCitations(entry('Chương trình 1719.', { cited: ['cv-kg'] }), keys)).toHaveLength(1);
  });

  it('passes a figure a declared correction gives, and refuses a correction the page never uses', () => {
    const correction = { source: '15/8/2023', page: '15/8/2024', why: 'Năm viết nhầm.' };
    expect(checkCitations(entry('Đến ngày 15/8/2024.', { corrections: [correction] }), keys)).toEqual([]);
    expect(checkCitations(entry('Đến ngày 15/8/2024.'), keys)[0]).toContain('"15/8/2024"');
    expect(checkCitations(entry('Không nói ngày.', { corrections: [correction] }), keys)).toEqual([
      'content/qa/t/x.md: trường "corrections[0].page": trang không ghi "15/8/2024" ở đâu cả. Bỏ mục sửa này, hoặc ghi đúng điều trang nói.',
    ]);
    // A recording takes the corrections of the Q&A it reads, whether or not it says the corrected figure.
    expect(checkCitations(entry('Đến ngày 15 tháng 8 năm 2024.', { inherited: [correction] }), keys)).toEqual([]);
    expect(checkCitations(entry('Không nói ngày.', { inherited: [correction] }), keys)).toEqual([]);
  });

  it('refuses a date that does not exist, even where a document lists it', () => {
    expect(checkCitations(entry('Hạn 30/2/2024.'), keys)).toEqual([
      'content/qa/t/x.md, dòng 10: "30/2/2024": ngày 30/2/2024 không có thật.',
    ]);
  });

  it('reads a hotline number as a phone number', () => {
    const e = entry('', { texts: [{ field: 'hotlines[0].number', text: '111', line: 3, phone: true }] });
    expect(checkCitations(e, keys)).toEqual([]);
  });
});

describe('textsOf and line numbers', () => {
  const raw = [
    '---',
    'title: "Chủ đề năm 2024"',
    'summary: "Từ tháng 6 đến tháng 8/2024."',
    'period:',
    '  start: "2024-06"',
    '  end: "2024-08"',
    'keyMessages:',
    '  - "Một."',
    '  - "Gọi 111."',
    'hotlines:',
    '  - number: "111"',
    '    label: "Tổng đài"',
    '---',
    '',
    'Thân bài.',
    '',
    'Có 53 dân tộc.',
  ].join('\n');
  const data = {
    title: 'Chủ đề năm 2024',
    summary: 'Từ tháng 6 đến tháng 8/2024.',
    period: { start: '2024-06', end: '2024-08' },
    keyMessages: ['Một.', 'Gọi 111.'],
    hotlines: [{ number: '111', label: 'Tổng đài' }],
  };
  const texts = textsOf('topics', { file: 'content/topics/t.md', raw, body: '\nThân bài.\n\nCó 53 dân tộc.', data });

  it('takes every text field of a topic with the line it stands on', () => {
    const at = Object.fromEntries(texts.map((t) => [t.field, [t.text, t.line]]));
    expect(at['title']).toEqual(['Chủ đề năm 2024', 2]);
    expect(at['summary']).toEqual(['Từ tháng 6 đến tháng 8/2024.', 3]);
    expect(at['keyMessages[1]']).toEqual(['Gọi 111.', 9]);
    expect(at['hotlines[0].number']).toEqual(['111', 11]);
    expect(at['period.start']).toEqual(['6/2024', 5]);
    expect(at['']).toEqual(['Thân bài.\n\nCó 53 dân tộc.', 15]);
  });

  it('checks a period like a figure, so no period is padded or invented', () => {
    const topicKeys = documentKeys([{ id: 'd', figures: [{ value: 'tháng 6/2024', kind: 'date' }] }]);
    const errors = checkCitations(
      { file: 'content/topics/t.md', texts, cited: ['d'], citedBy: 'legalBasis', corrections: [] },
      topicKeys,
    );
    expect(errors.filter((e) => e.includes('period'))).toEqual([
      'content/topics/t.md, dòng 6 (trường "period.end"): "8/2024" (ngày tháng) không có trong số liệu của văn bản được trích (legalBasis: d).',
    ]);
    expect(errors.some((e) => e.includes('dòng 17: "53"'))).toBe(true);
  });

  it('writes period values as a page writes them', () => {
    expect(writtenPeriodValue('2021')).toBe('2021');
    expect(writtenPeriodValue('2024-06')).toBe('6/2024');
    expect(writtenPeriodValue('2024-06-15')).toBe('15/6/2024');
  });

  it('falls back to the key line when a value is written differently (escaped quotes)', () => {
    const find = lineFinder('---\na: 1\nquestion: "Hỏi \\"x\\" ?"\n---\n');
    expect(find.value('question', '"x" ?')).toBe(3);
  });
});

describe('checkSiteCitations', () => {
  const doc = (id: string, figures: { value: string; kind: string }[]) => ({ id, data: { figures } });
  const page = (id: string, data: Record<string, unknown>, body: string): SiteEntry => ({
    id,
    file: `content/${id}.md`,
    raw: `---\n---\n${body}`,
    body,
    data,
  });

  it('checks a recording against the sources of the Q&A it reads, with their corrections', () => {
    const qa = page(
      'qa/a',
      {
        sources: [{ collection: 'documents', id: 'kg' }],
        corrections: [{ source: '15/8/2023', page: '15/8/2024', why: 'Nhầm năm.' }],
      },
      'Đến 15/8/2024.',
    );
    const recording = page(
      'audio/a',
      { qa: [{ collection: 'qa', id: 'qa/a' }] },
      'Đến ngày 15 tháng 8 năm 2024, có 53 dân tộc.',
    );
    const errors = checkSiteCitations({
      topics: [],
      qa: [qa],
      explainers: [],
      audio: [recording],
      documents: [
        doc('kg', [
          { value: '15/8/2023', kind: 'date' },
          { value: '53', kind: 'number' },
        ]),
      ],
    });
    expect(errors).toEqual([]);
    const reading = page('audio/b', { qa: [] }, 'Có 53 dân tộc.');
    expect(
      checkSiteCitations({ topics: [], qa: [qa], explainers: [], audio: [reading], documents: [doc('kg', [])] }),
    ).toEqual([
      'content/audio/b.md, dòng 3: "53" (con số) không có trong số liệu của văn bản được trích (sources của hỏi đáp (không đọc hỏi đáp nào): không có).',
    ]);
  });
});
