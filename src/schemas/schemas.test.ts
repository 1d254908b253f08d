/** The content schemas on the real content, the way the content layer applies them: every real entry passes, and each
 * kind of mistake an editor makes in one entry fails naming the field. Broken entries are real ones with one thing
 * changed, so these tests follow the schemas as fields are added or renamed. Mistakes across entries (a reference to
 * nothing, a duplicate `order`) go through the schemas, then the cross-entry checks of src/lib/validate.ts, as in a
 * build. `reference()` is Astro's own: this file runs through Astro's Vite config. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { z } from 'astro/zod';
import type { SchemaContext } from 'astro:content';
import { describe, expect, it } from 'vitest';
import { contentDir, contentFiles } from '../lib/paths';
import { idFromPath, validateSite, type Collections, type Entry } from '../lib/validate';
import { audioSchema } from './audio';
import { documentSchema } from './documents';
import { explainerSchema } from './explainers';
import { languageSchema } from './languages';
import { qaSchema } from './qa';
import { settingsSchema } from './settings';
import { topicSchema } from './topics';

type Data = Record<string, unknown>;

/** Outside a build, the content layer gives image() as a plain string schema; the image itself is checked by sharp in
 * the fixture site's build (src/tests/images.test.ts). */
const schemas = {
  topics: topicSchema,
  qa: qaSchema,
  explainers: explainerSchema((() => z.string()) as unknown as SchemaContext['image']),
  audio: audioSchema,
  documents: documentSchema,
  languages: languageSchema,
} as const;
type Collection = keyof typeof schemas;

const pages = /\.mdx?$/;
const dataFiles = /\.ya?ml$/;

/** A content file's data as the content layer reads it: the front matter of a page, the whole of a YAML file. */
function readData(file: string): Data {
  const text = readFileSync(file, 'utf8');
  const source = pages.test(file) ? /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)![1]! : text;
  return yaml.load(source) as Data;
}

/** Every real entry of a collection, unparsed. */
function raw(collection: Collection): { id: string; filePath: string; data: Data }[] {
  const dir = join(contentDir, collection);
  return contentFiles(dir, ['documents', 'languages'].includes(collection) ? dataFiles : pages).map((file) => ({
    id: idFromPath(file),
    filePath: `content/${collection}/${file}`,
    data: readData(join(dir, file)),
  }));
}

const parse = (collection: Collection, data: unknown) => schemas[collection].safeParseAsync(data);

/** Field paths of a failed parse, e.g. ["question", "period.end"]. */
async function failures(collection: Collection, data: unknown): Promise<string[]> {
  const result = await parse(collection, data);
  expect(result.success, `${collection}: ${JSON.stringify(data).slice(0, 200)} should fail`).toBe(false);
  return result.error!.issues.map((i) => i.path.join('.'));
}

/** All real content, parsed, as the cross-entry checks get it; `change` edits one collection's raw entries first. */
async function site(change?: (entries: ReturnType<typeof raw>, collection: Collection) => void): Promise<Collections> {
  const out: Collections = {};
  for (const collection of Object.keys(schemas) as Collection[]) {
    const entries = raw(collection);
    change?.(entries, collection);
    out[collection] = await Promise.all(
      entries.map(async (e): Promise<Entry> => {
        const result = await parse(collection, e.data);
        if (!result.success) throw new Error(`${e.filePath}: ${result.error.message}`);
        return { ...e, data: result.data as Data };
      }),
    );
  }
  return out;
}
const files = (relative: string) => {
  try {
    return readFileSync(join(contentDir, 'audio', relative)).length > 0;
  } catch {
    return false;
  }
};

const collections = Object.keys(schemas) as Collection[];
const first = (collection: Collection) => raw(collection)[0]!;

describe.each(collections)('%s', (collection) => {
  it('accepts every real entry', async () => {
    const entries = raw(collection);
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) {
      const result = await parse(collection, e.data);
      expect(result.error?.issues ?? [], e.filePath).toEqual([]);
    }
  });

  it('names the field when a required one is missing', async () => {
    const { data } = first(collection);
    let required = 0;
    for (const key of Object.keys(data)) {
      const { [key]: _, ...rest } = data;
      const result = await parse(collection, rest);
      if (result.success) continue;
      required++;
      expect(
        result.error.issues.map((i) => String(i.path[0])),
        key,
      ).toEqual([key]);
    }
    expect(required, 'some fields are required').toBeGreaterThan(0);
  });

  it('rejects a misspelled field, naming it, instead of ignoring it', async () => {
    const { data } = first(collection);
    const [key, value] = Object.entries(data)[0]!;
    const { [key]: _, ...rest } = data;
    const misspelt = `${key.slice(0, -1)}x`;
    const result = await parse(collection, { ...rest, [misspelt]: value });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error!.issues)).toContain(`"${misspelt}"`);
  });

  it('rejects a field of the wrong type, naming it', async () => {
    const { data } = first(collection);
    // An object where a text, number, date or list is expected.
    const key = Object.keys(data).find(
      (k) => typeof data[k] !== 'object' || Array.isArray(data[k]) || data[k] instanceof Date,
    )!;
    expect(await failures(collection, { ...data, [key]: { sai: true } })).toContain(key);
  });
});

