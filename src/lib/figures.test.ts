import { describe, expect, it } from 'vitest';
import { spokenText } from './audio/spoken';
import { docLead, figuresOfValue, findFigures } from './figures';

const keys = (text: string) => findFigures(text).map((f) => f.key);

describe('findFigures: dates', () => {
  it('reads a day in every written and spoken form as one key', () => {
    for (const text of [
      '01/7/2024',
      '1/7/2024',
      '01/07/2024',
      'ngày 01/7/2024',
      'ngày 01 tháng 7 năm 2024',
      'ngày 1 tháng 7 năm 2024',
      '1 tháng 7 năm 2024',
      '**01/7/2024**',
    ]) {
      expect(keys(text), text).toEqual(['date:2024-7-1']);
    }
  });

  it('reads months, day-months and quarters as dates of their own precision', () => {
    expect(keys('tháng 6/2024')).toEqual(['date:2024-6']);
    expect(keys('6/2024')).toEqual(['date:2024-6']);
    expect(keys('tháng 6 năm 2024')).toEqual(['date:2024-6']);
    expect(keys('ngày tháng 6 năm 2024')).toEqual(['date:2024-6']); // a blank day, as official letters leave it
    expect(keys('Ngày toàn dân phòng, chống mua bán người 30/7')).toEqual(['date:--7-30']);
    expect(keys('ngày 30 tháng 7')).toEqual(['date:--7-30']);
    expect(keys('Quý III/2024')).toEqual(['date:2024-q3']);
    expect(keys('quý 3 năm 2024')).toEqual(['date:2024-q3']);
  });

  it('gives both ends of a range, the first taking the year of the second', () => {
    expect(keys('từ ngày 01/7/2024 đến ngày 15/8/2024')).toEqual(['date:2024-7-1', 'date:2024-8-15']);
    expect(keys('cao điểm từ 15/6–15/7/2024')).toEqual(['date:2024-6-15', 'date:2024-7-15']);
    expect(keys('từ 15/6 đến 15/7/2024')).toEqual(['date:2024-6-15', 'date:2024-7-15']);
    expect(keys('tháng 6-8/2024')).toEqual(['date:2024-6', 'date:2024-8']);
    expect(keys('từ tháng 6 đến tháng 8/2024')).toEqual(['date:2024-6', 'date:2024-8']);
    expect(keys('từ tháng 6/2024 đến tháng 8/2024')).toEqual(['date:2024-6', 'date:2024-8']);
    // A day-month that is not the start of a range keeps no year.
    expect(keys('ngày 30/7; năm 2024')).toEqual(['date:--7-30', 'year:2024']);
  });

  it('reads the forms the recordings speak (src/lib/audio/spoken.ts) as the written ones', () => {
    for (const written of [
      'Cuộc điều tra diễn ra từ ngày 01/7/2024 đến ngày 15/8/2024.',
      'Cao điểm từ 15/6–15/7/2024.',
      'Tuyên truyền từ tháng 6/2024 đến tháng 8/2024.',
      'Giai đoạn 2020-2021.',
      'Ngày 30/7 là Ngày toàn dân phòng, chống mua bán người.',
    ]) {
      expect(keys(spokenText(written)), spokenText(written)).toEqual(keys(written));
    }
  });

  it('reads a document number the recordings shorten to its leading number as a reference to it', () => {
    const spoken = spokenText('Quyết định số 628/QĐ-TCTK ngày 14/7/2023.');
    expect(spoken).toContain('Quyết định số 628');
    expect(keys(spoken)).toEqual(['doclead:628', 'date:2023-7-14']);
  });

  it('never reads the year inside a date as a year', () => {
    expect(keys('ngày 14/10/2021')).not.toContain('year:2021');
    expect(keys('tháng 6/2024')).not.toContain('year:2024');
  });

  it('marks a day that does not exist', () => {
    const [feb30] = findFigures('hạn chót 30/02/2024');
    expect(feb30?.problem).toBe('ngày 30/2/2024 không có thật');
    expect(findFigures('ngày 29/2/2024')[0]?.problem).toBeUndefined();
    expect(findFigures('ngày 29/2/2023')[0]?.problem).toBe('ngày 29/2/2023 không có thật');
    expect(findFigures('13/2024')[0]?.problem).toBe('không có tháng 13');
    expect(findFigures('ngày 32 tháng 1 năm 2024')[0]?.problem).toBe('ngày 32/1/2024 không có thật');
  });

  it('reads Khmer digits and Khmer dates', () => {
    expect(keys('ថ្ងៃទី ១ ខែកក្កដា ឆ្នាំ ២០២៤')).toEqual(['date:2024-7-1']);
    expect(keys('ថ្ងៃទី ១ ខែកក្កដា ដល់ថ្ងៃទី ១៥ ខែសីហា ឆ្នាំ ២០២៤')).toEqual(['date:2024-7-1', 'date:2024-8-15']);
    expect(keys('ngày ០១/៧/២០២៤')).toEqual(['date:2024-7-1']);
    // The figure is reported as written.
    expect(findFigures('ទាំង ៥៣')[0]).toMatchObject({ key: 'number:53', text: '៥៣' });
  });
});

