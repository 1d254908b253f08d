import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { clock, m3u, manifestCsv, manifestJson, rss, type FeedChannel } from './feeds.ts';

const channel: FeedChannel = {
  title: 'Bản nghe tiếng Việt & "hỏi đáp"',
  link: 'https://x.example/dai-truyen-thanh/tieng-viet/',
  feedUrl: 'https://x.example/dai-truyen-thanh/tieng-viet/podcast.xml',
  description: 'Hỏi đáp <ngắn>',
  language: 'vi',
  author: 'Sở TT&TT',
  category: 'Government',
  items: [
    {
      title: 'Ai được điều tra?',
      link: 'https://x.example/ban-nghe/a/',
      description: 'Mô tả',
      published: new Date('2026-11-22'),
      enclosure: { url: 'https://x.example/ban-nghe/a/a.mp3', bytes: 123456, type: 'audio/mpeg' },
      duration: 151,
      transcript: { url: 'https://x.example/ban-nghe/a/a.txt', type: 'text/plain', language: 'vi' },
    },
  ],
};

describe('rss', () => {
  it('parses as RSS 2.0 with iTunes and podcast namespaces', async () => {
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(await rss(channel));
    expect(doc.rss['@version']).toBe('2.0');
    expect(doc.rss['@xmlns:itunes']).toBe('http://www.itunes.com/dtds/podcast-1.0.dtd');
    expect(doc.rss['@xmlns:podcast']).toBe('https://podcastindex.org/namespace/1.0');
    expect(doc.rss.channel.title).toBe('Bản nghe tiếng Việt & "hỏi đáp"');
    expect(doc.rss.channel.description).toBe('Hỏi đáp <ngắn>');
    expect(doc.rss.channel.link).toBe('https://x.example/dai-truyen-thanh/tieng-viet/');
    expect(doc.rss.channel.language).toBe('vi');
    expect(doc.rss.channel['itunes:author']).toBe('Sở TT&TT');
    expect(doc.rss.channel['itunes:category']['@text']).toBe('Government');
    expect(doc.rss.channel['atom:link']['@href']).toBe('https://x.example/dai-truyen-thanh/tieng-viet/podcast.xml');
    const item = doc.rss.channel.item;
    expect(item.enclosure['@length']).toBe('123456');
    expect(item.enclosure['@type']).toBe('audio/mpeg');
    expect(item.guid['#text']).toBe('https://x.example/ban-nghe/a/');
    expect(item['itunes:duration']).toBe('00:02:31');
    expect(item['podcast:transcript']['@url']).toBe('https://x.example/ban-nghe/a/a.txt');
    expect(item.pubDate).toBe('Sun, 22 Nov 2026 00:00:00 GMT');
    expect(item['podcast:transcript']['@language']).toBe('vi');
    expect(item['itunes:explicit']).toBe(false);
  });
  it('writes durations as HH:MM:SS', () => {
    expect(clock(3723.4)).toBe('01:02:03');
  });
});

describe('m3u and manifests', () => {
  it('writes an extended M3U', () => {
    expect(m3u([{ title: 'Một\nhai', url: 'https://x/a.mp3', duration: 61.6 }])).toBe(
      '#EXTM3U\r\n#EXTINF:62,Một hai\r\nhttps://x/a.mp3\r\n',
    );
  });
  it('quotes CSV cells that need it and starts with a BOM', () => {
    const csv = manifestCsv([
      { file: 'a.mp3', language: 'vi', topic: 't', title: 'Ai, khi "nào"', duration: 1.5, bytes: 10, sha256: 'ab' },
    ]);
    expect(csv).toBe(
      '\uFEFFfile,language,topic,title,duration,bytes,sha256\r\na.mp3,vi,t,"Ai, khi ""nào""",1.5,10,ab\r\n',
    );
  });
  it('writes JSON with the algorithm named', () => {
    const json = JSON.parse(manifestJson({ title: 't', language: 'vi', site: 's' }, []));
    expect(json).toEqual({ title: 't', language: 'vi', site: 's', algorithm: 'SHA-256', files: [] });
  });
});