describe('rules of single fields', () => {
  it('`order` is a whole number from 1', async () => {
    const { data } = first('qa');
    for (const order of [0, -1, 1.5, 'một']) expect(await failures('qa', { ...data, order })).toEqual(['order']);
  });

  it('dates are calendar dates', async () => {
    const { data } = first('qa');
    expect(await failures('qa', { ...data, updated: '31/12/2024' })).toEqual(['updated']);
  });

  it('a Q&A is in Vietnamese unless it says otherwise', async () => {
    const { lang: _, ...data } = first('qa').data;
    const result = await parse('qa', data);
    expect(result.data?.['lang' as never]).toEqual({ collection: 'languages', id: 'vi' });
  });

  it('an entry cites at least one document, said in Vietnamese', async () => {
    const result = await parse('qa', { ...first('qa').data, sources: [] });
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['sources', 'cần ít nhất một văn bản nguồn trong "sources"'],
    ]);
  });

  it('a recording must be an .mp3 file', async () => {
    const result = await parse('audio', { ...first('audio').data, file: 'files/ban-ghi.wav' });
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['file', 'tệp ghi âm phải có đuôi .mp3'],
    ]);
  });

  it('a language has a known script and a URL slug without tone marks', async () => {
    const { data } = first('languages');
    expect(await failures('languages', { ...data, script: 'Khmer' })).toEqual(['script']);
    expect(await failures('languages', { ...data, slug: 'tiếng-việt' })).toEqual(['slug']);
  });

  it('a hotline number has only digits', async () => {
    const topic = raw('topics').find((t) => Array.isArray(t.data['hotlines']) && t.data['hotlines'].length > 0)!;
    const [line] = topic.data['hotlines'] as Data[];
    expect(await failures('topics', { ...topic.data, hotlines: [{ ...line, number: 'một một một' }] })).toEqual([
      'hotlines.0.number',
    ]);
  });

  it('a topic period cannot end before it starts', async () => {
    const { data } = first('topics');
    // Periods keep their source's precision ("2021", "2024-06", "2024-06-15"): each precision, reversed.
    for (const [start, end] of [
      ['2025', '2021'],
      ['2024-08', '2024-06'],
      ['2024-07-15', '2024-06-15'],
    ]) {
      const result = await parse('topics', { ...data, period: { start, end } });
      expect(
        result.error?.issues.map((i) => [i.path.join('.'), i.message]),
        `${start}–${end}`,
      ).toEqual([['period.end', 'ngày kết thúc ("end") trước ngày bắt đầu ("start")']]);
    }
    const result = await parse('topics', { ...data, period: { start: '2024-06', end: '2024-06-30' } });
    expect(result.success, 'a day inside the month it starts in is not before it').toBe(true);
  });
});

describe('settings', () => {
  const settings = () => (yaml.load(readFileSync(join(contentDir, 'settings.yaml'), 'utf8')) as { site: Data }).site;

  it('accepts the real settings and names a missing province', async () => {
    expect((await settingsSchema.safeParseAsync(settings())).error?.issues ?? []).toEqual([]);
    const { province: _, ...rest } = settings();
    const result = await settingsSchema.safeParseAsync(rest);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['province']);
  });
});

describe('across entries, after the schemas (src/lib/validate.ts)', () => {
  const qaFile = (c: Collections) => c['qa']![0]!.filePath!;

  it('the real content is consistent', async () => {
    expect(validateSite(await site(), files)).toEqual([]);
  });

  it.each([
    ['topic', 'topics', 'chu-de-khong-co'],
    ['lang', 'languages', 'xyz'],
    ['audio', 'audio', 'ban-ghi-khong-co'],
  ])('a Q&A whose "%s" names nothing fails naming the file, the field and the id', async (field, folder, id) => {
    const broken = await site((entries, c) => {
      if (c === 'qa') entries[0]!.data[field] = id;
    });
    expect(validateSite(broken, files)).toEqual([
      `${qaFile(broken)}: trường "${field}" trỏ tới "${id}", nhưng không có mục nào tên "${id}" trong content/${folder}/.`,
    ]);
  });

  it('a document missing from a list of sources is named with its position', async () => {
    const broken = await site((entries, c) => {
      if (c === 'qa') entries[0]!.data['sources'] = [...(entries[0]!.data['sources'] as string[]), 'qd-khong-co'];
    });
    const errors = validateSite(broken, files);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^content\/qa\/.+\.md: trường "sources\[\d+\]" trỏ tới "qd-khong-co"/);
  });

  it('a topic citing an unknown document fails', async () => {
    const broken = await site((entries, c) => {
      if (c === 'topics') entries[0]!.data['legalBasis'] = ['qd-khong-co'];
    });
    expect(validateSite(broken, files)).toEqual([
      `${broken['topics']![0]!.filePath}: trường "legalBasis[0]" trỏ tới "qd-khong-co", nhưng không có mục nào tên "qd-khong-co" trong content/documents/.`,
    ]);
  });

  it('two Q&A of one topic and language with one `order` fail, naming both files', async () => {
    let pair: string[] = [];
    const broken = await site((entries, c) => {
      if (c !== 'qa') return;
      const [a, b] = entries.filter(
        (e) => e.data['topic'] === entries[0]!.data['topic'] && (e.data['lang'] ?? 'vi') === 'vi',
      );
      b!.data['order'] = a!.data['order'];
      pair = [a!.filePath, b!.filePath];
    });
    const errors = validateSite(broken, files);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(
      `trường "order" = ${String(broken['qa']!.find((e) => e.filePath === pair[0])!.data['order'])}`,
    );
    for (const file of pair) expect(errors[0]).toContain(file);
  });

  it('a recording whose file is missing fails naming the file', async () => {
    const broken = await site((entries, c) => {
      if (c === 'audio') entries[0]!.data['file'] = 'files/khong-co.mp3';
    });
    expect(validateSite(broken, files)).toEqual([
      `${broken['audio']![0]!.filePath}: trường "file": không tìm thấy tệp ghi âm "files/khong-co.mp3" (đường dẫn tính từ content/audio/).`,
    ]);
  });
});
