import { z } from 'astro/zod';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { qaSchema } from '../schemas/qa';
import { languageSchema } from '../schemas/languages';
import { fromRoot } from './paths';
import { astroSchemaMessage, zodVietnamese, type SchemaIssue } from './schema-errors';

// Astro's own error map and message, as the build uses them (internal modules, so imported by file).
const internal = (file: string) => import(pathToFileURL(fromRoot('node_modules/astro/dist/core/errors', file)).href);
const { errorMap } = (await internal('zod-error-map.js')) as { errorMap: (issue: unknown) => unknown };
const { InvalidContentEntryDataError } = (await internal('errors-data.js')) as {
  InvalidContentEntryDataError: { message: (collection: string, id: string, error: z.ZodError) => string };
};

/** Exactly what the build shows: Astro validates with its error map over zod's (here: ours), then formats. */
function astroMessage(schema: z.ZodType, data: unknown, id: string): string {
  const parsed = schema.safeParse(data, { error: (issue) => errorMap(issue) as never });
  if (parsed.success) throw new Error('expected a schema error');
  return InvalidContentEntryDataError.message('qa', id, parsed.error);
}

describe('schema errors in Vietnamese', () => {
  z.config({ customError: (issue) => zodVietnamese(issue as unknown as SchemaIssue) });
  const valid = {
    question: 'Ai được điều tra?',
    topic: 'dieu-tra-53-dan-toc',
    order: 1,
    sources: ['qd-628-tctk-2023'],
    updated: '2024-07-01',
  };
  const file = 'content/qa/dieu-tra-53-dan-toc/x.md';

  it('names the file and each field, with no English left', () => {
    const { question: _, ...missing } = valid;
    const message = astroSchemaMessage(
      astroMessage(qaSchema, { ...missing, order: 'hai', qestion: 'Ai?' }, 'dieu-tra-53-dan-toc/x'),
      file,
    );
    expect(message).toBe(
      [
        `${file}: phần đầu tệp chưa đúng:`,
        '  - trường "question": thiếu trường này (bắt buộc)',
        '  - trường "order": phải là một số, nhưng đang là chữ (đặt trong dấu ngoặc kép nếu cần)',
        '  - không có trường nào tên "qestion": có thể gõ sai tên trường (xem content/README.md)',
      ].join('\n'),
    );
    expect(message).not.toMatch(/Required|Expected|Unrecognized|received/);
  });

  it('says what a value may be: lengths, allowed values, patterns, list sizes', () => {
    const short = astroSchemaMessage(astroMessage(qaSchema, { ...valid, question: 'Ai?', sources: [] }, 'x'), file);
    expect(short).toContain('trường "question": cần ít nhất 5 ký tự');
    expect(short).toContain('trường "sources": cần ít nhất một văn bản nguồn trong "sources"');
    const lang = astroSchemaMessage(
      astroMessage(languageSchema, { name: 'Tày', nativeName: 'Tày', script: 'Latin', slug: 'Tay!', order: 0 }, 'x'),
      'content/languages/tyz.yaml',
    );
    expect(lang).toContain('trường "script": chỉ được là một trong: "Latn", "Khmr"');
    expect(lang).toContain('trường "slug": chỉ dùng chữ thường không dấu, số và dấu gạch ngang');
    expect(lang).toContain('trường "order": phải từ 0 trở lên (không bằng)');
  });

  it('leaves any other message as it is', () => {
    expect(astroSchemaMessage('Something else', file)).toBe('Something else');
  });
});
