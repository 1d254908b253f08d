import { describe, expect, it } from 'vitest';
import { overBudget } from './image-budget';

describe('overBudget', () => {
  it('warns about phone-sized images over 60 KB, naming them', () => {
    expect(
      overBudget([
        { file: '_astro/ban-do.abc.webp', width: 720, bytes: 75_000 },
        { file: '_astro/ban-do.abc.avif', width: 720, bytes: 40_000 },
        { file: '_astro/ban-do.def.webp', width: 1080, bytes: 120_000 },
      ]),
    ).toEqual([
      'Ảnh quá nặng cho điện thoại: _astro/ban-do.abc.webp (720 px, 75 KB > 60 KB). Hãy dùng ảnh đơn giản hơn hoặc nén lại.',
    ]);
  });
});
