/** The moment of the build, for "today" on pages (ended campaigns, printed dates) and the PDFs' creation date:
 * SOURCE_DATE_EPOCH (seconds since 1970, the reproducible-builds.org convention) when set, so two builds of the same
 * content are byte for byte the same; otherwise now. */
export function buildTime(env: Record<string, string | undefined> = process.env): Date {
  const epoch = env['SOURCE_DATE_EPOCH'];
  if (epoch === undefined || epoch === '') return new Date();
  if (!/^\d+$/.test(epoch)) throw new Error(`SOURCE_DATE_EPOCH="${epoch}" phải là số giây kể từ năm 1970.`);
  return new Date(Number(epoch) * 1000);
}
