/** When a person's recording replaces a machine reading. Pure. */

export interface Reading {
  id: string;
  lang: string;
  machineRead: boolean;
  /** The Q&A it reads (ids). */
  qa: string[];
}

/** Machine readings that a human recording replaces: every Q&A the machine reading reads has a recording by a person
 * in the same language. Maps each replaced reading to the human recording that takes its place. Its files stay in
 * content/ until an editor deletes them; the site stops offering it. */
export function replacedReadings(readings: Reading[]): Map<string, string> {
  const human = new Map<string, string>();
  for (const r of readings) {
    if (r.machineRead) continue;
    for (const qa of r.qa) if (!human.has(`${qa} ${r.lang}`)) human.set(`${qa} ${r.lang}`, r.id);
  }
  const replaced = new Map<string, string>();
  for (const r of readings) {
    if (!r.machineRead || r.qa.length === 0) continue;
    const by = r.qa.map((qa) => human.get(`${qa} ${r.lang}`));
    if (by.every(Boolean)) replaced.set(r.id, by[0]!);
  }
  return replaced;
}
