/** Text formats for stations: podcast RSS 2.0 (built with @astrojs/rss, plus the iTunes and Podcasting 2.0 tags podcast
 * apps read), M3U playlists and bundle manifests. Pure; URLs come in absolute. */
import { getRssString } from '@astrojs/rss';

export interface FeedItem {
  title: string;
  /** The recording page URL: also the item's guid, since it never changes. */
  link: string;
  description: string;
  published: Date;
  enclosure: { url: string; bytes: number; type: string };
  /** Seconds. */
  duration: number;
  transcript: { url: string; type: string; language: string };
}

export interface FeedChannel {
  title: string;
  link: string;
  feedUrl: string;
  description: string;
  /** BCP 47 language of the recordings. */
  language: string;
  author: string;
  category: string;
  items: FeedItem[];
}

/** Escapes text for XML element content and attribute values. */
export function xml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** "HH:MM:SS", the itunes:duration form every podcast app reads. */
export function clock(seconds: number): string {
  const s = Math.round(seconds);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(Math.floor(s / 3600))}:${p(Math.floor((s % 3600) / 60))}:${p(s % 60)}`;
}

export const NAMESPACES = {
  itunes: 'http://www.itunes.com/dtds/podcast-1.0.dtd',
  podcast: 'https://podcastindex.org/namespace/1.0',
  atom: 'http://www.w3.org/2005/Atom',
} as const;

export function rss(channel: FeedChannel): Promise<string> {
  const latest = channel.items.reduce((d, i) => (i.published > d ? i.published : d), new Date(0));
  return getRssString({
    title: channel.title,
    description: channel.description,
    site: channel.link,
    xmlns: NAMESPACES,
    customData: [
      `<language>${xml(channel.language)}</language>`,
      `<lastBuildDate>${latest.toUTCString()}</lastBuildDate>`,
      `<atom:link href="${xml(channel.feedUrl)}" rel="self" type="application/rss+xml"/>`,
      `<itunes:author>${xml(channel.author)}</itunes:author>`,
      `<itunes:category text="${xml(channel.category)}"/>`,
      '<itunes:explicit>false</itunes:explicit>',
      '<podcast:locked>no</podcast:locked>',
    ].join(''),
    items: channel.items.map((i) => ({
      title: i.title,
      link: i.link,
      description: i.description,
      pubDate: i.published,
      enclosure: { url: i.enclosure.url, length: i.enclosure.bytes, type: i.enclosure.type },
      customData: [
        `<itunes:duration>${clock(i.duration)}</itunes:duration>`,
        '<itunes:explicit>false</itunes:explicit>',
        `<podcast:transcript url="${xml(i.transcript.url)}" type="${xml(i.transcript.type)}" language="${xml(i.transcript.language)}"/>`,
      ].join(''),
    })),
  });
}

/** Extended M3U: one #EXTINF line (seconds, title) per file. CRLF, which every broadcast playout system reads. */
export function m3u(entries: { title: string; url: string; duration: number }[]): string {
  const lines = ['#EXTM3U'];
  for (const e of entries) lines.push(`#EXTINF:${Math.round(e.duration)},${e.title.replace(/[\r\n]+/g, ' ')}`, e.url);
  return `${lines.join('\r\n')}\r\n`;
}

export interface ManifestRow {
  file: string;
  language: string;
  topic: string;
  title: string;
  /** Seconds, for audio; null for transcripts. */
  duration: number | null;
  bytes: number;
  sha256: string;
}

const csvCell = (v: string | number | null) => {
  const s = v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** CSV with a header row, UTF-8 with BOM so spreadsheet programs show Vietnamese correctly. */
export function manifestCsv(rows: ManifestRow[]): string {
  const header: (keyof ManifestRow)[] = ['file', 'language', 'topic', 'title', 'duration', 'bytes', 'sha256'];
  const lines = [header.join(','), ...rows.map((r) => header.map((h) => csvCell(r[h])).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function manifestJson(meta: { title: string; language: string; site: string }, rows: ManifestRow[]): string {
  return `${JSON.stringify({ ...meta, algorithm: 'SHA-256', files: rows }, null, 2)}\n`;
}
