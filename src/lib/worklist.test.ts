import { describe, expect, it } from 'vitest';
import { worklist, worklistCsv, type WorkQa } from './worklist';

const qa = (id: string, extra: Partial<WorkQa> = {}): WorkQa => ({
  id,
  question: `Câu ${id}?`,
  topic: 't1',
  topicTitle: 'Chủ đề 1',
  topicOrder: 0,
  order: 1,
  lang: 'vi',
  campaignEnded: false,
  ...extra,
});

describe('worklist', () => {
  const rows = worklist(
    [
      qa('t1/a', { order: 1 }),
      qa('t1/b', { order: 2 }),
      qa('t1/b-tay', { lang: 'tyz', translationOf: 't1/b' }),
      qa('t2/c', { topic: 't2', topicOrder: 1, campaignEnded: true }),
    ],
    [
      { qa: ['t1/a'], lang: 'vi', machineRead: false },
      { qa: ['t1/b'], lang: 'vi', machineRead: true },
      { qa: ['t1/b-tay'], lang: 'tyz', machineRead: false },
      { qa: ['t1/a'], lang: 'tyz', machineRead: true },
    ],
    ['vi', 'tyz', 'km'],
  );

  it('lists each original once with its translations and recordings by language', () => {
    expect(rows.map((r) => r.id)).toEqual(['t1/a', 't1/b', 't2/c']);
    expect(rows[0]).toMatchObject({ translated: ['vi'], human: ['vi'], machineOnly: ['tyz'], toRecord: ['tyz', 'km'] });
    expect(rows[1]).toMatchObject({
      translated: ['vi', 'tyz'],
      human: ['tyz'],
      machineOnly: ['vi'],
      toRecord: ['vi', 'km'],
    });
  });

  it('puts running campaigns first, then the questions with fewest human recordings, then in site order', () => {
    expect(rows.at(-1)).toMatchObject({ id: 't2/c', campaignEnded: true });
    const fewer = worklist(
      [qa('t1/a', { order: 1 }), qa('t1/b', { order: 2 })],
      [{ qa: ['t1/a'], lang: 'vi', machineRead: false }],
      ['vi'],
    );
    expect(fewer.map((r) => r.id)).toEqual(['t1/b', 't1/a']);
  });

  it('writes CSV a spreadsheet opens in Vietnamese', () => {
    const csv = worklistCsv(rows, (id) => `https://x.example/hoi-dap/${id}/`);
    expect(csv.startsWith('\ufeffma,cau_hoi,')).toBe(true);
    expect(csv).toContain('t1/b,Câu t1/b?,Chủ đề 1,không,vi tyz,tyz,vi,vi km,https://x.example/hoi-dap/t1/b/\r\n');
    expect(worklistCsv([{ ...rows[0]!, question: 'Có "dấu", phẩy?' }], String)).toContain('"Có ""dấu"", phẩy?"');
  });
});
