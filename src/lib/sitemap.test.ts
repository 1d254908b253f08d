import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lastModifiedByPath, readDatedEntries, sitemapSerializer, type DatedEntry } from './sitemap';

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const entries: DatedEntry[] = [
  { collection: 'qa', id: 'dieu-tra/a', topic: 'dieu-tra', date: d('2024-06-01') },
  { collection: 'qa', id: 'dieu-tra/b', topic: 'dieu-tra', date: d('2024-07-15') },
  { collection: 'explainers', id: 'ten-mien', topic: 'ten-mien-vn', date: d('2024-05-02') },
  { collection: 'audio', id: 'dieu-tra-01-vi', topic: 'dieu-tra', date: d('2024-06-20') },
];

describe('lastModifiedByPath', () => {
  it('dates entry pages by their own date and lists by their newest entry', () => {
    const dates = lastModifiedByPath(entries);
    const iso = Object.fromEntries([...dates].map(([k, v]) => [k, v.toISOString().slice(0, 10)]));
    expect(iso).toEqual({
      '/hoi-dap/dieu-tra/a/': '2024-06-01',
      '/hoi-dap/dieu-tra/b/': '2024-07-15',
      '/chinh-sach/ten-mien/': '2024-05-02',
      '/ban-nghe/dieu-tra-01-vi/': '2024-06-20',
      '/chu-de/dieu-tra/': '2024-07-15',
      '/chu-de/ten-mien-vn/': '2024-05-02',
      '/hoi-dap/': '2024-07-15',
      '/chinh-sach/': '2024-05-02',
      '/ban-nghe/': '2024-06-20',
      '/': '2024-07-15',
    });
  });
});

describe('sitemapSerializer', () => {
  it('adds lastmod to known pages only and keeps other fields', () => {
    const serialize = sitemapSerializer(lastModifiedByPath(entries));
    expect(serialize({ url: 'https://x.example/hoi-dap/dieu-tra/a/', changefreq: 'weekly' })).toEqual({
      url: 'https://x.example/hoi-dap/dieu-tra/a/',
      changefreq: 'weekly',
      lastmod: '2024-06-01',
    });
    expect(serialize({ url: 'https://x.example/lien-he/' })).toEqual({ url: 'https://x.example/lien-he/' });
  });

  it("dates a topic's later list pages like its first page", () => {
    const serialize = sitemapSerializer(lastModifiedByPath(entries));
    expect(serialize({ url: 'https://x.example/chu-de/dieu-tra/trang-3/' })).toEqual({
      url: 'https://x.example/chu-de/dieu-tra/trang-3/',
      lastmod: '2024-07-15',
    });
    expect(serialize({ url: 'https://x.example/chu-de/khac/trang-2/' })).toEqual({
      url: 'https://x.example/chu-de/khac/trang-2/',
    });
  });
});

describe('readDatedEntries', () => {
  it('reads dates and topics from front matter, skipping drafts (_*) and undated files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'loa-ban-sitemap-'));
    await mkdir(join(dir, 'qa/dieu-tra'), { recursive: true });
    await mkdir(join(dir, 'explainers'), { recursive: true });
    await mkdir(join(dir, 'audio'), { recursive: true });
    await writeFile(
      join(dir, 'qa/dieu-tra/hoi-ai.md'),
      '---\nquestion: "Hỏi ai?"\ntopic: dieu-tra\nupdated: 2024-06-03\n---\n\nĐáp.\n',
    );
    await writeFile(join(dir, 'qa/dieu-tra/_nhap.md'), '---\ntopic: dieu-tra\nupdated: 2024-06-04\n---\n');
    await writeFile(join(dir, 'explainers/y.mdx'), '---\ntitle: Y\ntopic: ten-mien-vn\nupdated: "2024-05-09"\n---\n');
    await writeFile(join(dir, 'explainers/khong-ngay.mdx'), '---\ntitle: Z\ntopic: ten-mien-vn\n---\n');
    await writeFile(join(dir, 'audio/ban-1.md'), '---\ntitle: B\ntopic: dieu-tra\nrecorded: 2024-06-20\n---\n');
    const found = readDatedEntries(dir).sort((a, b) => a.id.localeCompare(b.id));
    expect(found.map((e) => [e.collection, e.id, e.topic, e.date.toISOString().slice(0, 10)])).toEqual([
      ['audio', 'ban-1', 'dieu-tra', '2024-06-20'],
      ['qa', 'dieu-tra/hoi-ai', 'dieu-tra', '2024-06-03'],
      ['explainers', 'y', 'ten-mien-vn', '2024-05-09'],
    ]);
    await rm(dir, { recursive: true, force: true });
  });
});
