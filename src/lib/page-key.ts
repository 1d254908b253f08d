/** Keys for Astro's incremental build (`experimental.incrementalBuild`, astro.config.mjs). On a later build Astro
 * copies a page's last output instead of rendering it when three things are unchanged: the route's code (Astro hashes
 * its modules), the content entries the page rendered with render() (Astro tracks those), and the `cacheKey` its
 * getStaticPaths() returned. Everything else the page shows must therefore be in its key, or the page goes stale:
 * keys are made from the data itself (titles, orders, notices, the day), never from a version someone must bump.
 * src/tests/incremental.test.ts compares an incremental build with a full one, file for file. */
import { createHash } from 'node:crypto';

/** A short digest of `parts`, as JSON: Dates by their ISO form, `undefined` as nothing. Plain data only (a Map or a
 * Set would hash as `{}`): callers pass arrays and objects. */
export function pageKey(...parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url');
}

/** An entry as a key part: its id, data and body, what any page built from it may show. */
export const entryPart = (entry: { id: string; data: unknown; body?: string | undefined }) => [
  entry.id,
  entry.data,
  entry.body ?? '',
];

/** A Q&A as a line of a list shows it (a topic page, "more questions"): its link, its question, its language. */
export const listedPart = (qa: { id: string; data: { question: string; lang: { id: string } } }) => [
  qa.id,
  qa.data.question,
  qa.data.lang.id,
];

/** The day of `time` as the site may show it: in UTC, in the machine's zone and in Vietnam's (UTC+7, no daylight
 * saving), so a page that states "today" or "ended" is rendered again whichever clock it reads. */
export function dayPart(time: Date): string[] {
  const vietnam = new Date(time.getTime() + 7 * 3600_000);
  return [
    time.toISOString().slice(0, 10),
    `${time.getFullYear()}-${time.getMonth() + 1}-${time.getDate()}`,
    vietnam.toISOString().slice(0, 10),
  ];
}
