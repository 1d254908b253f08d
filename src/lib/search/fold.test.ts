import { describe, expect, it } from 'vitest';
import { addFoldedTwins, dropFoldedTwins, foldStrokes, hasStroke, looseKey } from './fold';

describe('foldStrokes', () => {
  it('turns stroke letters into the letter residents type, keeping tone marks', () => {
    expect(foldStrokes('Đường dây nóng')).toBe('Dường dây nóng');
    expect(foldStrokes('điều tra')).toBe('diều tra');
    expect(foldStrokes('ƀuôn Ƀa')).toBe('buôn Ba');
    expect(foldStrokes('dân tộc')).toBe('dân tộc');
  });
  it('detects words that folding changes', () => {
    expect(hasStroke('Đắk')).toBe(true);
    expect(hasStroke('dân')).toBe(false);
  });
});

describe('addFoldedTwins / dropFoldedTwins', () => {
  it('adds a folded twin after each stroke word and nothing else', () => {
    expect(addFoldedTwins('Gọi đường dây nóng 111.')).toBe('Gọi đường dường dây nóng 111.');
    expect(addFoldedTwins('Điều tra, đánh giá')).toBe('Điều Diều tra, đánh dánh giá');
    expect(addFoldedTwins('dân tộc thiểu số')).toBe('dân tộc thiểu số');
  });
  it('round-trips: display text is the original', () => {
    for (const s of ['Gọi đường dây nóng 111.', 'Đi đi, đừng đứng đó', 'và Đường', 'Đ', 'đi di cư', 'Ƀuôn ma thuột']) {
      expect(dropFoldedTwins(addFoldedTwins(s))).toBe(s);
    }
  });
  it('leaves real neighbouring words alone', () => {
    expect(dropFoldedTwins('đi di cư')).toBe('đi cư');
    expect(dropFoldedTwins('dân dân')).toBe('dân dân');
    expect(dropFoldedTwins('đi  di')).toBe('đi  di');
  });
});

describe('looseKey', () => {
  it('compares the way residents type', () => {
    expect(looseKey('Đường')).toBe('duong');
    expect(looseKey('Điều')).toBe('dieu');
    expect(looseKey('TỘC')).toBe('toc');
  });
});
