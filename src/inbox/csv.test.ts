import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv';
import type { Submission } from './store';

const item: Submission = {
  id: 1,
  code: 'K7MQ-3XHA',
  question: 'Hỏi "điều tra", có\nhai dòng',
  name: 'Lò Văn Páo',
  commune: '=HYPERLINK("x")',
  phone: '0912345678',
  topic: 'dieu-tra-53-dan-toc',
  lang: 'vi',
  page: '/hoi-dap/',
  hasAudio: true,
  audioType: 'audio/webm',
  created: '2026-12-02T03:05:00.000Z',
  answerUrl: null,
  answeredAt: null,
};

describe('CSV export', () => {
  it('quotes, defuses formulas, and writes a BOM and CRLF rows', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('-1+2')).toBe("'-1+2");
    const csv = toCsv([item]);
    expect(csv.startsWith('\uFEFFMã,Thời gian,')).toBe(true);
    expect(csv).toContain(
      'K7MQ-3XHA,10:05 02/12/2026,dieu-tra-53-dan-toc,vi,"\'=HYPERLINK(""x"")","Hỏi ""điều tra"", có\nhai dòng",có,/hoi-dap/,\r\n',
    );
  });
  it('leaves names and phone numbers out', () => {
    expect(toCsv([item])).not.toMatch(/Páo|0912/);
  });
});
