/** The fixture site: the real content plus test-only entries (never published), built once per test run for every
 * test that needs content the real site lacks. One build instead of one per test file:
 * - Khmer Q&A with real Khmer sentences (src/tests/fixtures/khmer/) and two Vietnamese pages made to test accent
 *   ranking ("Hải Dương" and "đường"): search, and minority-language marking;
 * - a Khmer recording far too loud for broadcast (a tone, with the Khmer survey fixture as transcript): the loudness
 *   warning, and a minority-language recording page;
 * - two explainer illustrations, one too heavy for phones: images through sharp and the weight warning;
 * - a topic with nothing to print yet, and no slogan in any topic: empty booklet, leaflet and slogans pages;
 * - a topic with more Vietnamese Q&A than a list shows, each checked on another day: the 30-question cap of the Q&A
 *   index and language pages, topic pages split over three pages, a booklet in two volumes, and sitemap dates;
 * - the survey topic's Vietnamese Q&A in reverse order: printed QR codes do not depend on `order`.
 * Entries are cloned from real ones and changed only where a test needs it, so they follow the schemas as they
 * evolve. Built with the test SITE_URL, like the real test build, so the two can be compared. */
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import yaml from 'js-yaml';
import sharp from 'sharp';
import { toneMp3 } from '../../../scripts/lib/audio-fixtures';
import { TOPIC_PAGE_SIZE } from '../../lib/pagination';
import { cacheDir } from '../../lib/paths';
import { build, withLock } from './build';
import { root, siteDist, TEST_SITE_URL } from './paths';

export interface FixtureSite {
  /** The built site. */
  dist: string;
  /** The content folder it was built from. */
  content: string;
  /** What the build printed (warnings included). */
  output: string;
}

/** What the fixture adds, for the tests that look for it. */
export const FIXTURE = {
  /** A topic with no Q&A, key message or slogan. */
  emptyTopic: 'chu-de-thu-in',
  /** A topic with `manyCount` Vietnamese Q&A: more than the Q&A index and language pages list (30), three topic
   * pages (TOPIC_PAGE_SIZE 30 a page) and two booklet volumes (BOOKLET_VOLUME_SIZE 60 a volume). Generated, and
   * just past those limits so the fixture stays quick to build. */
  manyTopic: 'chu-de-thu-nhieu-cau-hoi',
  manyCount: 2 * TOPIC_PAGE_SIZE + 5,
  /** The topic whose Vietnamese Q&A are in reverse order. */
  reorderedTopic: 'dieu-tra-53-dan-toc',
  /** A Khmer recording about 20 LU louder than broadcast level, true peak above 0 dBTP. */
  loudRecording: 'thu-qua-to',
  /** Explainer illustrations: one heavy (noise), one light (gradient), as `[file name, alt]`. */
  heavyImage: ['nhieu-chi-tiet.jpg', 'Ảnh thử nhiều chi tiết'],
  lightImage: ['nhe.jpg', 'Ảnh thử nhẹ'],
  /** The Vietnamese accent pair, by page path. */
  haiDuong: '/hoi-dap/phong-chong-dich-benh-gia-suc/kiem-thu-hai-duong/',
  duong: '/hoi-dap/phong-chong-dich-benh-gia-suc/kiem-thu-duong-lang/',
} as const;

/** Beside the real test build (LOA_BAN_TEST_SITE moves both); the content copy stays inside the project, where the
 * MDX modules compiled from it resolve Astro's runtime. */
const dist = `${siteDist}-fixture`;
const content = resolve(cacheDir, `${basename(siteDist)}-fixture-content`);
const marker = `${dist}.run`;
const log = `${dist}.log`;

/** The fixture site of this test run, built by the first test file that asks (the others wait for it).
 * LOA_BAN_REUSE_BUILD=1 reuses an earlier one while iterating. */
export function fixtureSite(): Promise<FixtureSite> {
  return withLock(`${dist}.lock`, async () => {
    const run = process.env['LOA_BAN_TEST_RUN'] ?? 'manual';
    const fresh = existsSync(marker) && readFileSync(marker, 'utf8') === run;
    const reuse = process.env['LOA_BAN_REUSE_BUILD'] === '1' && existsSync(marker);
    if (!fresh && !reuse) {
      await Promise.all([dist, `${dist}-cache`, content, marker].map((p) => rm(p, { recursive: true, force: true })));
      await makeContent(content);
      const result = await build({ outDir: dist, contentDir: content, env: { SITE_URL: TEST_SITE_URL } });
      await writeFile(log, result.output);
      if (result.code !== 0) throw new Error(`the fixture site did not build:\n${result.output.slice(-4000)}`);
      await writeFile(marker, run);
    }
    return { dist, content, output: readFileSync(log, 'utf8') };
  });
}

