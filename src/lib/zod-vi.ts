/** Schema errors in plain Vietnamese for content editors. Astro names the file and field; this says what is wrong. */

interface Issue {
  code?: string;
  input?: unknown;
  expected?: string;
  keys?: string[];
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
  format?: string;
  values?: unknown[];
}

const kinds: Record<string, string> = {
  string: 'chữ',
  number: 'số',
  boolean: 'true hoặc false',
  date: 'ngày dạng YYYY-MM-DD',
  array: 'danh sách',
  object: 'nhóm trường',
};

/** The Vietnamese message for one zod issue, or undefined to keep zod's own (e.g. our custom refinements). */
export function vietnameseError(issue: Issue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'thiếu trường bắt buộc này';
      return `sai kiểu: cần ${kinds[issue.expected ?? ''] ?? issue.expected}`;
    case 'unrecognized_keys':
      return `trường không có trong mẫu (gõ sai tên?): ${(issue.keys ?? []).map((k) => `"${k}"`).join(', ')}`;
    case 'too_small':
      if (issue.origin === 'string') return 'không được để trống';
      if (issue.origin === 'array') return `cần ít nhất ${String(issue.minimum)} mục`;
      return `phải từ ${String(issue.minimum)} trở lên`;
    case 'too_big':
      if (issue.origin === 'string') return `dài quá ${String(issue.maximum)} ký tự`;
      return `phải không quá ${String(issue.maximum)}`;
    case 'invalid_value':
      return `chỉ nhận một trong: ${(issue.values ?? []).map((v) => String(v)).join(', ')}`;
    default:
      return undefined;
  }
}
