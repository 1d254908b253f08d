import { describe, expect, it } from 'vitest';
import { replacedReadings } from './recordings';

describe('replacedReadings', () => {
  it('retires a machine reading once a person has recorded the same Q&A in the same language', () => {
    const replaced = replacedReadings([
      { id: 'may-vi', lang: 'vi', machineRead: true, qa: ['t/a'] },
      { id: 'nguoi-vi', lang: 'vi', machineRead: false, qa: ['t/a'] },
      { id: 'may-b', lang: 'vi', machineRead: true, qa: ['t/b'] },
      { id: 'nguoi-tay', lang: 'tyz', machineRead: false, qa: ['t/b'] },
    ]);
    expect([...replaced]).toEqual([['may-vi', 'nguoi-vi']]);
  });

  it('keeps a machine reading of several Q&A until every one of them has a human recording', () => {
    const readings = [
      { id: 'may', lang: 'vi', machineRead: true, qa: ['t/a', 't/b'] },
      { id: 'nguoi-a', lang: 'vi', machineRead: false, qa: ['t/a'] },
    ];
    expect(replacedReadings(readings).size).toBe(0);
    readings.push({ id: 'nguoi-b', lang: 'vi', machineRead: false, qa: ['t/b'] });
    expect(replacedReadings(readings).get('may')).toBe('nguoi-a');
  });

  it('never retires a human recording or a reading linked to no Q&A', () => {
    expect(
      replacedReadings([
        { id: 'nguoi-1', lang: 'vi', machineRead: false, qa: ['t/a'] },
        { id: 'nguoi-2', lang: 'vi', machineRead: false, qa: ['t/a'] },
        { id: 'may', lang: 'vi', machineRead: true, qa: [] },
      ]).size,
    ).toBe(0);
  });
});
