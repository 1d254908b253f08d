/** Text formats for stations: podcast RSS 2.0 (iTunes and Podcasting 2.0 namespaces), M3U playlists and bundle
 * manifests. Pure string builders; URLs come in absolute. */

export interface FeedItem {
  title: string;
  /** Stable id: the recording page URL, which never changes. */
  guid: string;
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
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** "HH:MM:SS", the itunes:duration form every podcast app reads. */
export function clock(seconds: number): string {
  const s = Math.round(seconds);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(Math.floor(s / 3600))}:${p(Math.floor((s % 3600) / 60))}:${p(s % 60)}`;
}

export function rss(channel: FeedChannel): string {
  const items = channel.items.map(
    (i) => `    <item>
      <title>${xml(i.title)}</title>
      <guid isPermaLink="false">${xml(i.guid)}</guid>
      <link>${xml(i.link)}</link>
      <description>${xml(i.description)}</description>
      <pubDate>${i.published.toUTCString()}</pubDate>
      <enclosure url="${xml(i.enclosure.url)}" length="${i.enclosure.bytes}" type="${xml(i.enclosure.type)}"/>
      <itunes:duration>${clock(i.duration)}</itunes:duration>
      <itunes:explicit>false</itunes:explicit>
      <podcast:transcript url="${xml(i.transcript.url)}" type="${xml(i.transcript.type)}" language="${xml(i.transcript.language)}"/>
    </item>`,
  );
  const latest = channel.items.reduce((d, i) => (i.published > d ? i.published : d), new Date(0));
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:podcast="https://podcastindex.org/namespace/1.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${xml(channel.title)}</title>
    <link>${xml(channel.link)}</link>
    <atom:link href="${xml(channel.feedUrl)}" rel="self" type="application/rss+xml"/>
    <description>${xml(channel.description)}</description>
    <language>${xml(channel.language)}</language>
    <lastBuildDate>${latest.toUTCString()}</lastBuildDate>
    <itunes:author>${xml(channel.author)}</itunes:author>
    <itunes:category text="${xml(channel.category)}"/>
    <itunes:explicit>false</itunes:explicit>
    <podcast:locked>no</podcast:locked>
${items.join('\n')}
  </channel>
</rss>
`;
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
