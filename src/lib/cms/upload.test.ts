import { describe, expect, it } from 'vitest';
import { MAX_MP3_BYTES, mp3FileName, mp3Problem, nextOrder, slugify } from './upload';

describe('MP3 uploads', () => {
  it('takes an MP3 up to 25 MB and explains in Vietnamese why anything else is refused', () => {
    expect(mp3Problem({ name: 'ban-ghi.mp3', size: MAX_MP3_BYTES, type: 'audio/mpeg' })).toBeUndefined();
    expect(mp3Problem({ name: 'ban-ghi.MP3', size: 1000 })).toBeUndefined();
    expect(mp3Problem({ name: 'ban-ghi.mp3', size: MAX_MP3_BYTES + 1 })).toBe(
      'Tệp quá lớn: 25 MB. Tệp MP3 tối đa 25 MB (khoảng 25 phút ở 128 kbit/s). Hãy cắt ngắn hoặc xuất lại ở 128 kbit/s.',
    );
    expect(mp3Problem({ name: 'ban-ghi.mp3', size: 40_000_000 })).toMatch(/^Tệp quá lớn: 40 MB\./);
    expect(mp3Problem({ name: 'ban-ghi.wav', size: 1000, type: 'audio/wav' })).toBe('Chỉ nhận tệp MP3 (đuôi .mp3).');
    expect(mp3Problem({ name: 'rong.mp3', size: 0 })).toMatch(/rỗng/);
  });

  it('names files as the site names its URLs, unique to the second', () => {
    expect(slugify('Đường dây nóng 111: gọi khi nào?')).toBe('duong-day-nong-111-goi-khi-nao');
    expect(mp3FileName('Vì sao nên tham gia?', new Date('2026-12-02T08:24:21.500Z'))).toBe(
      'vi-sao-nen-tham-gia-20261202082421.mp3',
    );
    expect(mp3FileName('', new Date('2026-12-02T08:24:21Z'))).toBe('ban-ghi-20261202082421.mp3');
  });

  it('offers one past the largest order, ignoring what is not a positive whole number', () => {
    expect(nextOrder([])).toBe(1);
    expect(nextOrder([3, 1, 7, undefined, '9', 2.5, -4])).toBe(8);
  });
});
