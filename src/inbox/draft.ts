/** "Turn a question into a draft Q&A": the text of a `_`-prefixed draft for content/qa/<topic>/ (the build skips
 * drafts, see src/content.config.ts). Pure. It carries only what the Q&A schema requires (question, topic, order,
 * sources, updated) and never the resident's name or phone number: git keeps every version forever, so they are
 * scrubbed from the question too. The editing app (issue 12) can take the same DraftQa to prefill a new entry. */
import { dump } from 'js-yaml';

export interface DraftQa {
  /** Path inside the content folder, e.g. "qa/dieu-tra-53-dan-toc/_hop-thu-k7mq-3xha.md". */
  path: string;
  question: string;
  topic: string;
  order: number;
  sources: string[];
  /** YYYY-MM-DD. */
  updated: string;
}

/** Removes the given name and anything shaped like a phone number (8+ digits, spaces, dots or dashes between). */
export function scrubPersonal(text: string, person: { name?: string | null; phone?: string | null }): string {
  let out = text.replace(/\+?\d[\d .()-]{6,}\d/g, (m) => (m.replace(/\D/g, '').length >= 8 ? '…' : m));
  const name = person.name?.trim();
  if (name && name.length >= 2) {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    out = out.replace(new RegExp(escaped, 'giu'), '…');
  }
  const phone = person.phone?.replace(/\D/g, '');
  if (phone && phone.length >= 6) out = out.split(phone).join('…');
  return out.replace(/\s+/g, ' ').trim();
}

export function draftQa(input: {
  code: string;
  question: string;
  topic: string;
  /** Orders already used in the topic's folder (drafts included). */
  usedOrders: number[];
  /** The topic's legal basis: a draft needs one source to pass the schema; the editor checks and replaces it. */
  sources: string[];
  person: { name?: string | null; phone?: string | null };
  today: Date;
}): DraftQa {
  const question = scrubPersonal(input.question, input.person);
  return {
    path: `qa/${input.topic}/_hop-thu-${input.code.toLowerCase()}.md`,
    question,
    topic: input.topic,
    order: Math.max(0, ...input.usedOrders) + 1,
    sources: input.sources.slice(0, 1),
    updated: input.today.toISOString().slice(0, 10),
  };
}

/** The file: front matter the schema reads, and a body telling the editor what is left to do. */
export function draftFile(d: DraftQa, code: string): string {
  const front = dump(
    { question: d.question, topic: d.topic, order: d.order, sources: d.sources, updated: d.updated },
    { lineWidth: -1 },
  );
  return `---
# Bản nháp từ hộp thư (mã ${code}). Tệp bắt đầu bằng "_" nên chưa được đăng.
# Việc còn lại: viết câu trả lời, kiểm tra "sources" đúng văn bản nguồn, rồi đổi tên tệp bỏ dấu "_".
${front}---

Câu trả lời viết ở đây. Mọi con số, ngày tháng phải lấy từ văn bản trong "sources".
`;
}
