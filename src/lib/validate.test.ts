import { describe, expect, it } from 'vitest';
import { checkCorrections, checkDocuments, duplicateIds, validateSite, type Collections } from './validate';

const ref = (collection: string, id: string) => ({ collection, id });

function site(): Collections {
  return {
    topics: [
      {
        id: 'dieu-tra',
        filePath: 'content/topics/dieu-tra.md',
        data: { order: 1, legalBasis: [ref('documents', 'qd-628')] },
      },
    ],
    documents: [{ id: 'qd-628', data: {} }],
    languages: [{ id: 'vi', data: {} }],
    qa: [
      {
        id: 'dieu-tra/a',
        filePath: 'content/qa/dieu-tra/a.md',
        data: {
          topic: ref('topics', 'dieu-tra'),
          lang: ref('languages', 'vi'),
          order: 1,
          sources: [ref('documents', 'qd-628')],
        },
      },
      {
        id: 'dieu-tra/b',
        filePath: 'content/qa/dieu-tra/b.md',
        data: {
          topic: ref('topics', 'dieu-tra'),
          lang: ref('languages', 'vi'),
          order: 2,
          sources: [ref('documents', 'qd-628')],
        },
      },
    ],
    explainers: [],
    audio: [
      {
        id: 'a1',
        filePath: 'content/audio/a1.md',
        data: {
          topic: ref('topics', 'dieu-tra'),
          lang: ref('languages', 'vi'),
          order: 1,
          file: 'files/a1.mp3',
          qa: [ref('qa', 'dieu-tra/a')],
        },
      },
    ],
  };
}
const exists = () => true;

describe('validateSite', () => {
  it('accepts a consistent site', () => {
    expect(validateSite(site(), exists)).toEqual([]);
  });
  it('names the file and field of a reference to nothing', () => {
    const s = site();
    s['qa']![1]!.data['sources'] = [ref('documents', 'qd-628'), ref('documents', 'qd-9999')];
    expect(validateSite(s, exists)).toEqual([
      'content/qa/dieu-tra/b.md: trường "sources[1]" trỏ tới "qd-9999", nhưng không có mục nào tên "qd-9999" trong content/documents/.',
    ]);
  });
  it('rejects an unknown topic and language', () => {
    const s = site();
    s['qa']![0]!.data['topic'] = ref('topics', 'dieu-traa');
    s['qa']![0]!.data['lang'] = ref('languages', 'xx');
    const errors = validateSite(s, exists);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toContain('content/qa/dieu-tra/a.md: trường "topic"');
    expect(errors[1]).toContain('trường "lang"');
  });
  it('rejects a duplicate order within a topic and language', () => {
    const s = site();
    s['qa']![1]!.data['order'] = 1;
    const [error] = validateSite(s, exists);
    expect(error).toMatch(/^content\/qa\/dieu-tra\/b\.md: trường "order" = 1 trùng với content\/qa\/dieu-tra\/a\.md/);
  });
  it('allows the same order in another language', () => {
    const s = site();
    s['languages']!.push({ id: 'tyz', data: {} });
    s['qa']![1]!.data['order'] = 1;
    s['qa']![1]!.data['lang'] = ref('languages', 'tyz');
    expect(validateSite(s, exists)).toEqual([]);
  });
  it('rejects a missing MP3 file', () => {
    expect(validateSite(site(), () => false)).toEqual([
      'content/audio/a1.md: trường "file": không tìm thấy tệp ghi âm "files/a1.mp3" (đường dẫn tính từ content/audio/).',
    ]);
  });
  it("lets a person's recording take the order of the machine reading it replaces, and only that one", () => {
    const s = site();
    s['audio']![0]!.data['machineRead'] = true;
    const human = { ...s['audio']![0]!, id: 'a2', filePath: 'content/audio/a2.md' };
    human.data = { ...human.data, machineRead: false, file: 'files/a2.mp3' };
    s['audio']!.push(human);
    expect(validateSite(s, exists)).toEqual([]);
    // A machine reading of another Q&A keeps its number: a clash with it still fails.
    s['audio']![0]!.data['qa'] = [ref('qa', 'dieu-tra/b')];
    expect(validateSite(s, exists)[0]).toMatch(
      /^content\/audio\/a2\.md: trường "order" = 1 trùng với content\/audio\/a1\.md/,
    );
  });
  it('checks translations: the original, the language, the translator', () => {
    const s = site();
    s['languages']!.push({ id: 'tyz', data: {} });
    s['qa']![1]!.data = { ...s['qa']![1]!.data, lang: ref('languages', 'tyz'), translationOf: ref('qa', 'dieu-tra/a') };
    expect(validateSite(s, exists)).toEqual([
      'content/qa/dieu-tra/b.md: trường "translator": bản dịch cần ghi tên người dịch (người biết tiếng, không phải máy dịch).',
    ]);
    s['qa']![1]!.data['translator'] = 'Người dịch';
    expect(validateSite(s, exists)).toEqual([]);
  });
  it('rejects an unknown audio reference', () => {
    const s = site();
    s['qa']![0]!.data['audio'] = ref('audio', 'khong-co');
    expect(validateSite(s, exists)[0]).toContain('trường "audio" trỏ tới "khong-co"');
  });
});

describe('duplicateIds', () => {
  it('finds files that map to one id', () => {
    expect(duplicateIds('content/qa/', ['a/x.md', 'a/x.mdx', 'a/y.md', 'b/x.md'])).toEqual([
      'content/qa/a/x.md và content/qa/a/x.mdx: trùng mã "a/x" (mã lấy từ tên tệp). Đổi tên hoặc xoá bớt một tệp.',
    ]);
  });
  it('accepts distinct ids', () => {
    expect(duplicateIds('content/qa/', ['x.md', 'y.mdx'])).toEqual([]);
  });
});