/** Splits a Markdown entry into its front matter (as data, dates left as written) and its body. */
export function parseEntry(text: string): { data: Record<string, unknown>; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!match) throw new Error('no front matter');
  // CORE_SCHEMA keeps 2024-07-01 a string, so it is written back exactly as it was.
  return { data: yaml.load(match[1]!, { schema: yaml.CORE_SCHEMA }) as Record<string, unknown>, body: match[2]! };
}

const entry = (data: Record<string, unknown>, body: string) =>
  `---\n${yaml.dump(data, { schema: yaml.CORE_SCHEMA, lineWidth: -1 })}---\n\n${body.trim()}\n`;

/** Writes a copy of `from` (relative to the content folder) to `to`, with its front matter changed. */
async function clone(
  dir: string,
  from: string,
  to: string,
  change: (data: Record<string, unknown>) => Record<string, unknown>,
  body?: string,
) {
  const source = parseEntry(await readFile(join(dir, from), 'utf8'));
  await mkdir(join(dir, to, '..'), { recursive: true });
  await writeFile(join(dir, to), entry(change({ ...source.data }), body ?? source.body));
}

/** Rewrites an entry's front matter in place. */
async function edit(dir: string, file: string, change: (data: Record<string, unknown>) => void) {
  const source = parseEntry(await readFile(join(dir, file), 'utf8'));
  change(source.data);
  await writeFile(join(dir, file), entry(source.data, source.body));
}

const mdIn = (dir: string) =>
  readdirSync(dir)
    .filter((f) => /^[^_].*\.mdx?$/.test(f))
    .sort();

