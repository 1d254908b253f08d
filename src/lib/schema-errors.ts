/** Schema mistakes in plain Vietnamese, naming the file and the field. Two sources of English reach editors:
 * - zod's own messages ("Unrecognized key", "Too small"…): `zodVietnamese` replaces them (set with z.config() in
 *   src/content.config.ts);
 * - Astro's formatting of them ("**qa → x** data does not match collection schema.", "Required",
 *   "Expected type `number`, received `string`"): `astroSchemaMessage` rewrites its message.
 * Pure. */

/** What a value of each JavaScript/zod type is called for an editor. */
const typeNames: Record<string, string> = {
  string: 'chữ (đặt trong dấu ngoặc kép nếu cần)',
  number: 'một số',
  int: 'một số nguyên',
  boolean: 'true hoặc false',
  date: 'một ngày dạng YYYY-MM-DD',
  array: 'một danh sách (mỗi mục một dòng bắt đầu bằng "- ")',
  object: 'một nhóm trường',
  null: 'trống',
  undefined: 'trống',
};
const typeName = (t: string) => typeNames[t.replace(/[`"]/g, '')] ?? t;

export interface SchemaIssue {
  code: string;
  expected?: unknown;
  input?: unknown;
  keys?: string[];
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  format?: string;
  values?: unknown[];
  message?: string;
}

const received = (input: unknown) =>
  input === undefined ? 'undefined' : input === null ? 'null' : Array.isArray(input) ? 'array' : typeof input;

/** zod's global error customisation: one Vietnamese sentence per kind of issue (the field is named by the caller). */
export function zodVietnamese(issue: SchemaIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? 'thiếu trường này (bắt buộc)'
        : `phải là ${typeName(String(issue.expected))}, nhưng đang là ${typeName(received(issue.input))}`;
    case 'unrecognized_keys':
      return `không có trường nào tên ${(issue.keys ?? []).map((k) => `"${k}"`).join(', ')}: có thể gõ sai tên trường (xem content/README.md)`;
    case 'too_small':
      return issue.origin === 'array'
        ? `cần ít nhất ${issue.minimum} mục`
        : issue.origin === 'string'
          ? `cần ít nhất ${issue.minimum} ký tự`
          : `phải từ ${issue.minimum} trở lên${issue.inclusive === false ? ' (không bằng)' : ''}`;
    case 'too_big':
      return issue.origin === 'array'
        ? `nhiều nhất ${issue.maximum} mục`
        : issue.origin === 'string'
          ? `dài nhất ${issue.maximum} ký tự`
          : `phải từ ${issue.maximum} trở xuống`;
    case 'invalid_format':
      return 'chưa đúng dạng';
    case 'invalid_value':
      return `chỉ được là một trong: ${(issue.values ?? []).map((v) => `"${String(v)}"`).join(', ')}`;
    case 'not_multiple_of':
      return 'phải là số nguyên';
    case 'invalid_union':
      return 'giá trị chưa đúng';
    default:
      return undefined;
  }
}

/** One of Astro's own issue texts, in Vietnamese (those zod produced are already Vietnamese and pass through). */
function translate(message: string): string {
  if (message === 'Required') return 'thiếu trường này (bắt buộc)';
  const type = /^Expected type `(.+)`, received `(.+)`$/.exec(message);
  if (type) {
    const [, expected, got] = type;
    return got === 'undefined'
      ? 'thiếu trường này (bắt buộc)'
      : `phải là ${expected!.split(' | ').map(typeName).join(' hoặc ')}, nhưng đang là ${typeName(got!)}`;
  }
  if (message === 'Did not match union.') return 'giá trị chưa đúng';
  const reference = /Reference to (\w+) invalid\. Expected \w+\. Received (\w+)\./.exec(message);
  if (reference) return `phải là tên một mục trong content/${reference[1]}/, không phải của ${reference[2]}`;
  return message;
}

/** Astro's "data does not match collection schema" message, rewritten: the file as editors know it, then one line per
 * field. Any other message is returned as it is. */
export function astroSchemaMessage(message: string, file: string): string {
  if (!/data does not match collection schema/.test(message)) return message;
  const lines = message.split('\n').filter((l) => /^\s+\*\*/.test(l) || /^\s*> /.test(l));
  const fields: string[] = [];
  for (const line of lines) {
    const m = /^\s+\*\*(.*?)\*\*: (?:\*\*(.*?)\*\*: )?(.*)$/.exec(line);
    if (m) {
      const [, path, inner, text] = m;
      const field = inner && inner.length > (path ?? '').length ? inner : path;
      fields.push(field ? `trường "${field}": ${translate(text!)}` : translate(text!));
    } else if (fields.length > 0 && /^\s*> Received/.test(line) === false) {
      fields[fields.length - 1] += ` (${translate(line.replace(/^\s*> /, ''))})`;
    }
  }
  return `${file}: phần đầu tệp chưa đúng:\n${fields.map((f) => `  - ${f}`).join('\n')}`;
}
