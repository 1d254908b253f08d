import { describe, expect, it } from 'vitest';
import { answerPath } from './server';

describe('answerPath', () => {
  it('takes the path or the full URL of a published Q&A, with or without the last slash', () => {
    expect(answerPath('/hoi-dap/dieu-tra-53-dan-toc/ai-duoc-dieu-tra/')).toBe(
      '/hoi-dap/dieu-tra-53-dan-toc/ai-duoc-dieu-tra/',
    );
    expect(answerPath(' https://loaban.example.gov.vn/hoi-dap/ten-mien-vn/la-gi ')).toBe('/hoi-dap/ten-mien-vn/la-gi/');
  });
  it('refuses anything else', () => {
    for (const bad of [
      '/chu-de/x/',
      'javascript:alert(1)',
      '/hoi-dap/x/',
      '/hoi-dap/a/b/c/',
      'https://x/hoi-dap/A/b/',
      '',
    ])
      expect(answerPath(bad), bad).toBeUndefined();
  });
});
