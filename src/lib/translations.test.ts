import { describe, expect, it } from 'vitest';
import { checkTranslations, versionsOf, type TranslatableQa } from './translations';

const q = (id: string, extra: Partial<TranslatableQa> = {}): TranslatableQa => ({
  id,
  where: `content/qa/${id}.md`,
  lang: 'vi',
  topic: 't',
  ...extra,
});

describe('translations', () => {
  const original = q('t/a');
  const tay = q('t/a-tay', { lang: 'tyz', translationOf: 't/a', translator: 'Người dịch' });
  const khmer = q('t/a-km', { lang: 'km', translationOf: 't/a', translator: 'Người dịch' });

  it('accepts a credited translation in another language of an original in the same topic', () => {
    expect(checkTranslations([original, tay, khmer])).toEqual([]);
  });

  it('refuses each wrong link in Vietnamese, naming the file and the field', () => {
    expect(
      checkTranslations([
        original,
        q('t/b', { translator: 'X' }),
        q('t/c', { lang: 'tyz', translationOf: 't/a-tay', translator: 'X' }),
        tay,
        q('t/d', { lang: 'vi', translationOf: 't/a', translator: 'X' }),
        q('u/e', { lang: 'km', topic: 'u', translationOf: 't/a' }),
        q('t/f', { lang: 'tyz', translationOf: 't/a', translator: 'Y' }),
      ]),
    ).toEqual([
      'content/qa/t/b.md: trường "translator": chỉ bản dịch mới ghi người dịch; thêm "translationOf" (câu gốc) hoặc bỏ "translator".',
      'content/qa/t/c.md: trường "translationOf": "t/a-tay" cũng là một bản dịch; hãy trỏ tới câu gốc "t/a".',
      'content/qa/t/d.md: trường "translationOf": bản dịch và câu gốc "t/a" cùng ngôn ngữ "vi"; sửa trường "lang".',
      'content/qa/u/e.md: trường "topic" = "u" khác chủ đề của câu gốc "t/a" ("t").',
      'content/qa/u/e.md: trường "translator": bản dịch cần ghi tên người dịch (người biết tiếng, không phải máy dịch).',
      'content/qa/t/f.md: câu "t/a" đã có bản dịch tiếng "tyz" ở content/qa/t/a-tay.md. Mỗi ngôn ngữ một bản dịch.',
    ]);
  });

  it('links an original and its translations both ways', () => {
    const all = [original, tay, khmer, q('t/z')];
    expect(versionsOf('t/a', all).map((x) => x.id)).toEqual(['t/a-tay', 't/a-km']);
    expect(versionsOf('t/a-tay', all).map((x) => x.id)).toEqual(['t/a', 't/a-km']);
    expect(versionsOf('t/z', all)).toEqual([]);
  });
});
