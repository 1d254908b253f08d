import { describe, expect, it } from 'vitest';
import { fillPdfBlocks, hasPdfBlocks, PDF_BLOCK, printedAs } from './pdf-links';

const block = (href: string, made: string, otherwise?: string) =>
  PDF_BLOCK.open(href) + made + (otherwise === undefined ? '' : PDF_BLOCK.otherwise + otherwise) + PDF_BLOCK.close;

describe('fillPdfBlocks', () => {
  const page = `<p>Tập hỏi đáp</p>${block('/in/a/a.pdf', '<a href="/in/a/a.pdf">Tải PDF · {pages} trang · {size}</a>', '<span>khoảng 4 trang</span>')}<p>Tờ rơi</p>${block('/in/a/to-roi/b.pdf', ' · <a href="/in/a/to-roi/b.pdf">PDF</a>')}`;

  it('keeps the first part with the real page count and size when the PDF was made', () => {
    const facts = new Map([
      ['/in/a/a.pdf', { pages: 5, size: '97 KB' }],
      ['/in/a/to-roi/b.pdf', { pages: 1, size: '35 KB' }],
    ]);
    expect(fillPdfBlocks(page, (href) => facts.get(href))).toBe(
      '<p>Tập hỏi đáp</p><a href="/in/a/a.pdf">Tải PDF · 5 trang · 97 KB</a><p>Tờ rơi</p> · <a href="/in/a/to-roi/b.pdf">PDF</a>',
    );
  });

  it('keeps the second part, or nothing, when it was not: no link to a missing file', () => {
    expect(fillPdfBlocks(page, () => undefined)).toBe('<p>Tập hỏi đáp</p><span>khoảng 4 trang</span><p>Tờ rơi</p>');
  });

  it('fills each block from its own PDF, and leaves the rest of the page as it is', () => {
    const filled = fillPdfBlocks(page, (href) => (href === '/in/a/a.pdf' ? { pages: 2, size: '1,2 MB' } : undefined));
    expect(filled).toBe('<p>Tập hỏi đáp</p><a href="/in/a/a.pdf">Tải PDF · 2 trang · 1,2 MB</a><p>Tờ rơi</p>');
    expect(hasPdfBlocks(filled)).toBe(false);
    expect(fillPdfBlocks('<p>{pages}</p>', () => ({ pages: 1, size: '1 KB' }))).toBe('<p>{pages}</p>');
  });
});

describe('printedAs', () => {
  it('is the PDF a page declares as its alternate, whatever the attribute order', () => {
    expect(printedAs('<head><link rel="alternate" type="application/pdf" href="/in/a/a.pdf"></head>')).toBe(
      '/in/a/a.pdf',
    );
    expect(printedAs('<link href="/x.pdf" type="application/pdf" rel="alternate" />')).toBe('/x.pdf');
  });

  it('is nothing for a page that declares none (an RSS alternate is not a PDF)', () => {
    expect(printedAs('<link rel="alternate" type="application/rss+xml" href="/a.xml">')).toBeUndefined();
    expect(printedAs('<p>no head</p>')).toBeUndefined();
  });
});
