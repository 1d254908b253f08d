import { describe, expect, it } from 'vitest';
import {
  blocksFromHtml,
  bookletPages,
  charLines,
  leafletOverflow,
  lineFill,
  MM,
  packPages,
  page,
  qaHeight,
  sloganSize,
  textWidth,
  wrapLines,
  type LeafletPrint,
  type QaPrint,
} from './print-layout';

describe('textWidth', () => {
  it('uses Arial advance widths', () => {
    expect(textWidth('a', 10)).toBeCloseTo(5.56);
    expect(textWidth('m', 10)).toBeCloseTo(8.33);
    expect(textWidth('a b', 10)).toBeCloseTo(5.56 + 2.78 + 5.56);
  });

  it('gives Vietnamese letters the width of their base letter', () => {
    expect(textWidth('ệ', 11)).toBe(textWidth('e', 11));
    expect(textWidth('Ượ', 11)).toBe(textWidth('Uo', 11));
    expect(textWidth('đĐ', 11)).toBe(textWidth('dD', 11));
  });

  it('measures bold wider and unknown glyphs generously', () => {
    expect(textWidth('bản', 12, 'bold')).toBeGreaterThan(textWidth('bản', 12));
    expect(textWidth('ភ', 10)).toBeCloseTo(7.22);
  });
});

describe('wrapLines', () => {
  const size = 10;
  const word = 'aaaa'; // 22.24 pt at 10 pt
  it('counts nothing for empty text and one line for what fits', () => {
    expect(wrapLines([{ text: '   ' }], size, 100)).toBe(0);
    expect(wrapLines([{ text: word }], size, 100)).toBe(1);
  });

  it('wraps at spaces as soon as the next word would pass the (slightly narrowed) column', () => {
    const two = textWidth(`${word} ${word}`, size);
    expect(wrapLines([{ text: `${word} ${word}` }], size, two / lineFill + 0.01)).toBe(1);
    expect(wrapLines([{ text: `${word} ${word}` }], size, two / lineFill - 0.01)).toBe(2);
    expect(
      wrapLines([{ text: Array(10).fill(word).join(' ') }], size, (textWidth(word, size) * 2 + 2.78 + 1) / lineFill),
    ).toBe(5);
  });

  it('breaks a word longer than the column', () => {
    expect(wrapLines([{ text: 'a'.repeat(40) }], size, 60)).toBe(Math.ceil((40 * 5.56) / (60 * lineFill)));
  });

  it('measures bold runs as bold', () => {
    const text = 'bbbb bbbb bbbb';
    const width = textWidth(text, size) / lineFill + 0.5;
    expect(wrapLines([{ text }], size, width)).toBe(1);
    expect(wrapLines([{ text, bold: true }], size, width)).toBe(2);
  });
});

describe('charLines', () => {
  it('breaks anywhere, as word-break: break-all does', () => {
    expect(charLines('', 8, 50)).toBe(0);
    expect(charLines('aaaa', 10, 22.3)).toBe(1);
    expect(charLines('aaaaa', 10, 22.3)).toBe(2);
  });
});

describe('blocksFromHtml', () => {
  it('reads paragraphs and list items with bold runs, entities and printed link addresses', () => {
    const html =
      '<p>Gọi <strong>111</strong> &amp; hỏi <a href="/hoi-dap/a/">ở đây</a>.</p>\n<ul>\n<li>Một</li>\n<li><a href="tel:111">111</a> <a href="#x">mục</a></li>\n</ul>';
    const blocks = blocksFromHtml(html);
    expect(blocks.map((b) => b.kind)).toEqual(['p', 'li', 'li']);
    expect(blocks[0]!.runs).toEqual([
      { text: 'Gọi ', bold: false },
      { text: '111', bold: true },
      { text: ' & hỏi ', bold: false },
      { text: 'ở đây', bold: false },
      { text: ' (/hoi-dap/a/)' },
      { text: '.', bold: false },
    ]);
    expect(blocks[2]!.runs.map((r) => r.text).join('')).toBe('111 mục');
  });
});

