import { describe, expect, it } from 'vitest';
import { recordingBaseName, slugify } from './names.ts';

describe('names', () => {
  it('folds Vietnamese to ASCII', () => {
    expect(slugify('Tiếng Việt')).toBe('tieng-viet');
    expect(slugify('Điều tra 53 dân tộc')).toBe('dieu-tra-53-dan-toc');
    expect(slugify("Tiếng H'Mông")).toBe('tieng-h-mong');
  });
  it('names a download by topic, number and language', () => {
    expect(recordingBaseName({ topic: 'dieu-tra-53-dan-toc', order: 3, languageSlug: 'tieng-viet' })).toBe(
      'dieu-tra-53-dan-toc-03-tieng-viet',
    );
  });
});
