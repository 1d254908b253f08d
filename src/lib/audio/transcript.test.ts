import { describe, expect, it } from 'vitest';
import { transcriptText } from './transcript.ts';

describe('transcriptText', () => {
  it('keeps the words and paragraphs, drops Markdown marks', () => {
    const md =
      '## Khi nào?\n\nCuộc điều tra diễn ra **từ ngày 01/7/2024**.  \n\n\n\nXem [trang xã](/lien-he/) và _hỏi_ trưởng bản.';
    expect(transcriptText(md)).toBe(
      'Khi nào?\n\nCuộc điều tra diễn ra từ ngày 01/7/2024.\n\nXem trang xã và hỏi trưởng bản.\n',
    );
  });
});
