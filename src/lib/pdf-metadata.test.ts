import { PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { finishPdf, unexpectedFonts } from './pdf-metadata';

/** A two-page PDF with one font, standing in for one Chromium printed. */
async function printed(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage().drawText('Trang 1', { font });
  doc.addPage();
  doc.setCreator('HeadlessChrome');
  return doc.save();
}

describe('finishPdf', () => {
  it('sets title, language, author, subject, creator and dates, and counts pages and fonts', async () => {
    const created = new Date('2025-03-04T05:06:07Z');
    const { bytes, pages, fonts } = await finishPdf(await printed(), {
      title: 'Tập hỏi đáp: Điều tra',
      language: 'vi',
      author: 'Sở Thông tin và Truyền thông tỉnh Lạng Sơn',
      subject: 'Hỏi đáp về cuộc điều tra',
      creator: 'Loa Bản',
      created,
    });
    expect(pages).toBe(2);
    expect(fonts).toEqual(['Helvetica']);
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getTitle()).toBe('Tập hỏi đáp: Điều tra');
    expect(doc.getAuthor()).toBe('Sở Thông tin và Truyền thông tỉnh Lạng Sơn');
    expect(doc.getSubject()).toBe('Hỏi đáp về cuộc điều tra');
    expect(doc.getCreator()).toBe('Loa Bản');
    expect(doc.getCreationDate()?.toISOString()).toBe(created.toISOString());
    expect((doc.catalog.lookup(PDFName.of('Lang')) as PDFString).decodeText()).toBe('vi');
    expect(doc.getPageCount()).toBe(2);
  });
});

describe('unexpectedFonts', () => {
  it('accepts the print stylesheet families in any style, with or without a subset prefix', () => {
    expect(
      unexpectedFonts([
        'AAAAAA+LiberationSans',
        'BAAAAA+LiberationSans-Bold',
        'ArialMT',
        'CAAAAA+NotoSansKhmer-Regular',
      ]),
    ).toEqual([]);
  });

  it('names a fallback font Chromium took because a glyph was missing', () => {
    expect(
      unexpectedFonts(['AAAAAA+LiberationSans', 'DAAAAA+DejaVuSans', 'EAAAAA+DejaVuSans', 'NotoSans-Regular']),
    ).toEqual(['DejaVuSans', 'NotoSans-Regular']);
  });
});
