import { describe, expect, it } from 'vitest';
import { checkSubmission, LIMITS, type RawFields } from './submission';

const fields = (values: Record<string, string>, audio?: Uint8Array): RawFields => ({
  get: (name) => values[name],
  audio,
});
const webm = new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 0, 0, 0, 0, 1, 2, 3]);
const problem = (values: Record<string, string>, audio?: Uint8Array) => {
  const r = checkSubmission(fields(values, audio));
  return r.ok ? undefined : `${r.field}: ${r.message}`;
};

describe('checkSubmission', () => {
  it('accepts a question with the page’s topic, language and path, trimmed and in NFC', () => {
    const r = checkSubmission(
      fields({
        question: '  Điều tra có mất tiền không?  ',
        name: 'Lò Văn Páo',
        phone: '0912 345 678',
        topic: 'dieu-tra-53-dan-toc',
        lang: 'vi',
        page: '/hoi-dap/x/y/',
        key: '4f1c2b8e-1111-4222-8333-944455556666',
        commune: '',
      }),
    );
    expect(r).toEqual({
      ok: true,
      value: {
        key: '4f1c2b8e-1111-4222-8333-944455556666',
        question: 'Điều tra có mất tiền không?',
        name: 'Lò Văn Páo',
        commune: undefined,
        phone: '0912 345 678',
        topic: 'dieu-tra-53-dan-toc',
        lang: 'vi',
        page: '/hoi-dap/x/y/',
        audio: undefined,
      },
    });
  });

  it('accepts a voice question without text, recognising the format from its bytes', () => {
    const r = checkSubmission(fields({}, webm));
    expect(r.ok && r.value.audio?.type).toBe('audio/webm');
  });

  it('refuses, naming the field in plain Vietnamese', () => {
    expect(problem({})).toMatch(/^question: .*viết câu hỏi/);
    expect(problem({ question: 'x'.repeat(LIMITS.question + 1) })).toMatch(/^question: .*dài quá 2000/);
    expect(problem({ question: 'Hỏi <script>alert(1)</script>' })).toMatch(/^question: .*HTML/);
    expect(problem({ question: 'Hỏi <b>đậm</b>' })).toMatch(/HTML/);
    expect(problem({ question: 'nhị\u0000phân' })).toMatch(/^question: .*ký tự lạ/);
    expect(problem({ question: 'hỏng \uFFFD chữ' })).toMatch(/UTF-8/);
    expect(problem({ question: 'Câu hỏi', phone: 'gọi tôi' })).toMatch(/^phone: /);
    expect(problem({ question: 'Câu hỏi', phone: '123' })).toMatch(/^phone: /);
    expect(problem({ question: 'Câu hỏi', topic: '../../etc' })).toMatch(/^topic: /);
    expect(problem({ question: 'Câu hỏi', page: 'https://evil.example/' })).toMatch(/^page: /);
    expect(problem({ question: 'Câu hỏi', key: 'short' })).toMatch(/^key: /);
    expect(problem({ question: 'Câu hỏi' }, new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]))).toMatch(/^audio: .*định dạng/);
    expect(problem({}, new Uint8Array(LIMITS.audioBytes + 1))).toMatch(/^audio: .*quá lớn/);
  });

  it('keeps "a < b" style text that is not a tag', () => {
    expect(problem({ question: 'Hộ có < 3 người thì sao?' })).toBeUndefined();
  });
});
