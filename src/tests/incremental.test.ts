/** Astro's incremental build (astro.config.mjs; keys in src/lib/page-key.ts) against a full build. The fixture
 * content is changed the ways an editor changes it (an answer rewritten, a question renamed, a question added), built
 * once, then put back and built again on the first build's caches: the second build must equal the fixture site,
 * built in full from that content, file for file, while copying most pages instead of rendering them. A key that
 * misses something a page shows leaves that page as the first build made it, and the comparison names it. The second
 * build is a plain `astro build` (the after-build steps in Astro's hook) where the fixture ran `npm run build` (the
 * steps in a process of their own): the two ways must make the same site. */
import { readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtFiles } from '../lib/built-files';
import { cacheDir } from '../lib/paths';
import { build, scratchOut, type BuildResult } from './helpers/build';
import { FIXTURE, fixtureSite } from './helpers/fixture-site';
import { TEST_SITE_URL } from './helpers/paths';

const topic = FIXTURE.manyTopic;
const qaFile = (n: number) => `qa/${topic}/cau-hoi-${String(n).padStart(2, '0')}.md`;
/** The editor's changes, made before the first build and undone before the second. */
const rewritten = qaFile(10); // an answer: its page and its booklet volume change
const renamed = qaFile(40); // a question: the pages listing it after theirs, its list page, its volume
/** A new question, in another topic so that the count it changes does not hide what the two changes above need. */
const added = 'qa/chuong-trinh-1719/cau-hoi-them-thu.md';
const addedFrom = 'qa/chuong-trinh-1719/kinh-phi.md';

let fixture: { dist: string; content: string };
let content: string;
let out: string;
let first: BuildResult;
let second: BuildResult;

beforeAll(async () => {
  fixture = await fixtureSite();
  const base = resolve(cacheDir, 'content');
  await mkdir(base, { recursive: true });
  content = await mkdtemp(join(base, 'incremental-'));
  await cp(fixture.content, content, { recursive: true });
  out = scratchOut('incremental');
  const originals = new Map<string, string>();
  for (const file of [rewritten, renamed]) originals.set(file, await readFile(join(content, file), 'utf8'));
  await writeFile(
    join(content, rewritten),
    `${originals.get(rewritten)}\nĐoạn này biên tập viên đã viết lại cho dễ hiểu hơn.\n`,
  );
  await writeFile(
    join(content, renamed),
    originals.get(renamed)!.replace(/^question: .*$/m, 'question: "Câu hỏi này đã được đặt tên khác?"'),
  );
  await writeFile(
    join(content, added),
    (await readFile(join(content, addedFrom), 'utf8'))
      .replace(/^question: .*$/m, 'question: "Câu hỏi mới thêm vào cuối chủ đề?"')
      .replace(/^order: .*$/m, 'order: 999'),
  );
  // The fixture site's environment (fixture-site.ts), so the second build may equal it byte for byte.
  const env = { SITE_URL: TEST_SITE_URL };
  first = await build({ outDir: out, contentDir: content, env });
  for (const [file, text] of originals) await writeFile(join(content, file), text);
  await rm(join(content, added));
  second = await build({ outDir: out, contentDir: content, env, plainAstro: true });
});

afterAll(async () => {
  await Promise.all([content, out, `${out}-cache`].map((p) => p && rm(p, { recursive: true, force: true })));
});

describe('a second build on the caches of the first', () => {
  it('builds, both times', () => {
    expect(first.code, first.output.slice(-3000)).toBe(0);
    expect(second.code, second.output.slice(-3000)).toBe(0);
  });

  it('copies the pages whose data did not change instead of rendering them', async () => {
    const copied = second.output.match(/\((?:restored|cached)\)/g)?.length ?? 0;
    const rendered = second.output.match(/ \(\+[\d.]+m?s\)/g)?.length ?? 0;
    // Every Q&A page of the site is keyed; outside the two changed topics none changed.
    const qaPages = await builtFiles(join(fixture.dist, 'hoi-dap'), /index\.html$/);
    const changed = await builtFiles(join(fixture.dist, 'hoi-dap/chuong-trinh-1719'), /index\.html$/);
    expect(copied).toBeGreaterThanOrEqual(qaPages.length - FIXTURE.manyCount - changed.length);
    expect(rendered).toBeGreaterThan(0);
  });

  it('gives the same site as a full build of the same content, file for file', async () => {
    const ours = (await builtFiles(out, /./)).map((f) => f.slice(out.length));
    const full = (await builtFiles(fixture.dist, /./)).map((f) => f.slice(fixture.dist.length));
    expect(ours.sort()).toEqual(full.sort());
    const differ = ours.filter((f) => !readFileSync(join(out, f)).equals(readFileSync(join(fixture.dist, f))));
    expect(differ).toEqual([]);
  });
});