async function makeContent(dir: string) {
  await cp(resolve(root, 'content'), dir, { recursive: true });

  // Khmer Q&A, one folder per topic.
  const khmer = resolve(root, 'src/tests/fixtures/khmer');
  for (const topic of readdirSync(khmer, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    await cp(join(khmer, topic.name), join(dir, 'qa', topic.name), { recursive: true });
  }

  // Two Vietnamese pages whose words fold to the same letters: "Hải Dương" and "đường".
  const livestock = 'qa/phong-chong-dich-benh-gia-suc';
  const model = `${livestock}/${mdIn(join(dir, livestock))[0]}`;
  for (const [slug, question, body, order] of [
    ['kiem-thu-hai-duong', 'Câu hỏi kiểm thử về Hải Dương', 'Trang kiểm thử nói về Hải Dương và gia cầm.', 9901],
    ['kiem-thu-duong-lang', 'Câu hỏi kiểm thử về đường làng', 'Trang kiểm thử nói về đường làng và gia cầm.', 9902],
  ] as const) {
    // Without the model's corrections: their figures are not in this text.
    await clone(
      dir,
      model,
      `${livestock}/${slug}.md`,
      ({ corrections: _, ...d }) => ({ ...d, question, lang: 'vi', order }),
      body,
    );
  }

  // Explainer illustrations: random noise compresses badly (a detailed photo too heavy for phones), only 720 px wide
  // because AVIF-encoding noise is slow (17 s at 1080 px); a smooth gradient is light, at every width.
  const noise = await sharp(randomBytes(720 * 450 * 3), { raw: { width: 720, height: 450, channels: 3 } })
    .jpeg({ quality: 95 })
    .toBuffer();
  const gradient = await sharp(
    Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1000"><defs><linearGradient id="g"><stop offset="0" stop-color="#8a1f11"/><stop offset="1" stop-color="#f3f2f1"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/></svg>',
    ),
  )
    .jpeg()
    .toBuffer();
  await mkdir(join(dir, 'explainers/anh'));
  const [first, second] = mdIn(join(dir, 'explainers'));
  for (const [file, [image, alt], bytes] of [
    [first!, FIXTURE.heavyImage, noise],
    [second!, FIXTURE.lightImage, gradient],
  ] as const) {
    await writeFile(join(dir, 'explainers/anh', image), bytes);
    await edit(dir, `explainers/${file}`, (d) => (d['image'] = { src: `./anh/${image}`, alt }));
  }

  // No slogans anywhere, and a topic with nothing to print; another with many Q&A.
  const topics = mdIn(join(dir, 'topics'));
  for (const file of topics) await edit(dir, `topics/${file}`, (d) => (d['slogans'] = []));
  const bare = { hotlines: [], slogans: [], keyMessages: [] };
  await clone(
    dir,
    `topics/${topics[0]}`,
    `topics/${FIXTURE.emptyTopic}.md`,
    (d) => ({
      ...d,
      ...bare,
      title: 'Chủ đề thử in',
      shortTitle: 'Thử in',
      summary: 'Chủ đề chưa có nội dung.',
      order: 999,
    }),
    '',
  );
  await clone(
    dir,
    `topics/${topics[0]}`,
    `topics/${FIXTURE.manyTopic}.md`,
    (d) => ({ ...d, ...bare, title: 'Chủ đề thử nhiều câu hỏi', shortTitle: 'Thử nhiều câu hỏi', order: 998 }),
    '',
  );
  const qaModel = `qa/${FIXTURE.reorderedTopic}/${mdIn(join(dir, 'qa', FIXTURE.reorderedTopic))[0]}`;
  // Named by letters, not numbers: a number on a page must be among its sources' figures (the citation check).
  const letters = (n: number) => String.fromCharCode(96 + Math.ceil(n / 26), 96 + (((n - 1) % 26) + 1));
  for (let n = 1; n <= FIXTURE.manyCount; n++) {
    await clone(
      dir,
      qaModel,
      `qa/${FIXTURE.manyTopic}/cau-hoi-${String(n).padStart(2, '0')}.md`,
      ({ corrections: _, ...d }) => ({
        ...d,
        question: `Câu hỏi thử ${letters(n)} của danh sách dài?`,
        topic: FIXTURE.manyTopic,
        lang: 'vi',
        order: n,
        // Each its own day (the real content was all checked on one day): sitemap dates must follow each entry.
        updated: new Date(Date.UTC(2024, 0, n)).toISOString().slice(0, 10),
      }),
      `Câu trả lời thử ${letters(n)}.`,
    );
  }

  // The survey topic's Vietnamese Q&A in reverse order: the first becomes the last.
  const survey = join(dir, 'qa', FIXTURE.reorderedTopic);
  const vietnamese = [];
  for (const file of mdIn(survey)) {
    const { data } = parseEntry(await readFile(join(survey, file), 'utf8'));
    if ((data['lang'] ?? 'vi') === 'vi') vietnamese.push({ file, order: Number(data['order']) });
  }
  const orders = vietnamese.map((q) => q.order).sort((a, b) => a - b);
  for (const q of vietnamese) {
    const mirrored = orders[orders.length - 1 - orders.indexOf(q.order)]!;
    await edit(dir, `qa/${FIXTURE.reorderedTopic}/${q.file}`, (d) => (d['order'] = mirrored));
  }

  // A recording in Khmer reading the Khmer survey fixture (its title and transcript, so it cites that Q&A's documents
  // and corrections), a tone driven 6 dB past full
  // scale (clipped, square-ish): about 0 LUFS, true peak above 0 dBTP.
  const khmerSurvey = parseEntry(
    await readFile(join(khmer, 'dieu-tra-53-dan-toc/khmer-thoi-gian-dieu-tra.md'), 'utf8'),
  );
  await writeFile(
    join(dir, 'audio/files', `${FIXTURE.loudRecording}.mp3`),
    toneMp3({ seconds: 3, level: 6, frequency: 1000 }),
  );
  await clone(
    dir,
    `audio/${mdIn(join(dir, 'audio'))[0]}`,
    `audio/${FIXTURE.loudRecording}.md`,
    (d) => ({
      ...d,
      title: khmerSurvey.data['question'],
      lang: 'km',
      topic: khmerSurvey.data['topic'],
      qa: ['dieu-tra-53-dan-toc/khmer-thoi-gian-dieu-tra'],
      order: 990,
      file: `files/${FIXTURE.loudRecording}.mp3`,
    }),
    khmerSurvey.body,
  );
}