describe('packPages', () => {
  it('moves a block that does not fit to the next page, never splitting it', () => {
    expect(packPages([], 100)).toBe(1);
    expect(packPages([40, 40, 40], 100)).toBe(2);
    expect(packPages([50, 50, 50, 50], 100)).toBe(2);
    expect(packPages([60, 50, 60], 100)).toBe(3);
  });

  it('lets a block taller than a page run over', () => {
    expect(packPages([250], 100)).toBe(3);
    expect(packPages([10, 250, 10], 100)).toBe(4);
  });
});

const qa = (answer: string): QaPrint => ({
  question: 'Câu 1. Cuộc điều tra diễn ra khi nào?',
  html: answer,
  caption: 'Quét mã để đọc:',
  url: 'loa-ban.example/hoi-dap/dieu-tra-53-dan-toc/thoi-gian-dieu-tra/',
});

describe('qaHeight and bookletPages', () => {
  it('is at least the QR code and its caption, plus padding', () => {
    expect(qaHeight(qa('<p>Ngắn.</p>'))).toBeGreaterThan(28 * MM + 6 * MM);
  });

  it('grows with the answer', () => {
    const long = `<p>${'Cuộc điều tra thu thập thông tin về thực trạng kinh tế - xã hội. '.repeat(12)}</p>`;
    expect(qaHeight(qa(long))).toBeGreaterThan(qaHeight(qa('<p>Ngắn.</p>')) + 50);
  });

  it('counts the cover, then packs the Q&A', () => {
    const one = qaHeight(qa('<p>Ngắn.</p>'));
    const perPage = Math.floor(page.contentHeight / one);
    expect(bookletPages([])).toBe(2);
    expect(bookletPages([qa('<p>Ngắn.</p>')])).toBe(2);
    // A full page of Q&A plus the foot spills the foot onto one more page.
    expect(bookletPages(Array.from({ length: perPage * 2 }, () => qa('<p>Ngắn.</p>')))).toBeGreaterThanOrEqual(3);
    expect(bookletPages(Array.from({ length: perPage * 2 }, () => qa('<p>Ngắn.</p>')))).toBeLessThanOrEqual(4);
  });
});

describe('sloganSize', () => {
  it('prints short slogans huge and long ones smaller, never below 32 pt', () => {
    expect(sloganSize('Không!')).toBe(120);
    const medium = sloganSize('Không trẻ em nào bị bỏ lại phía sau trong cuộc chiến phòng, chống mua bán người');
    expect(medium).toBeLessThan(120);
    expect(medium).toBeGreaterThanOrEqual(48);
    expect(sloganSize('rất dài '.repeat(200))).toBe(32);
  });
});

describe('leafletOverflow', () => {
  const base: LeafletPrint = {
    issuer: 'Sở Thông tin và Truyền thông tỉnh Lạng Sơn',
    title: 'Phòng, chống mua bán người năm 2024',
    summary: 'Hưởng ứng Ngày toàn dân phòng, chống mua bán người 30/7.',
    period: 'Thời gian tuyên truyền: 21/06/2024 – 31/12/2024',
    keyMessages: ['Ngày 30/7 là Ngày toàn dân phòng, chống mua bán người.', 'Gọi Tổng đài quốc gia 111 để báo tin.'],
    hotlines: ['Tổng đài quốc gia 111'],
    basis: 'Căn cứ: Công văn 507/TTCS-TTTQ.',
    dateLine: 'Sở Thông tin và Truyền thông tỉnh Lạng Sơn · Lạng Sơn, ngày 1 tháng 7 năm 2024',
    caption: 'Quét mã để nghe, đọc thêm:',
    url: 'loa-ban.example/chu-de/phong-chong-mua-ban-nguoi/',
  };
  it('fits a leaflet with a few key messages', () => {
    expect(leafletOverflow(base)).toBeLessThan(0);
  });
  it('reports how far twenty long messages run past the page', () => {
    const long = {
      ...base,
      keyMessages: Array(20).fill(
        'Tìm hiểu chính sách, pháp luật về đi làm việc ở nước ngoài theo hợp đồng trước khi đi, để không bị lừa.',
      ),
    };
    expect(leafletOverflow(long)).toBeGreaterThan(0);
  });
});
