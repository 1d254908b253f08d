import { describe, expect, it } from 'vitest';
import { editorMessages, reportMarkdown, statusDescription } from './build-report';

// The shape of a failed `astro build` as CI records it: colours, timestamps, Astro's log prefixes, a stack trace.
const log = [
  '\u001b[2m09:12:01\u001b[22m \u001b[34m[content]\u001b[39m Syncing content',
  '\u001b[31m[ContentError]\u001b[39m Nội dung có 2 lỗi, cần sửa trước khi dựng trang:',
  '- content/qa/dieu-tra-53-dan-toc/a.md: trường "topic" trỏ tới "dieu-tra", nhưng không có mục nào tên "dieu-tra" trong content/topics/.',
  '- content/qa/dieu-tra-53-dan-toc/b.md: trường "order" = 2 trùng với content/qa/dieu-tra-53-dan-toc/a.md (cùng chủ đề và ngôn ngữ: dieu-tra-53-dan-toc vi). Mỗi mục cần một số thứ tự riêng.',
  '    at load (file:///work/node_modules/.astro/chunks/site.mjs:12:9)',
  '- content/qa/dieu-tra-53-dan-toc/a.md: trường "topic" trỏ tới "dieu-tra", nhưng không có mục nào tên "dieu-tra" trong content/topics/.',
  'content/qa/x/c.md: phần đầu tệp chưa đúng:',
  '  - trường "question": thiếu trường này (bắt buộc)',
  '  Hint:',
  '    Xem bảng các trường trong content/README.md.',
].join('\n');

describe('build report for editors', () => {
  const messages = editorMessages(log);

  it('keeps the Vietnamese messages, once each, without colours, stack or log noise', () => {
    expect(messages).toEqual([
      'Nội dung có 2 lỗi, cần sửa trước khi dựng trang:',
      '- content/qa/dieu-tra-53-dan-toc/a.md: trường "topic" trỏ tới "dieu-tra", nhưng không có mục nào tên "dieu-tra" trong content/topics/.',
      '- content/qa/dieu-tra-53-dan-toc/b.md: trường "order" = 2 trùng với content/qa/dieu-tra-53-dan-toc/a.md (cùng chủ đề và ngôn ngữ: dieu-tra-53-dan-toc vi). Mỗi mục cần một số thứ tự riêng.',
      'content/qa/x/c.md: phần đầu tệp chưa đúng:',
      '  - trường "question": thiếu trường này (bắt buộc)',
      '    Xem bảng các trường trong content/README.md.',
    ]);
  });

  it('puts the first message naming a file in the commit status, within 140 characters', () => {
    const description = statusDescription(messages, false);
    expect(description.startsWith('- content/qa/dieu-tra-53-dan-toc/a.md: trường "topic"')).toBe(true);
    expect(description.length).toBeLessThanOrEqual(140);
    expect(statusDescription([], true)).toBe('Đã dựng trang thành công.');
  });

  it('writes the review comment in Vietnamese with a link to the full log, or the log tail when nothing matched', () => {
    const md = reportMarkdown(messages, log, 'https://git.tinh.example/so/loa-ban/actions/runs/7');
    expect(md).toContain('### Trang chưa được đăng: nội dung cần sửa');
    expect(md).toContain('- content/qa/dieu-tra-53-dan-toc/b.md: trường "order" = 2');
    expect(md).toContain('(https://git.tinh.example/so/loa-ban/actions/runs/7)');
    expect(reportMarkdown([], 'npm ERR! something else', 'u')).toContain('npm ERR! something else');
  });
});
