/** What a resident sends, checked field by field. Pure: the HTTP layer hands over the decoded fields, this answers
 * with a clean submission or the first problem, in plain Vietnamese for the resident who made it. */

/** Size limits, stated to residents' phones through maxlength and to the service here. */
export const LIMITS = {
  question: 2000,
  name: 100,
  commune: 100,
  phone: 20,
  page: 300,
  /** A voice question: 60 s of Opus at the recorder's 24 kbit/s is ~180 KB; room for other browsers' codecs. */
  audioBytes: 1_000_000,
  audioSeconds: 60,
  /** A whole form without audio (URL-encoded), and with it (multipart). */
  formBytes: 16_000,
  multipartBytes: 1_100_000,
} as const;

/** Audio formats browsers' MediaRecorder produces, recognised by their first bytes, never by the declared type. */
const AUDIO_MAGIC: { type: string; test: (b: Uint8Array) => boolean }[] = [
  { type: 'audio/webm', test: (b) => b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3 },
  { type: 'audio/ogg', test: (b) => b[0] === 0x4f && b[1] === 0x67 && b[2] === 0x67 && b[3] === 0x53 },
  {
    type: 'audio/mp4',
    test: (b) => b[4] === 0x66 && b[5] === 0x74 && b[6] === 0x79 && b[7] === 0x70, // "ftyp"
  },
];

export interface NewSubmission {
  /** The client's idempotency key: one message, one row, however often it is sent. Absent from plain HTML forms. */
  key: string | undefined;
  question: string;
  name: string | undefined;
  commune: string | undefined;
  phone: string | undefined;
  /** Topic id and language code of the page the form was on. */
  topic: string | undefined;
  lang: string | undefined;
  /** Site path of that page. */
  page: string | undefined;
  audio: { bytes: Uint8Array; type: string } | undefined;
}

export type Checked = { ok: true; value: NewSubmission } | { ok: false; field: string; message: string };

/** Fields as they arrive: strings, and the voice file if any. */
export interface RawFields {
  get(name: string): string | undefined;
  audio?: Uint8Array | undefined;
}

const fail = (field: string, message: string): Checked => ({ ok: false, field, message });

// C0 controls other than tab and line breaks, and DEL: a text box never produces them; a binary upload does.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
// A tag is markup, not a question; the service never renders what it stores as HTML anyway.
const TAG = /<\s*\/?\s*[a-z!][^>]*>/i;

function text(raw: RawFields, field: string, max: number, label: string): string | undefined | Checked {
  const value = raw.get(field);
  if (value === undefined) return undefined;
  if (value.includes('\uFFFD')) return fail(field, `${label} có ký tự hỏng (không phải chữ UTF-8).`);
  if (CONTROL.test(value)) return fail(field, `${label} có ký tự lạ, không phải chữ.`);
  if (TAG.test(value)) return fail(field, `${label} không được chứa mã HTML (dấu < >).`);
  const trimmed = value.normalize('NFC').trim();
  if ([...trimmed].length > max) return fail(field, `${label} dài quá ${max} ký tự.`);
  return trimmed === '' ? undefined : trimmed;
}

const isChecked = (v: unknown): v is Checked => typeof v === 'object' && v !== null && 'ok' in v;

export function checkSubmission(raw: RawFields): Checked {
  const fields: Record<string, string | undefined> = {};
  const specs: [string, number, string][] = [
    ['question', LIMITS.question, 'Câu hỏi'],
    ['name', LIMITS.name, 'Họ tên'],
    ['commune', LIMITS.commune, 'Tên xã'],
    ['phone', LIMITS.phone, 'Số điện thoại'],
    ['topic', 80, 'Chủ đề'],
    ['lang', 20, 'Ngôn ngữ'],
    ['page', LIMITS.page, 'Địa chỉ trang'],
    ['key', 80, 'Mã gửi'],
  ];
  for (const [field, max, label] of specs) {
    const v = text(raw, field, max, label);
    if (isChecked(v)) return v;
    fields[field] = v;
  }
  const { question, phone, topic, lang, page, key } = fields;

  let audio: NewSubmission['audio'];
  if (raw.audio && raw.audio.byteLength > 0) {
    if (raw.audio.byteLength > LIMITS.audioBytes)
      return fail('audio', 'Tệp ghi âm quá lớn (tối đa 1 MB, khoảng 60 giây).');
    const kind = AUDIO_MAGIC.find((m) => m.test(raw.audio!));
    if (!kind) return fail('audio', 'Tệp ghi âm không đúng định dạng âm thanh.');
    audio = { bytes: raw.audio, type: kind.type };
  }
  if (!audio && (!question || [...question].length < 3))
    return fail('question', 'Bà con hãy viết câu hỏi (ít nhất vài chữ) hoặc ghi âm câu hỏi.');
  if (phone !== undefined) {
    const digits = phone.replace(/\D/g, '');
    if (!/^\+?[0-9 .()-]+$/.test(phone) || digits.length < 8 || digits.length > 15)
      return fail('phone', 'Số điện thoại chỉ gồm chữ số (8 đến 15 số), có thể để trống.');
  }
  if (topic !== undefined && !/^[a-z0-9-]+$/.test(topic)) return fail('topic', 'Chủ đề không hợp lệ.');
  if (lang !== undefined && !/^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(lang))
    return fail('lang', 'Ngôn ngữ không hợp lệ.');
  if (page !== undefined && !/^\/[^\s]*$/.test(page)) return fail('page', 'Địa chỉ trang không hợp lệ.');
  if (key !== undefined && !/^[A-Za-z0-9-]{16,80}$/.test(key)) return fail('key', 'Mã gửi không hợp lệ.');
  return {
    ok: true,
    value: {
      key,
      question: question ?? '',
      name: fields['name'],
      commune: fields['commune'],
      phone,
      topic,
      lang,
      page,
      audio,
    },
  };
}