describe('checkDocuments', () => {
  const doc = (id: string, data: Record<string, unknown>) => ({ id, filePath: `content/documents/${id}.yaml`, data });
  const letter = doc('cv-kg', {
    text: '002',
    mentionedIn: [],
    figures: [
      { value: '58/CD-TTg', kind: 'docnumber' },
      { value: '16/6/2024', kind: 'date' },
    ],
  });

  it('accepts a letter with its text and a document it mentions', () => {
    const mentioned = doc('cd-58', {
      number: '58/CĐ-TTg',
      date: new Date('2024-06-16'),
      mentionedIn: [ref('documents', 'cv-kg')],
      figures: [
        { value: '58/CD-TTg', kind: 'docnumber' },
        { value: '16/6/2024', kind: 'date', in: ref('documents', 'cv-kg') },
      ],
    });
    expect(checkDocuments([letter, mentioned])).toEqual([]);
  });

  it('wants `in` to name a mentioning document, and only where there is no text', () => {
    const two = doc('x', {
      mentionedIn: [ref('documents', 'cv-kg'), ref('documents', 'cv-ls')],
      figures: [
        { value: '53', kind: 'number' },
        { value: '2024', kind: 'year', in: ref('documents', 'qd-khac') },
      ],
    });
    const withText = doc('y', {
      text: '001',
      figures: [{ value: '53', kind: 'number', in: ref('documents', 'cv-kg') }],
    });
    expect(checkDocuments([letter, doc('cv-ls', { text: '000' }), two, withText])).toEqual([
      'content/documents/x.yaml: trường "figures[0].in": văn bản được nhắc trong 2 văn bản; ghi văn bản nào nêu số liệu này.',
      'content/documents/x.yaml: trường "figures[1].in": "qd-khac" không có trong "mentionedIn" (cv-kg, cv-ls).',
      'content/documents/y.yaml: trường "figures[0].in": văn bản này có "text", số liệu của nó lấy từ chính nó; bỏ "in".',
    ]);
  });

  it('refuses a mentioning document whose text we do not hold, and one seed given to two documents', () => {
    const errors = checkDocuments([
      letter,
      doc('copy', { text: '002' }),
      doc('z', { mentionedIn: [ref('documents', 'qd-khong-toan-van')] }),
      doc('qd-khong-toan-van', { mentionedIn: [ref('documents', 'cv-kg')] }),
    ]);
    expect(errors).toEqual([
      'content/documents/copy.yaml: trường "text": văn bản nguồn "002" đã thuộc về content/documents/cv-kg.yaml.',
      'content/documents/z.yaml: trường "mentionedIn[0]": "qd-khong-toan-van" không có "text" (toàn văn), nên không kiểm tra được nó nói gì về văn bản này.',
    ]);
  });

  it('refuses a figure that is not of its kind', () => {
    const bad = doc('b', { text: '004', figures: [{ value: '14/10/2021', kind: 'year' }] });
    expect(checkDocuments([bad])).toEqual([
      'content/documents/b.yaml: trường "figures[0].value": "14/10/2021" đọc ra ngày tháng "14/10/2021", không phải năm.',
    ]);
  });

  it('wants the number and date the document page shows among its figures', () => {
    const bare = doc('qd', { text: '001', number: '1719/QĐ-TTg', date: new Date('2021-10-14'), figures: [] });
    expect(checkDocuments([bare])).toEqual([
      'content/documents/qd.yaml: trường "number": "1719/QĐ-TTg" phải có trong "figures" (loại docnumber), kèm chỗ văn bản ghi.',
      'content/documents/qd.yaml: trường "date": ngày 14/10/2021 phải có trong "figures" (loại date), kèm chỗ văn bản ghi.',
    ]);
    const listed = doc('qd', {
      text: '001',
      number: '1719/QĐ-TTg',
      date: new Date('2021-10-14'),
      figures: [
        { value: '1719/QĐ-TTg', kind: 'docnumber' },
        { value: 'ngày 14 tháng 10 năm 2021', kind: 'date' },
      ],
    });
    expect(checkDocuments([listed])).toEqual([]);
  });
});

describe('checkCorrections', () => {
  const collections = (correction: Record<string, string>): Collections => ({
    documents: [{ id: 'kg', data: { figures: [{ value: '15/8/2023', kind: 'date' }] } }],
    qa: [
      {
        id: 't/a',
        filePath: 'content/qa/t/a.md',
        data: { sources: [ref('documents', 'kg')], corrections: [correction] },
      },
    ],
  });

  it('accepts a correction of a figure a cited document states', () => {
    expect(checkCorrections(collections({ source: '15/8/2023', page: '15/8/2024', why: 'Nhầm năm.' }))).toEqual([]);
  });

  it('refuses a source no cited document states, and values that are not one figure', () => {
    expect(checkCorrections(collections({ source: '15/8/2022', page: '15/8/2024', why: 'x' }))).toEqual([
      'content/qa/t/a.md: trường "corrections[0].source": "15/8/2022" không có trong số liệu của văn bản được trích (kg).',
    ]);
    expect(checkCorrections(collections({ source: 'mười lăm', page: '15/8 và 16/8', why: 'x' }))).toEqual([
      'content/qa/t/a.md: trường "corrections[0].source": ghi đúng một con số hay ngày tháng như văn bản viết.',
      'content/qa/t/a.md: trường "corrections[0].page": ghi đúng một con số hay ngày tháng như trang viết.',
    ]);
  });
});
