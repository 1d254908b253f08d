/** The compressed byte budget of each page type, and a check of a built site against them: used by
 * src/tests/performance.test.ts on the real and fixture sites, and by the benchmark on its large generated sites
 * (`pageBudgets(dist)` then `formatPageBudgets(...)`), so "every page type within its budget at every scale" is one
 * table. Sizes are gzip -9 of the HTML, a little above brotli: what any compressing server sends. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Compressed HTML budget per page type (bytes), as the layout declares it in `<body data-page>`. 14 KB is what
 * fits the first TCP round trip (10 segments). */
export const PAGE_BUDGETS: Readonly<Record<string, number>> = {
  qa: 14_000,
  recording: 14_000,
  explainer: 20_000,
  topic: 20_000,
  home: 25_000,
  list: 25_000,
  search: 25_000,
  print: 60_000,
};

/** A page's type, as its layout declares it; a page that declares none is "none" and has no budget. */
export const pageType = (html: string) => /<body data-page="([a-z]+)"/.exec(html)?.[1] ?? 'none';
export const gzipBytes = (data: string | Buffer) => gzipSync(data, { level: 9 }).length;

export interface TypeWeight {
  type: string;
  pages: number;
  /** The heaviest page of the type, and its compressed size. */
  heaviest: string;
  bytes: number;
  budget: number | undefined;
}

/** Every resident page of a built site (the editing app under /bien-tap/ has budgets of its own), weighed and
 * grouped by type: the heaviest page per type, and the pages over their budget. Reads the pages one at a time, so it
 * runs on a 20,000-page site in flat memory. */
export async function pageBudgets(dist: string): Promise<{ types: TypeWeight[]; over: string[] }> {
  const files = (await readdir(dist, { recursive: true, encoding: 'utf8' }))
    .filter((f) => f.endsWith('.html') && !f.startsWith('bien-tap/'))
    .sort();
  const types = new Map<string, TypeWeight>();
  const over: string[] = [];
  for (const file of files) {
    const html = await readFile(join(dist, file), 'utf8');
    const type = pageType(html);
    const bytes = gzipBytes(html);
    const budget = PAGE_BUDGETS[type];
    const seen = types.get(type) ?? { type, pages: 0, heaviest: file, bytes: 0, budget };
    seen.pages++;
    if (bytes > seen.bytes) Object.assign(seen, { heaviest: file, bytes });
    types.set(type, seen);
    if (budget === undefined || bytes > budget) over.push(`${file} (${type}): ${bytes} B > ${budget ?? 'no budget'}`);
  }
  return { types: [...types.values()].sort((a, b) => a.type.localeCompare(b.type)), over };
}

/** A Markdown table of `pageBudgets` for a benchmark report, one row per type, "over" marked. */
export function formatPageBudgets(name: string, result: Awaited<ReturnType<typeof pageBudgets>>): string {
  const rows = result.types.map(
    (t) =>
      `| ${name} | ${t.type} | ${t.pages} | ${(t.bytes / 1000).toFixed(1)} | ${t.budget ? (t.budget / 1000).toFixed(0) : '–'} | ${t.budget && t.bytes <= t.budget ? 'ok' : 'OVER'} | ${t.heaviest} |`,
  );
  return [
    '| site | page type | pages | heaviest (KB gz) | budget (KB) | | heaviest page |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    ...(result.over.length > 0 ? ['', `${result.over.length} pages over budget, e.g. ${result.over[0]}`] : []),
  ].join('\n');
}
