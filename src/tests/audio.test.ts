/** Audio on the built site, checked against the files themselves: pages show what the MP3s hold, feeds and
 * playlists point at files of exactly the stated size, bundles match their manifests, phone copies are small mono
 * files that decode. Every figure is measured here by FFmpeg (Debian's ffprobe and ffmpeg's ebur128 filter), an
 * implementation independent of the site's decoder, meter and formatters; what the site shows is parsed back into
 * numbers and compared within the tolerances stated beside each check. */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { XMLParser } from 'fast-xml-parser';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { siteDist } from './helpers/paths';

const run = promisify(execFile);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const read = (path: string) => readFileSync(join(siteDist, path));
const html = (path: string) => read(join(path, 'index.html')).toString('utf8');

interface Probe {
  /** Seconds, as FFmpeg's demuxer reports them (it includes the encoder delay and padding, ~0.05 s). */
  duration: number;
  bitRate: number;
  sampleRate: number;
  channels: number;
}
interface Loudness {
  /** EBU R128 integrated loudness, LUFS, to 0.1. */
  integrated: number;
  /** True peak, dBTP, to 0.1 (ffmpeg's ebur128 filter oversamples to 192 kHz). */
  truePeak: number;
}
const memo = <T>(fn: (file: string) => Promise<T>) => {
  const done = new Map<string, Promise<T>>();
  return (file: string) => {
    if (!done.has(file)) done.set(file, fn(file));
    return done.get(file)!;
  };
};
/** ffprobe's view of an MP3 on the site. */
const probe = memo(async (path: string): Promise<Probe> => {
  const { stdout } = await run('ffprobe', [
    '-v',
    'error',
    '-show_entries',
    'format=duration,bit_rate:stream=sample_rate,channels',
    '-of',
    'json',
    join(siteDist, path),
  ]);
  const { format, streams } = JSON.parse(stdout) as {
    format: { duration: string; bit_rate: string };
    streams: { sample_rate: string; channels: number }[];
  };
  return {
    duration: Number(format.duration),
    bitRate: Number(format.bit_rate),
    sampleRate: Number(streams[0]!.sample_rate),
    channels: streams[0]!.channels,
  };
});
/** ffmpeg's ebur128 summary of an MP3 on the site, and whatever ffmpeg reported as an error while decoding it all
 * (nothing, for a sound file). */
const measure = memo(async (path: string): Promise<Loudness & { errors: string[] }> => {
  const { stderr } = await run('ffmpeg', [
    '-hide_banner',
    '-nostats',
    '-loglevel',
    'level+info',
    '-i',
    join(siteDist, path),
    '-af',
    'ebur128=peak=true',
    '-f',
    'null',
    '-',
  ]);
  const summary = stderr.slice(stderr.lastIndexOf('Summary:'));
  return {
    integrated: Number(/I:\s+(-?[\d.]+) LUFS/.exec(summary)![1]),
    truePeak: Number(/Peak:\s+(-?[\d.]+) dBFS/.exec(summary)![1]),
    errors: stderr.split('\n').filter((line) => /\[(error|fatal)\]/.test(line)),
  };
});

/** "2:31" or "1:02:03" → seconds. */
const clock = (text: string) => text.split(':').reduce((total, part) => total * 60 + Number(part), 0);
/** "85 KB" / "0,6 MB" → bytes, with the rounding the figure allows: half a unit of its last digit. */
function shownBytes(text: string): { bytes: number; within: number } {
  const [, number, unit] = /^([\d,]+) (KB|MB)$/.exec(text.trim())!;
  const value = Number(number!.replace(',', '.'));
  const scale = unit === 'KB' ? 1000 : 1_000_000;
  const decimals = number!.split(',')[1]?.length ?? 0;
  return { bytes: value * scale, within: scale / 10 ** decimals / 2 };
}
/** Shown figures round to a whole second; ffprobe's duration differs from the decoded audio by the encoder's delay
 * and padding (~0.05 s): 0.5 + 0.1 s. */
const SECOND = 0.6;

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

