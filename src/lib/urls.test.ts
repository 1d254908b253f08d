import { describe, expect, it } from 'vitest';
import { firstPageOf, printUrls, urls } from './urls';

describe('list pages and booklet volumes', () => {
  it('keep page 1 and volume 1 at the addresses printed before lists were split', () => {
    expect(urls.topicPage('dieu-tra', 1)).toBe(urls.topic('dieu-tra'));
    expect(urls.topicPage('dieu-tra', 1)).toBe('/chu-de/dieu-tra/');
    expect(printUrls.booklet('dieu-tra')).toBe('/in/dieu-tra/');
    expect(printUrls.booklet('dieu-tra', 1)).toBe('/in/dieu-tra/');
    expect(printUrls.bookletPdf('dieu-tra', 1)).toBe('/in/dieu-tra/tap-hoi-dap-dieu-tra.pdf');
  });

  it('give later pages and volumes their own folder, the PDF inside it, named by volume', () => {
    expect(urls.topicPage('dieu-tra', 3)).toBe('/chu-de/dieu-tra/trang-3/');
    expect(printUrls.booklet('dieu-tra', 2)).toBe('/in/dieu-tra/tap-2/');
    expect(printUrls.bookletPdf('dieu-tra', 2)).toBe('/in/dieu-tra/tap-2/tap-hoi-dap-dieu-tra-tap-2.pdf');
  });

  it('find the first page of a list page, and leave other paths alone', () => {
    expect(firstPageOf('/chu-de/dieu-tra/trang-12/')).toBe('/chu-de/dieu-tra/');
    expect(firstPageOf('/chu-de/dieu-tra/')).toBe('/chu-de/dieu-tra/');
    expect(firstPageOf('/hoi-dap/dieu-tra/trang-2/')).toBe('/hoi-dap/dieu-tra/trang-2/');
  });
});
