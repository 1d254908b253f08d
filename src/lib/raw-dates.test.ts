import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { impossibleDates, yamlOf } from './raw-dates';

const qa = (updated: string) =>
  `---\nquestion: "Hỏi gì?"\ntopic: dieu-tra\norder: 1\nsources:\n  - a\nupdated: ${updated}\n---\n\nNgày 30/2 trong thân bài không phải trường.\n`;

describe('impossibleDates', () => {
  it('is needed: YAML rolls an impossible date over silently', () => {
    // What Astro's front-matter parser does with it: 30 February becomes 1 March, month 13 next January.
    expect((yaml.load('d: 2024-02-30') as { d: Date }).d.toISOString().slice(0, 10)).toBe('2024-03-01');
    expect((yaml.load('d: 2024-13-01') as { d: Date }).d.toISOString().slice(0, 10)).toBe('2025-01-01');
  });

  it('refuses a day that does not exist in a .md front matter, naming file and field', () => {
    expect(impossibleDates('content/qa/t/a.md', qa('2024-02-30'))).toEqual([
      'content/qa/t/a.md: trường "updated": ngày "2024-02-30" không có thật (tháng 2 năm 2024 không có ngày 30). Sửa lại cho đúng ngày trong văn bản.',
    ]);
    expect(impossibleDates('content/qa/t/a.mdx', qa('2023-02-29'))[0]).toContain('không có ngày 29');
    expect(impossibleDates('content/qa/t/a.md', qa('2024-02-29'))).toEqual([]);
  });

  it('refuses month 13 and month 0', () => {
    expect(impossibleDates('content/qa/t/a.md', qa('2024-13-01'))[0]).toContain(
      'trường "updated": ngày "2024-13-01" không có thật (không có tháng 13)',
    );
    expect(impossibleDates('content/qa/t/a.md', qa('2024-00-10'))[0]).toContain('không có tháng 0');
  });

  it('reads .yaml files whole, nested fields and quoted values too', () => {
    const doc = [
      'kind: "Quyết định"',
      'date: 2021-10-32',
      'figures:',
      '  - value: "14/10/2021"',
      '    kind: date',
    ].join('\n');
    expect(impossibleDates('content/documents/qd.yaml', doc)).toEqual([
      'content/documents/qd.yaml: trường "date": ngày "2021-10-32" không có thật (tháng 10 năm 2021 không có ngày 32). Sửa lại cho đúng ngày trong văn bản.',
    ]);
    const topic =
      '---\nperiod:\n  start: "2024-06"\n  end: "2024-13"\n  peak: { start: "2024-06-15", end: "2024-06-31" }\n---\n';
    expect(impossibleDates('content/topics/t.md', topic).map((e) => e.split(': ')[1])).toEqual([
      'trường "period.end"',
      'trường "period.peak.end"',
    ]);
  });

  it('leaves real dates, other text and broken YAML alone', () => {
    expect(impossibleDates('content/qa/t/a.md', qa('2024-07-01'))).toEqual([]);
    expect(impossibleDates('content/qa/t/a.md', 'Không có front matter. 2024-02-30')).toEqual([]);
    expect(impossibleDates('content/settings.yaml', 'a: [unclosed')).toEqual([]);
  });
});

describe('yamlOf', () => {
  it('takes the front matter of Markdown and the whole of YAML', () => {
    expect(yamlOf('a.md', '---\na: 1\n---\nbody')).toBe('a: 1');
    expect(yamlOf('a.mdx', '\uFEFF---\r\na: 1\r\n---\r\n')).toBe('a: 1');
    expect(yamlOf('a.yaml', 'a: 1\n')).toBe('a: 1\n');
    expect(yamlOf('a.md', 'no front matter')).toBeUndefined();
  });
});
