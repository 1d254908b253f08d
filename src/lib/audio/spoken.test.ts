import { describe, expect, it } from 'vitest';
import { spokenText } from './spoken';

describe('spokenText', () => {
  it('reads dates, ranges and document numbers as words', () => {
    expect(spokenText('Từ **ngày 01/7/2024** đến ngày 15/8/2024.')).toBe(
      'Từ ngày 1 tháng 7 năm 2024 đến ngày 15 tháng 8 năm 2024.\n',
    );
    expect(spokenText('Cao điểm 15/6–15/7/2024.')).toBe('Cao điểm 15 tháng 6 đến 15 tháng 7 năm 2024.\n');
    expect(spokenText('Từ tháng 6/2024 đến tháng 8/2024.')).toBe('Từ tháng 6 năm 2024 đến tháng 8 năm 2024.\n');
    expect(spokenText('Quyết định số 628/QĐ-TCTK ngày 14/7/2023 và Thông tư số 15/2019/TT-BTTTT.')).toBe(
      'Quyết định số 628 ngày 14 tháng 7 năm 2023 và Thông tư số 15.\n',
    );
    expect(spokenText('giai đoạn 2020-2021')).toBe('giai đoạn 2020 đến 2021\n');
  });
  it('turns list items into sentences and dashes into pauses', () => {
    expect(
      spokenText('Bà con có thể:\n\n- Nghe loa\n- Hỏi lại cán bộ xã.\n\nkinh tế - xã hội, tệp MP3 (hỏi - đáp)'),
    ).toBe('Bà con có thể:\n\nNghe loa.\nHỏi lại cán bộ xã.\n\nkinh tế, xã hội, tệp em pê ba, hỏi, đáp\n');
  });
});
