/** Every content mistake an editor can make fails `astro build` with a message naming the file and the field. */
import { readdirSync } from 'node:fs';
import { appendFile, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { editorMessages } from '../lib/build-report';
import { build, copyContent, scratchOut } from './helpers/build';

const made: string[] = [];
afterAll(() => Promise.all(made.map((d) => rm(d, { recursive: true, force: true }))));

/** Copies the real content, lets `breakIt` damage it, builds, and returns the build. */
async function buildBroken(breakIt: (dir: string) => Promise<void>) {
  const dir = await copyContent();
  made.push(dir);
  await breakIt(dir);
  const outDir = scratchOut('broken');
  made.push(outDir, `${outDir}-cache`);
  return build({ contentDir: dir, outDir });
}

/** The survey topic's first Q&A file, relative to content/. */
const firstQa = () => {
  const folder = 'qa/dieu-tra-53-dan-toc';
  const file = readdirSync(join('content', folder))
    .filter((f) => f.endsWith('.md'))
    .sort()[0]!;
  return `${folder}/${file}`;
};

async function edit(dir: string, file: string, change: (text: string) => string) {
  const path = join(dir, file);
  const before = await readFile(path, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`test edit changed nothing in ${file}`);
  await writeFile(path, after);
}

describe.concurrent('content mistakes fail the build', () => {
  it('a missing field', async () => {
    const file = firstQa();
    const r = await buildBroken((d) => edit(d, file, (t) => t.replace(/^question:.*\n/m, '')));
    expect(r.code).not.toBe(0);
    // In Vietnamese, naming the file as editors know it and the field; none of zod's or Astro's English.
    expect(r.output).toContain(`content/${file}: phần đầu tệp chưa đúng:`);
    expect(r.output).toContain('trường "question": thiếu trường này (bắt buộc)');
    expect(r.output).not.toMatch(/Required|does not match collection schema/);
    // What CI shows the editor (scripts/report-build.ts) from this very log.
    expect(editorMessages(r.output)).toEqual(
      expect.arrayContaining([
        `content/${file}: phần đầu tệp chưa đúng:`,
        '  - trường "question": thiếu trường này (bắt buộc)',
      ]),
    );
  });

  it('a misspelled field', async () => {
    const file = firstQa();
    const r = await buildBroken((d) => edit(d, file, (t) => t.replace(/^updated:/m, 'updatd:')));
    expect(r.code).not.toBe(0);
    expect(r.output).toContain(file);
    expect(r.output).toContain('không có trường nào tên "updatd"');
    expect(r.output).not.toMatch(/Unrecognized key/);
  });

  it('an unknown topic', async () => {
    const file = firstQa();
    const r = await buildBroken((d) => edit(d, file, (t) => t.replace(/^topic: .*$/m, 'topic: dieu-tra-53-dantoc')));
    expect(r.code).not.toBe(0);
    expect(r.output).toContain(`content/qa/dieu-tra-53-dan-toc/`);
    expect(r.output).toContain('trường "topic" trỏ tới "dieu-tra-53-dantoc"');
  });

  it('an unknown document in sources', async () => {
    const file = firstQa();
    const r = await buildBroken((d) =>
      edit(d, file, (t) => t.replace(/^sources:\s*\n/m, 'sources:\n  - qd-khong-co\n')),
    );
    expect(r.code).not.toBe(0);
    expect(r.output).toMatch(/trường "sources\[0\]" trỏ tới "qd-khong-co"/);
  });

  it('an unknown language and an unknown recording', async () => {
    const file = firstQa();
    const r = await buildBroken((d) =>
      edit(d, file, (t) =>
        t.replace(/^lang: .*$/m, 'lang: xyz').replace(/^topic:/m, 'audio: ban-ghi-khong-co\ntopic:'),
      ),
    );
    expect(r.code).not.toBe(0);
    expect(r.output).toContain('trường "lang" trỏ tới "xyz"');
    expect(r.output).toContain('trường "audio" trỏ tới "ban-ghi-khong-co"');
  });

  it('a duplicate id', async () => {
    const file = firstQa();
    const r = await buildBroken(async (d) =>
      writeFile(join(d, file.replace(/\.md$/, '.mdx')), await readFile(join(d, file))),
    );
    expect(r.code).not.toBe(0);
    expect(r.output).toMatch(/Duplicate|trùng/i);
    expect(r.output).toContain(file.replace(/^qa\//, '').replace(/\.md$/, ''));
  });

  it('a duplicate order within a topic', async () => {
    const file = firstQa();
    const r = await buildBroken((d) => edit(d, file, (t) => t.replace(/^order: .*$/m, 'order: 2')));
    expect(r.code).not.toBe(0);
    expect(r.output).toMatch(/trường "order" = 2 trùng với content\/qa\/dieu-tra-53-dan-toc\//);
  });

  it('an end date before the start date', async () => {
    const file = 'topics/dieu-tra-53-dan-toc.md';
    const r = await buildBroken((d) => edit(d, file, (t) => t.replace(/^(\s+)end: "2024-08"/m, '$1end: "2023-08"')));
    expect(r.code).not.toBe(0);
    expect(r.output).toContain(file);
    expect(r.output).toContain('ngày kết thúc ("end") trước ngày bắt đầu ("start")');
  });

  it.each([
    [
      'a document without its issuer',
      'documents/qd-628-tctk-2023.yaml',
      (t: string) => t.replace(/^issuer:.*\n/m, ''),
      'issuer',
    ],
    [
      'a language with an unknown script',
      'languages/km.yaml',
      (t: string) => t.replace(/^script: .*$/m, 'script: Khmer'),
      'script',
    ],
    ['settings without a province', 'settings.yaml', (t: string) => t.replace(/^ {2}province:.*\n/m, ''), 'province'],
  ])('%s', async (_, file, change, field) => {
    const r = await buildBroken((d) => edit(d, file, change));
    expect(r.code).not.toBe(0);
    expect(r.output).toContain(file.replace(/^.*\//, ''));
    expect(r.output).toContain(`trường "${field}": `);
  });

  it('an explainer without its summary', async () => {
    const explainer = readdirSync(join('content', 'explainers'))
      .filter((f) => f.endsWith('.mdx'))
      .sort()[0]!;
    const r = await buildBroken((d) => edit(d, `explainers/${explainer}`, (t) => t.replace(/^summary:.*\n/m, '')));
    expect(r.code).not.toBe(0);
    expect(r.output).toContain(`explainers/${explainer}`);
    expect(r.output).toContain('trường "summary": thiếu trường này (bắt buộc)');
  });

  it('a missing MP3', async () => {
    const r = await buildBroken((d) =>
      appendFile(
        join(d, 'audio', 'thu-nghiem.md'),
        '---\ntitle: Thử\nlang: vi\ntopic: dieu-tra-53-dan-toc\norder: 99\nfile: files/khong-co.mp3\nspeaker: A\nproducer: B\nrecorded: 2024-06-01\n---\nLời đọc.\n',
      ),
    );
    expect(r.code).not.toBe(0);
    expect(r.output).toContain('thu-nghiem.md');
    expect(r.output).toContain('trường "file"');
    expect(r.output).toContain('files/khong-co.mp3');
  });
});
