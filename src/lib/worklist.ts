/** The contributors' worklist (/bien-tap/viec-can-lam/ and its CSV): for every Vietnamese Q&A, which languages have a
 * translation, a human recording, or only a machine reading, and whether its campaign has ended; sorted so that a
 * station sees first what to record next. Pure. */

export interface WorkQa {
  id: string;
  question: string;
  topic: string;
  topicTitle: string;
  /** Position of the topic on the site, then of the Q&A in it. */
  topicOrder: number;
  order: number;
  lang: string;
  /** For a translation: the id of the Vietnamese original. */
  translationOf?: string | undefined;
  campaignEnded: boolean;
}

export interface WorkRecording {
  qa: string[];
  lang: string;
  machineRead: boolean;
}

export interface WorkRow {
  id: string;
  question: string;
  topic: string;
  topicTitle: string;
  campaignEnded: boolean;
  /** Languages (ids) with a translation, the original's language included. */
  translated: string[];
  /** Languages with a recording read by a person. */
  human: string[];
  /** Languages with only a machine reading. */
  machineOnly: string[];
  /** Languages (of those the site carries) with no human recording yet. */
  toRecord: string[];
}

/** One row per original (non-translation) Q&A. `languages` are the site's language ids, in site order. */
export function worklist(qa: WorkQa[], recordings: WorkRecording[], languages: string[]): WorkRow[] {
  const byId = new Map(qa.map((q) => [q.id, q]));
  const originalOf = (id: string) => byId.get(id)?.translationOf ?? id;
  const translated = new Map<string, Set<string>>();
  const human = new Map<string, Set<string>>();
  const machine = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, key: string, lang: string) =>
    map.set(key, (map.get(key) ?? new Set()).add(lang));
  for (const q of qa) add(translated, originalOf(q.id), q.lang);
  for (const r of recordings) {
    for (const id of r.qa) add(r.machineRead ? machine : human, originalOf(id), r.lang);
  }
  const ordered = (set: Set<string> | undefined) => languages.filter((l) => set?.has(l));
  const rows = qa
    .filter((q) => !q.translationOf)
    .map((q) => {
      const h = ordered(human.get(q.id));
      return {
        id: q.id,
        question: q.question,
        topic: q.topic,
        topicTitle: q.topicTitle,
        campaignEnded: q.campaignEnded,
        translated: ordered(translated.get(q.id)),
        human: h,
        machineOnly: ordered(machine.get(q.id)).filter((l) => !h.includes(l)),
        toRecord: languages.filter((l) => !h.includes(l)),
        sort: [q.campaignEnded ? 1 : 0, h.length, q.topicOrder, q.order] as const,
      };
    });
  // Running campaigns first; within them the questions with the fewest human recordings; then in site order.
  rows.sort((a, b) => a.sort[0] - b.sort[0] || a.sort[1] - b.sort[1] || a.sort[2] - b.sort[2] || a.sort[3] - b.sort[3]);
  return rows.map(({ sort: _sort, ...row }) => row);
}

const cell = (value: string) => (/[",\n;]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** The worklist as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read the Vietnamese correctly). */
export function worklistCsv(rows: WorkRow[], url: (id: string) => string): string {
  const header = [
    'ma',
    'cau_hoi',
    'chu_de',
    'da_ket_thuc',
    'da_dich',
    'co_ban_nguoi_doc',
    'chi_co_ban_may_doc',
    'can_ghi_am',
    'dia_chi',
  ];
  const lines = rows.map((r) =>
    [
      r.id,
      r.question,
      r.topicTitle,
      r.campaignEnded ? 'có' : 'không',
      r.translated.join(' '),
      r.human.join(' '),
      r.machineOnly.join(' '),
      r.toRecord.join(' '),
      url(r.id),
    ]
      .map(cell)
      .join(','),
  );
  return `\ufeff${[header.join(','), ...lines].join('\r\n')}\r\n`;
}
