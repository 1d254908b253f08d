/** Sitemap `lastmod` from the content's own dates, so search engines recrawl a page when an editor changes it (not on
 * every rebuild). astro.config.mjs runs before the content layer exists, so the dates are read from front matter. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { contentFiles } from './paths';
import { firstPageOf, urls } from './urls';
import { idFromPath } from './validate';

/** What the sitemap needs from one dated entry. */
export interface DatedEntry {
  collection: 'qa' | 'explainers' | 'audio';
  /** Entry id as the glob loader makes it: the path under the collection folder, without extension. */
  id: string;
  topic: string;
  date: Date;
}

export interface SitemapItemLike {
  url: string;
  lastmod?: string | undefined;
}

const pageOf = { qa: urls.qa, explainers: urls.explainer, audio: urls.audio } as const;
const indexOf = { qa: urls.qaIndex(), explainers: urls.explainers(), audio: urls.audioLibrary() } as const;

/** Site path → last modification: entry pages their own date; topic pages, section indexes and the home page the
 * newest entry they list. A topic's later list pages take its first page's date (sitemapSerializer): a new Q&A can
 * shift every page after it. */
export function lastModifiedByPath(entries: readonly DatedEntry[]): Map<string, Date> {
  const dates = new Map<string, Date>();
  const bump = (path: string, date: Date) => {
    const seen = dates.get(path);
    if (!seen || date > seen) dates.set(path, date);
  };
  for (const e of entries) {
    bump(pageOf[e.collection](e.id), e.date);
    bump(urls.topic(e.topic), e.date);
    bump(indexOf[e.collection], e.date);
    bump(urls.home(), e.date);
  }
  return dates;
}

/** The @astrojs/sitemap `serialize` option: adds `lastmod` (YYYY-MM-DD) to pages with a known date. */
export function sitemapSerializer(dates: ReadonlyMap<string, Date>) {
  return <T extends SitemapItemLike>(item: T): T => {
    const path = new URL(item.url).pathname;
    const date = dates.get(path) ?? dates.get(firstPageOf(path));
    return date ? { ...item, lastmod: date.toISOString().slice(0, 10) } : item;
  };
}

/** Reads the dated entries from a content folder. A file without a readable date is skipped here: the content
 * schema, not the sitemap, is what reports it to the editor. */
export function readDatedEntries(contentDir: string): DatedEntry[] {
  const field = { qa: 'updated', explainers: 'updated', audio: 'recorded' } as const;
  const out: DatedEntry[] = [];
  for (const collection of ['qa', 'explainers', 'audio'] as const) {
    const base = join(contentDir, collection);
    for (const file of contentFiles(base, /\.mdx?$/)) {
      const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(join(base, file), 'utf8'));
      if (!match) continue;
      let data: unknown;
      try {
        data = yaml.load(match[1]!);
      } catch {
        continue;
      }
      if (typeof data !== 'object' || data === null) continue;
      const record = data as Record<string, unknown>;
      const raw = record[field[collection]];
      const date = raw instanceof Date ? raw : typeof raw === 'string' ? new Date(raw) : undefined;
      if (!date || Number.isNaN(date.getTime()) || typeof record['topic'] !== 'string') continue;
      out.push({ collection, id: idFromPath(file), topic: record['topic'], date });
    }
  }
  return out;
}
