/** Audio on the built site, checked against the files themselves: pages show what the MP3s hold, feeds and
 * playlists point at files of exactly the stated size, bundles match their manifests, phone copies are small mono
 * files that decode. Figures are recomputed here from the bytes (music-metadata, mpg123), not read back from the
 * build's cache. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { XMLParser } from 'fast-xml-parser';
import { unzipSync } from 'fflate';
import { parseBuffer } from 'music-metadata';
import { describe, expect, it } from 'vitest';
import { decodeMp3 } from '../lib/audio/decode';
import { sha256 } from '../lib/audio/hash';
import { integratedLoudness } from '../lib/audio/loudness';
import { formatBytes, formatDuration } from '../lib/format';
import { siteDist } from './helpers/paths';

const read = (path: string) => readFileSync(join(siteDist, path));
const html = (path: string) => read(join(path, 'index.html')).toString('utf8');
/** Seconds of audio in an MP3, by decoding it (mpg123 returns every frame's samples, as players do). */
const seconds = async (bytes: Uint8Array) => {
  const d = await decodeMp3(bytes, 1);
  return d.channels[0]!.length / d.sampleRate;
};
/** Recording ids, from the built pages under /ban-nghe/ that hold an original MP3. */
const ids = readdirSync(join(siteDist, 'ban-nghe')).filter((d) =>
  existsSync(join(siteDist, 'ban-nghe', d, `${d}.mp3`)),
);
const site = new URL(/<link rel="canonical" href="([^"]+)"/.exec(html('/'))![1]!).origin;
const local = (url: string) => {
  expect(url.startsWith(site), `${url} is on this site`).toBe(true);
  return decodeURI(new URL(url).pathname);
};
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
const list = <T>(x: T | T[]) => (Array.isArray(x) ? x : [x]);

