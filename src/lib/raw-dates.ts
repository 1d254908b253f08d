/** Honest dates: a day that does not exist, written by an editor in front matter or YAML, must fail the build. YAML
 * reads `updated: 2024-02-30` as 1 March 2024 and `2024-13-01` as January 2025, and zod only ever sees that Date, so
 * this reads the raw text with timestamps left as the strings the editor typed. Pure. */
import yaml from 'js-yaml';
import { realDay } from './precise-date.ts';

/** A date as YAML would read it ("2024-02-30", "2024-2-3", "2024-02-30T10:00:00"), or the "YYYY-MM" of a period. */
const DATE_LIKE = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?:[Tt ].*)?$/;

/** The YAML text of a content file: the front matter of .md/.mdx, the whole of .yaml/.yml; undefined when a
 * Markdown file has none. */
export function yamlOf(file: string, text: string): string | undefined {
  if (/\.ya?ml$/i.test(file)) return text;
  return /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(text)?.[1];
}

/** Every date-like value in `value`, with the field path that holds it ("period.peak.end", "figures[2].value"). */
function* dateLike(value: unknown, path: string): Generator<[string, string]> {
  if (typeof value === 'string' && DATE_LIKE.test(value.trim())) yield [path, value.trim()];
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* dateLike(v, `${path}[${i}]`);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) yield* dateLike(v, path ? `${path}.${k}` : k);
  }
}

/** Messages, one per impossible date in the file, naming the file (as editors see it) and the field. A file whose
 * YAML does not parse is left to the loader, which reports it with its own message. */
export function impossibleDates(shownFile: string, text: string): string[] {
  const source = yamlOf(shownFile, text);
  if (source === undefined) return [];
  let data: unknown;
  try {
    // The core schema has no timestamp type: dates stay the strings the editor typed.
    data = yaml.load(source, { schema: yaml.CORE_SCHEMA });
  } catch {
    return [];
  }
  const errors: string[] = [];
  for (const [field, written] of dateLike(data, '')) {
    const [, y, m, d] = DATE_LIKE.exec(written)!;
    const month = Number(m);
    const problem =
      month < 1 || month > 12
        ? `không có tháng ${month}`
        : d !== undefined && !realDay(Number(y), month, Number(d))
          ? `tháng ${month} năm ${y} không có ngày ${Number(d)}`
          : undefined;
    if (problem) {
      errors.push(
        `${shownFile}: trường "${field}": ngày "${written}" không có thật (${problem}). Sửa lại cho đúng ngày trong văn bản.`,
      );
    }
  }
  return errors;
}