describe('findFigures: years, numbers, amounts, percentages', () => {
  it('reads a bare year, and both years of a span', () => {
    expect(keys('năm 2024')).toEqual(['year:2024']);
    expect(keys('Hiến pháp năm 2013')).toEqual(['year:2013']);
    for (const span of ['2021-2025', '2021 - 2025', '2021–2025', 'từ năm 2021 đến năm 2025', '2021 đến 2025']) {
      expect(keys(span), span).toEqual(['year:2021', 'year:2025']);
    }
  });

  it('reads counts, with thousands dots, decimal commas and scale words', () => {
    expect(keys('53 dân tộc thiểu số')).toEqual(['number:53']);
    expect(keys('Dự án 10, Tiểu dự án 1')).toEqual(['number:10', 'number:1']);
    expect(keys('khoảng 160 đại biểu')).toEqual(['number:160']);
    expect(keys('1.000 người')).toEqual(['number:1000']);
    expect(keys('2,5 triệu người')).toEqual(['number:2500000']);
    expect(keys('1719 hộ')).toEqual(['number:1719']); // not a year: outside 1900–2100
  });

  it('reads money and percentages whatever the form', () => {
    for (const text of ['500 triệu đồng', '500.000.000 đồng', '500.000.000 VNĐ', '0,5 tỷ đồng']) {
      expect(keys(text), text).toEqual(['amount:500000000']);
    }
    expect(keys('30%')).toEqual(['percent:30']);
    expect(keys('30 %')).toEqual(['percent:30']);
    expect(keys('30 phần trăm')).toEqual(['percent:30']);
    expect(keys('2,5%')).toEqual(['percent:2.5']);
  });
});

describe('findFigures: phone numbers', () => {
  it('reads a number announced as one to call', () => {
    expect(keys('Tổng đài quốc gia 111')).toEqual(['phone:111']);
    expect(keys('**111 là Tổng đài quốc gia.**')).toEqual(['phone:111']);
    expect(keys('Hãy gọi 111 khi cần')).toEqual(['phone:111']);
    expect(keys('đường dây nóng: 0205 3812 345')).toEqual(['phone:02053812345']);
    expect(keys('<Hotline number="111" label="Tổng đài" />')).toEqual(['phone:111']);
    expect(keys('ខ្សែទូរស័ព្ទបន្ទាន់ ១១១')).toEqual(['phone:111']);
  });

  it('reads numbers shaped like phone numbers, and not a count after "kêu gọi"', () => {
    expect(keys('0912 345 678')).toEqual(['phone:0912345678']);
    expect(keys('1900 1234')).toEqual(['phone:19001234']);
    expect(keys('kêu gọi 53 dân tộc')).toEqual(['number:53']);
  });
});