describe('recordings', () => {
  it('ships at least 8 Vietnamese recordings', () => {
    expect(ids.length).toBeGreaterThanOrEqual(8);
    expect(ids.filter((id) => id.endsWith('-vi')).length).toBeGreaterThanOrEqual(8);
  });

  it('recording pages show the figures the files hold', async () => {
    for (const id of ids) {
      const page = html(`/ban-nghe/${id}/`);
      for (const file of [`${id}.mp3`, `${id}-tiet-kiem.mp3`]) {
        const bytes = read(`/ban-nghe/${id}/${file}`);
        expect(page, `${id}: ${file}`).toContain(
          `(${formatDuration(await seconds(bytes))} · ${formatBytes(bytes.length)})`,
        );
      }
    }
  });

  it('pages load no audio before play, label machine readings and mark the transcript language', () => {
    for (const id of ids) {
      const page = html(`/ban-nghe/${id}/`);
      const audio = /<audio\b[^>]*>/.exec(page)![0];
      expect(audio).toContain('preload="none"');
      expect(audio).toContain(`src="/ban-nghe/${id}/${id}-tiet-kiem.mp3"`);
      expect(page).toMatch(/<div lang="[a-z]{2,3}"[ >]/);
      expect(page).toMatch(/download="[a-z0-9-]+-\d{2}-tieng-[a-z-]+\.mp3"/);
      expect(page).toContain(`href="/ban-nghe/${id}/${id}.txt"`);
      expect(page).toMatch(
        /<link rel="alternate" type="application\/rss\+xml"[^>]+href="\/dai-truyen-thanh\/[a-z-]+\/podcast\.xml"/,
      );
      const entry = readFileSync(join('content/audio', `${id}.md`), 'utf8');
      if (/^machineRead: true$/m.test(entry)) expect(page).toContain('bản đọc máy');
      // Related Q&A links.
      for (const qa of entry.match(/^\s+- ([a-z0-9/-]+)$/gm) ?? [])
        expect(page).toContain(`href="/hoi-dap/${qa.trim().slice(2)}/"`);
    }
  });

  it('recording pages fit the 14 KB compressed budget', () => {
    for (const id of ids)
      expect(gzipSync(html(`/ban-nghe/${id}/`), { level: 9 }).length, id).toBeLessThanOrEqual(14_000);
  });

  it('a Q&A named by a recording shows its player', () => {
    const id = ids[0]!;
    const qa = /^\s+- ([a-z0-9/-]+)$/m.exec(readFileSync(join('content/audio', `${id}.md`), 'utf8'))![1]!;
    const page = html(`/hoi-dap/${qa}/`);
    expect(page).toMatch(new RegExp(`<audio[^>]+preload="none"[^>]+src="/ban-nghe/${id}/${id}-tiet-kiem.mp3"`));
    expect(page).toContain(`href="/ban-nghe/${id}/${id}.mp3"`);
  });

  it('phone copies are mono, at most 40 kbit/s, near -16 LUFS, decode, and last as long as the original', async () => {
    for (const id of ids) {
      const small = read(`/ban-nghe/${id}/${id}-tiet-kiem.mp3`);
      const original = read(`/ban-nghe/${id}/${id}.mp3`);
      const m = (await parseBuffer(small, { mimeType: 'audio/mpeg', size: small.length })).format;
      expect(m.numberOfChannels, id).toBe(1);
      expect(m.bitrate!, id).toBeLessThanOrEqual(40_000);
      expect(small.length, id).toBeLessThan(original.length);
      const decoded = await decodeMp3(small, 1);
      // Re-encoding adds one encoder delay and frame padding: well under 0.1 s.
      expect(Math.abs(decoded.channels[0]!.length / decoded.sampleRate - (await seconds(original))), id).toBeLessThan(
        0.1,
      );
      expect(Math.abs(integratedLoudness(decoded.channels, decoded.sampleRate) - -16), id).toBeLessThan(1);
    }
  }, 120_000);

  it('plain-text transcripts are UTF-8 text of the entry body', () => {
    for (const id of ids) {
      const text = read(`/ban-nghe/${id}/${id}.txt`).toString('utf8');
      const body = readFileSync(join('content/audio', `${id}.md`), 'utf8')
        .split(/^---$/m)[2]!
        .trim();
      expect(text.trim()).toBe(body.replace(/[*_`]/g, ''));
    }
  });
});

describe('station section', () => {
  const languages = readdirSync(join(siteDist, 'dai-truyen-thanh')).filter((d) =>
    statSync(join(siteDist, 'dai-truyen-thanh', d)).isDirectory(),
  );
  const withAudio = languages.filter((l) => existsSync(join(siteDist, 'dai-truyen-thanh', l, 'podcast.xml')));

  it('has a feed for Vietnamese and a "no recording yet" page for the others', () => {
    expect(withAudio).toContain('tieng-viet');
    for (const l of languages.filter((x) => !withAudio.includes(x))) {
      const page = html(`/dai-truyen-thanh/${l}/`);
      expect(page).toContain('Chưa có bản ghi âm bằng ngôn ngữ này.');
      expect(page).toContain('góp bản ghi');
    }
  });

  it('feeds are RSS 2.0 podcasts whose enclosures have the exact file size', async () => {
    for (const l of withAudio) {
      const doc = xml.parse(read(`/dai-truyen-thanh/${l}/podcast.xml`).toString('utf8'));
      expect(doc.rss['@version']).toBe('2.0');
      expect(doc.rss['@xmlns:itunes']).toBe('http://www.itunes.com/dtds/podcast-1.0.dtd');
      expect(doc.rss['@xmlns:podcast']).toBe('https://podcastindex.org/namespace/1.0');
      const items = list(doc.rss.channel.item);
      expect(items.length).toBeGreaterThan(0);
      const guids = new Set<string>();
      for (const item of items) {
        const file = read(local(item.enclosure['@url']));
        expect(Number(item.enclosure['@length'])).toBe(file.length);
        expect(item.enclosure['@type']).toBe('audio/mpeg');
        expect(item['itunes:duration']).toMatch(/^\d\d:\d\d:\d\d$/);
        const [h, m, s] = (item['itunes:duration'] as string).split(':').map(Number);
        expect(Math.abs(h! * 3600 + m! * 60 + s! - (await seconds(file)))).toBeLessThanOrEqual(0.5);
        const guid = item.guid['#text'] as string;
        expect(guid).toBe(item.link);
        expect(existsSync(join(siteDist, local(guid), 'index.html'))).toBe(true);
        guids.add(guid);
        const transcript = item['podcast:transcript'];
        expect(transcript['@type']).toBe('text/plain');
        expect(read(local(transcript['@url'])).toString('utf8').length).toBeGreaterThan(20);
      }
      expect(guids.size).toBe(items.length);
      const page = html(`/dai-truyen-thanh/${l}/`);
      expect(page).toContain(`<link rel="alternate" type="application/rss+xml"`);
      expect(page).toContain(`href="/dai-truyen-thanh/${l}/podcast.xml"`);
    }
  });

  it('M3U playlists list existing files with their durations', () => {
    for (const l of withAudio) {
      const lines = read(`/dai-truyen-thanh/${l}/danh-sach-phat.m3u`).toString('utf8').trim().split(/\r\n/);
      expect(lines[0]).toBe('#EXTM3U');
      for (let i = 1; i < lines.length; i += 2) {
        expect(lines[i]).toMatch(/^#EXTINF:\d+,.+/);
        expect(existsSync(join(siteDist, local(lines[i + 1]!)))).toBe(true);
      }
    }
  });

  it('ZIP bundles hold exactly the files of their manifests, with matching sizes and SHA-256', () => {
    for (const l of withAudio) {
      const files = unzipSync(read(`/dai-truyen-thanh/${l}/ban-nghe-${l}.zip`));
      const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json']!)) as {
        algorithm: string;
        files: { file: string; bytes: number; sha256: string; language: string; duration: number | null }[];
      };
      expect(manifest.algorithm).toBe('SHA-256');
      const names = Object.keys(files)
        .filter((n) => !n.startsWith('manifest.'))
        .sort();
      expect(manifest.files.map((f) => f.file).sort()).toEqual(names);
      for (const f of manifest.files) {
        expect(files[f.file]!.length, f.file).toBe(f.bytes);
        expect(sha256(files[f.file]!), f.file).toBe(f.sha256);
      }
      // The CSV says the same as the JSON.
      const csv = new TextDecoder()
        .decode(files['manifest.csv']!)
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(csv[0]).toBe('file,language,topic,title,duration,bytes,sha256');
      expect(csv).toHaveLength(manifest.files.length + 1);
      for (const f of manifest.files)
        expect(csv.some((row) => row.startsWith(`${f.file},`) && row.endsWith(`,${f.bytes},${f.sha256}`))).toBe(true);
      // The MP3s in the bundle are the originals served on the site, byte for byte.
      const served = new Set(ids.map((id) => sha256(read(`/ban-nghe/${id}/${id}.mp3`))));
      for (const f of manifest.files.filter((x) => x.file.endsWith('.mp3'))) expect(served.has(f.sha256)).toBe(true);
      expect(manifest.files.filter((x) => x.file.endsWith('.txt')).length).toBe(
        manifest.files.filter((x) => x.file.endsWith('.mp3')).length,
      );
    }
  });

  it('the station table shows loudness and true peak measured from each original', async () => {
    const page = html('/dai-truyen-thanh/');
    for (const id of ids) {
      const bytes = read(`/ban-nghe/${id}/${id}.mp3`);
      const { format } = await parseBuffer(bytes, { mimeType: 'audio/mpeg', size: bytes.length }, { duration: true });
      const decoded = await decodeMp3(bytes, format.numberOfChannels === 1 ? 1 : 2);
      const lufs = integratedLoudness(decoded.channels, decoded.sampleRate);
      const row = new RegExp(`<tr[^>]*>(?:(?!</tr>).)*href="/ban-nghe/${id}/${id}.mp3"(?:(?!</tr>).)*</tr>`, 's').exec(
        page,
      )?.[0];
      expect(row, id).toBeDefined();
      const shown = Number(/(-?\d+,\d) LUFS/.exec(row!)![1]!.replace(',', '.'));
      expect(Math.abs(shown - lufs), id).toBeLessThanOrEqual(0.06);
      expect(row).toMatch(/-?\d+,\d dBTP/);
      expect(row).toContain(`${Math.round(format.bitrate! / 1000)} kbit/s`);
      expect(row).toContain(`${String(format.sampleRate! / 1000).replace('.', ',')} kHz`);
    }
  }, 120_000);
});
