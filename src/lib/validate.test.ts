import { describe, expect, it } from 'vitest';
import { duplicateIds, validateSite, type Collections } from './validate';

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