describe('findFigures: document numbers', () => {
  it('reads numbers and symbols, folding Đ to D and case', () => {
    expect(keys('58/CĐ-TTg')).toEqual(keys('58/CD-TTg'));
    expect(keys('58/CĐ-TTg')).toEqual(['docnumber:58/CD-TTG']);
    expect(keys('1719/QĐ-TTg')).toEqual(['docnumber:1719/QD-TTG']);
    expect(keys('03/2023/TT-BTTTT')).toEqual(keys('3/2023/TT-BTTTT'));
    expect(keys('88/2019/QH14')).toEqual(['docnumber:88/2019/QH14']);
    expect(keys('65-KL/TW, 35-CTr/TU, 238-TB/HU, 2038/VNNIC, 961/UBNDT-KHTC')).toEqual([
      'docnumber:65-KL/TW',
      'docnumber:35-CTR/TU',
      'docnumber:238-TB/HU',
      'docnumber:2038/VNNIC',
      'docnumber:961/UBNDT-KHTC',
    ]);
  });

  it('reads a number after a document kind as a reference to a document by its leading number', () => {
    expect(keys('Chương trình 1719')).toEqual(['doclead:1719']);
    expect(keys('Quyết định số 628')).toEqual(['doclead:628']);
    expect(keys('Công văn 2038')).toEqual(['doclead:2038']); // not the year 2038
    expect(keys('Thông tư số 03')).toEqual(['doclead:3']);
    expect(keys('Kế hoạch năm 2024')).toEqual(['year:2024']);
    expect(docLead('docnumber:1719/QD-TTG')).toBe('1719');
  });
});

describe('findFigures: what is not a figure', () => {
  it('skips list numbering and numbered headings', () => {
    expect(keys('1. Sở Thông tin\n2) Đài\n## 3. Báo\n- 4. Mục\n1.3.2. Tiểu mục')).toEqual([]);
  });

  it('skips digits that belong to a name, section references, links and file names', () => {
    expect(keys('file MP3, H5N1, COVID-19, mạng 4G')).toEqual([]);
    expect(keys('xem mục 4.2 và 1.3.6')).toEqual([]);
    expect(keys('[hỏi đáp](/hoi-dap/a-2024/) https://vnnic.vn/2024 files/dieu-tra-01-vi.mp3 thu@tinh.vn')).toEqual([]);
  });

  it('skips numbers written as words and roman numerals', () => {
    expect(keys('kênh truyền thông hai chiều, giai đoạn I, khóa IX')).toEqual([]);
  });

  it('reports each figure where it stands', () => {
    const text = 'Dòng một.\nNgày 15/8/2024 là hạn.';
    const [f] = findFigures(text);
    expect(f).toMatchObject({ text: '15/8/2024', index: text.indexOf('15/8/2024') });
  });
});

describe('figuresOfValue', () => {
  it('reads a document figure as its declared kind', () => {
    expect(figuresOfValue('111', 'phone')).toEqual({ keys: ['phone:111'] });
    expect(figuresOfValue('14/10/2021', 'date')).toEqual({ keys: ['date:2021-10-14'] });
    expect(figuresOfValue('ngày 14 tháng 10 năm 2021', 'date')).toEqual({ keys: ['date:2021-10-14'] });
    expect(figuresOfValue('2024', 'year')).toEqual({ keys: ['year:2024'] });
    expect(figuresOfValue('2000', 'number')).toEqual({ keys: ['number:2000'] });
    expect(figuresOfValue('Dự án 10', 'number')).toEqual({ keys: ['number:10'] });
  });

  it('lists both ends of a range', () => {
    expect(figuresOfValue('2021 - 2030', 'year')).toEqual({ keys: ['year:2021', 'year:2030'] });
    expect(figuresOfValue('15/6/2024 đến 15/7/2024', 'date').keys).toEqual(['date:2024-6-15', 'date:2024-7-15']);
  });

  it('refuses a value that is not of its kind, or holds no figure', () => {
    expect(figuresOfValue('14/10/2021', 'year').problem).toBe(
      '"14/10/2021" đọc ra ngày tháng "14/10/2021", không phải năm',
    );
    expect(figuresOfValue('hai', 'number').problem).toBe('"hai" không có con số nào');
    expect(figuresOfValue('30/2/2024', 'date').problem).toBe('"30/2/2024": ngày 30/2/2024 không có thật');
    expect(figuresOfValue('Quyết định số 628', 'docnumber').problem).toMatch(/ghi đủ số và ký hiệu/);
  });
});