describe.each(ids)('recording %s, measured by FFmpeg', (id) => {
  const original = `/ban-nghe/${id}/${id}.mp3`;
  const small = `/ban-nghe/${id}/${id}-tiet-kiem.mp3`;

  it('its page shows the duration and size of the original and of the phone copy', async () => {
    const page = html(`/ban-nghe/${id}/`);
    for (const file of [original, small]) {
      const label = new RegExp(
        `href="${file}"[^>]*>[^<]*</a>\\s*<span[^>]*>\\(([\\d:]+) · ([\\d,]+ [KM]B)\\)</span>`,
      ).exec(page);
      expect(label, `the page labels ${file}`).not.toBeNull();
      const { duration } = await probe(file);
      expect(Math.abs(clock(label![1]!) - duration), `${file}: ${label![1]} for ${duration} s`).toBeLessThanOrEqual(
        SECOND,
      );
      const size = shownBytes(label![2]!);
      const bytes = statSync(join(siteDist, file)).size;
      expect(Math.abs(size.bytes - bytes), `${file}: ${label![2]} for ${bytes} B`).toBeLessThanOrEqual(size.within);
    }
  });

  it('the phone copy is mono, at most 40 kbit/s, near -16 LUFS, decodes cleanly and lasts as long', async () => {
    const [copy, source, loudness] = await Promise.all([probe(small), probe(original), measure(small)]);
    expect(copy.channels).toBe(1);
    expect(copy.bitRate).toBeLessThanOrEqual(40_000);
    expect(statSync(join(siteDist, small)).size).toBeLessThan(statSync(join(siteDist, original)).size);
    expect(loudness.errors).toEqual([]);
    // Re-encoding adds one encoder delay and frame padding: well under 0.1 s.
    expect(Math.abs(copy.duration - source.duration)).toBeLessThan(0.1);
    // Normalised to -16 LUFS, then encoded at a low bitrate, which moves loudness by a few tenths: 1 LU.
    expect(Math.abs(loudness.integrated - -16)).toBeLessThanOrEqual(1);
  });

  it('its row of the station table shows the original as FFmpeg measures it', async () => {
    const page = html('/dai-truyen-thanh/');
    const row = new RegExp(`<tr[^>]*>(?:(?!</tr>).)*href="${original}"(?:(?!</tr>).)*</tr>`, 's').exec(page)?.[0];
    expect(row, 'a row links the original').toBeDefined();
    const cells = [...row!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ' ').trim());
    const [duration, size, bitrate, sampleRate, channels, loudness, peak] = cells;
    const [file, measured] = await Promise.all([probe(original), measure(original)]);
    expect(measured.errors).toEqual([]);
    expect(Math.abs(clock(duration!) - file.duration)).toBeLessThanOrEqual(SECOND);
    // The exact byte count, written with Vietnamese thousands dots.
    expect(Number(/([\d.]+) byte/.exec(size!)![1]!.replace(/\./g, ''))).toBe(statSync(join(siteDist, original)).size);
    // kbit/s rounded to a whole number: half a kbit/s.
    expect(Math.abs(Number(/^(\d+) kbit\/s/.exec(bitrate!)![1]) * 1000 - file.bitRate)).toBeLessThanOrEqual(500);
    expect(Number(/^([\d,]+) kHz$/.exec(sampleRate!)![1]!.replace(',', '.')) * 1000).toBe(file.sampleRate);
    expect(channels).toBe(file.channels === 1 ? 'đơn kênh' : 'hai kênh');
    // Both round to 0.1 LU, and two meters place their 400 ms gating blocks differently: 0.2 LU.
    expect(
      Math.abs(Number(/^(-?[\d,]+) LUFS$/.exec(loudness!)![1]!.replace(',', '.')) - measured.integrated),
    ).toBeLessThanOrEqual(0.2);
    // True peak depends on each meter's oversampling (BS.1770 allows 4x meters to under-read by up to 0.5 dB).
    expect(
      Math.abs(Number(/^(-?[\d,]+) dBTP/.exec(peak!)![1]!.replace(',', '.')) - measured.truePeak),
    ).toBeLessThanOrEqual(0.5);
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
        const path = local(item.enclosure['@url']);
        const file = read(path);
        expect(Number(item.enclosure['@length'])).toBe(file.length);
        expect(item.enclosure['@type']).toBe('audio/mpeg');
        expect(item['itunes:duration']).toMatch(/^\d\d:\d\d:\d\d$/);
        const [h, m, s] = (item['itunes:duration'] as string).split(':').map(Number);
        expect(Math.abs(h! * 3600 + m! * 60 + s! - (await probe(path)).duration)).toBeLessThanOrEqual(SECOND);
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

  it('M3U playlists list existing files with their durations', async () => {
    for (const l of withAudio) {
      const lines = read(`/dai-truyen-thanh/${l}/danh-sach-phat.m3u`).toString('utf8').trim().split(/\r\n/);
      expect(lines[0]).toBe('#EXTM3U');
      for (let i = 1; i < lines.length; i += 2) {
        expect(lines[i]).toMatch(/^#EXTINF:\d+,.+/);
        const path = local(lines[i + 1]!);
        expect(existsSync(join(siteDist, path))).toBe(true);
        // Whole seconds, however the playlist rounds them.
        expect(Math.abs(Number(/^#EXTINF:(\d+)/.exec(lines[i]!)![1]) - (await probe(path)).duration)).toBeLessThan(
          1 + 0.1,
        );
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
});
