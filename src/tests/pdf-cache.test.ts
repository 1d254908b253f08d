/** The PDF step's cache (src/integrations/pdf.ts) on real print pages: the step is run again and again on copies of
 * one output folder, as successive builds would leave it, with one cache folder kept between them.
 *
 * The output is the real test build (global setup) with three leaflets turned back into what Astro writes before
 * the PDF step: their `<link rel="alternate" type="application/pdf">` inside a PDF block again, and their PDFs gone.
 * One leaflet also loads a stylesheet of its own (with a font print.css does not name, for the font warning), one an
 * image that does not exist yet; /in/ gets a block per leaflet stating its page count and size. Chromium is reached
 * through a wrapper that notes each start, so the test sees whether a browser was launched. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { chmod, cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegrationLogger } from 'astro';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfCacheFolder, printPdfs } from '../integrations/pdf';
import { chromePath } from '../lib/chromium';
import { formatBytes } from '../lib/format';
import { unpackEntry } from '../lib/pdf-cache';
import { PDF_BLOCK } from '../lib/pdf-links';
import { siteDist } from './helpers/paths';

let work: string;
/** The output folder as Astro writes it, copied afresh for every run. */
let pristine: string;
let cacheDir: string;
/** Each start of Chromium, one line of arguments each. */
let starts: string;
let wrapper: string;
/** The three leaflets: [page path, PDF path]. */
let leaflets: { path: string; pdf: string }[];
const [A, B, C] = [0, 1, 2];
/** The stylesheet only leaflet A loads, and the image only leaflet B loads (absent at first). */
const OWN_CSS = '/thu/to-roi-rieng.css';
const LATE_IMAGE = '/thu/anh-den-sau.svg';
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="40"/></svg>';

/** Runs so far, numbering their output folders. */
let runs = 0;

interface Run {
  out: string;
  infos: string[];
  warnings: string[];
  /** Chromium browsers launched (not `--version`). */
  launches: number;
  /** Site paths of the PDFs this run printed (their cache entries written anew). */
  printed: Set<string>;
}

async function entries(): Promise<Map<string, number>> {
  const folder = pdfCacheFolder(cacheDir);
  const names = (await readdir(folder).catch(() => [])).filter((n) => /^[0-9a-f]{64}$/.test(n));
  return new Map(await Promise.all(names.map(async (n) => [n, (await stat(join(folder, n))).ino] as const)));
}

/** Runs the PDF step on a fresh copy of the pristine output, `change` applied to it first. */
async function run(change?: (out: string) => Promise<void>, env: Record<string, string | undefined> = {}) {
  const out = join(work, `out-${++runs}`);
  await cp(pristine, out, { recursive: true });
  await change?.(out);
  const saved = Object.fromEntries(['CHROME_PATH', ...Object.keys(env)].map((k) => [k, process.env[k]]));
  const set = (values: Record<string, string | undefined>) => {
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  const before = await entries();
  const startsBefore = readFileSync(starts, 'utf8').split('\n').length;
  const infos: string[] = [];
  const warnings: string[] = [];
  const logger = {
    info: (m: string) => infos.push(m),
    warn: (m: string) => warnings.push(m),
    error: (m: string) => warnings.push(m),
    debug: () => {},
  } as unknown as AstroIntegrationLogger;
  set({ CHROME_PATH: wrapper, ...env });
  try {
    await printPdfs({ dir: pathToFileURL(`${out}/`), logger, cacheDir });
  } finally {
    set(saved);
  }
  const launches = readFileSync(starts, 'utf8')
    .split('\n')
    .slice(startsBefore - 1)
    .filter((line) => line.includes('--remote-debugging')).length;
  // A PDF was printed if its entry is new or was replaced (renamed over: a new inode); matched by its bytes.
  const written = [...(await entries())].filter(([name, ino]) => before.get(name) !== ino).map(([name]) => name);
  const printed = new Set<string>();
  for (const name of written) {
    const entry = unpackEntry(await readFile(join(pdfCacheFolder(cacheDir), name)))!;
    for (const { pdf } of leaflets) {
      const made = await readFile(join(out, pdf)).catch(() => undefined);
      if (made?.equals(Buffer.from(entry.pdf))) printed.add(pdf);
    }
  }
  return { out, infos, warnings, launches, printed } satisfies Run;
}

const read = (out: string, path: string) => readFile(join(out, path));
const html = (out: string, path: string) => readFile(join(out, path, 'index.html'), 'utf8');
/** Every HTML page of an output, by path. */
async function pages(out: string): Promise<Map<string, string>> {
  const names = (await readdir(out, { recursive: true })).filter((n) => n.endsWith('.html')).sort();
  return new Map(await Promise.all(names.map(async (n) => [n, await readFile(join(out, n), 'utf8')] as const)));
}
const line = (r: Run) => r.infos.find((m) => m.startsWith('Đã in')) ?? '';
const counts = (r: Run) => /Đã in (\d+) tệp PDF \(\d+ trang A4\), lấy lại (\d+) tệp PDF/.exec(line(r))?.slice(1, 3);
const fontWarnings = (r: Run) => r.warnings.filter((w) => w.includes('không phải phông của print.css'));

/** Edits one page of an output. */
const editPage = (path: string, edit: (html: string) => string) => async (out: string) => {
  const file = join(out, path, 'index.html');
  await writeFile(file, edit(await readFile(file, 'utf8')));
};

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'loa-ban-pdf-cache-'));
  pristine = join(work, 'pristine');
  cacheDir = join(work, 'cache');
  starts = join(work, 'chromium-starts.log');
  wrapper = join(work, 'chromium');
  await writeFile(starts, '');
  await writeFile(wrapper, `#!/bin/sh\necho "$*" >> '${starts}'\nexec '${chromePath()}' "$@"\n`);
  await chmod(wrapper, 0o755);
  // The real build without its compressed copies, which the PDF step never reads.
  await cp(siteDist, pristine, { recursive: true, filter: (src) => !/\.(br|gz)$/.test(src) });
  const found = (await readdir(join(pristine, 'in'))).filter((t) => !t.includes('.')).sort();
  leaflets = [];
  for (const topic of found) {
    const path = `/in/${topic}/to-roi/`;
    const page = await readFile(join(pristine, path, 'index.html'), 'utf8').catch(() => '');
    const pdf = /<link rel="alternate" type="application\/pdf" href="([^"]+)">/.exec(page)?.[1];
    if (pdf) leaflets.push({ path, pdf });
    if (leaflets.length === 3) break;
  }
  expect(leaflets).toHaveLength(3);
  for (const [i, { path, pdf }] of leaflets.entries()) {
    await editPage(path, (page) => {
      const link = `<link rel="alternate" type="application/pdf" href="${pdf}">`;
      let unfilled = page.replace(link, PDF_BLOCK.open(pdf) + link + PDF_BLOCK.otherwise + PDF_BLOCK.close);
      if (i === A) unfilled = unfilled.replace('</head>', `<link rel="stylesheet" href="${OWN_CSS}"></head>`);
      if (i === B) unfilled = unfilled.replace('</main>', `<img src="${LATE_IMAGE}" alt=""></main>`);
      expect(unfilled).not.toBe(page);
      return unfilled;
    })(pristine);
    await rm(join(pristine, pdf), { force: true });
  }
  await writeCss(pristine, 'h1 { font-family: "DejaVu Serif" !important; }');
  const blocks = leaflets
    .map(
      ({ pdf }) => `${PDF_BLOCK.open(pdf)}<li>${pdf}: {pages} trang, {size}${PDF_BLOCK.otherwise}<li>${pdf}: không có`,
    )
    .map((b) => b + PDF_BLOCK.close)
    .join('');
  await editPage('/in/', (page) => page.replace('</main>', `<ul id="thu-pdf">${blocks}</ul></main>`))(pristine);
});

async function writeCss(out: string, css: string) {
  await mkdir(join(out, 'thu'), { recursive: true });
  await writeFile(join(out, OWN_CSS), css);
}

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

/** What /in/ states about each leaflet. */
const stated = async (out: string) => /<ul id="thu-pdf">([\s\S]*?)<\/ul>/.exec(await html(out, '/in/'))?.[1];

describe('PDF step cache', () => {
  let first: Run;
  let second: Run;

  it('prints every PDF into an empty cache and states their real page counts and sizes', async () => {
    first = await run();
    expect(counts(first)).toEqual(['3', '0']);
    expect(first.launches).toBe(1);
    expect(first.printed).toEqual(new Set(leaflets.map((l) => l.pdf)));
    const expected = await Promise.all(
      leaflets.map(async ({ pdf }) => {
        const bytes = await read(first.out, pdf);
        const doc = await PDFDocument.load(bytes);
        return `<li>${pdf}: ${doc.getPageCount()} trang, ${formatBytes(bytes.length)}`;
      }),
    );
    expect(await stated(first.out)).toBe(expected.join(''));
    // Leaflet A is set partly in a font print.css does not name.
    expect(fontWarnings(first)).toEqual([expect.stringContaining(leaflets[A]!.pdf)]);
    // Every page's entry lists the print stylesheet they all load, not only the first page printed: no page was
    // given it from a cache without asking.
    const sheet = /<link rel="stylesheet" href="(\/_astro\/print\.[^"]+\.css)"/.exec(
      await html(first.out, leaflets[B]!.path),
    )![1]!;
    const sheetHash = createHash('sha256')
      .update(await read(first.out, sheet))
      .digest('hex');
    const listed = await Promise.all(
      [...(await entries()).keys()].map(
        async (name) => unpackEntry(await readFile(join(pdfCacheFolder(cacheDir), name)))!.served,
      ),
    );
    expect(listed).toHaveLength(3);
    for (const served of listed) expect(served).toContainEqual({ path: sheet, sha256: sheetHash });
  });

  it('reprints nothing and launches no browser when nothing changed: the same PDFs, the same pages', async () => {
    second = await run();
    expect(counts(second)).toEqual(['0', '3']);
    expect(second.launches).toBe(0);
    expect(second.printed.size).toBe(0);
    for (const { pdf } of leaflets) expect((await read(second.out, pdf)).equals(await read(first.out, pdf))).toBe(true);
    expect(await pages(second.out)).toEqual(await pages(first.out));
    // The font warning of a reused PDF is given again.
    expect(fontWarnings(second)).toEqual(fontWarnings(first));
  });

  it("reprints only the PDF of a page whose HTML changed, and drops that page's old entry", async () => {
    const changed = await run(
      editPage(leaflets[C]!.path, (page) => page.replace('</main>', '<p>Thông tin vừa được sửa.</p></main>')),
    );
    expect(counts(changed)).toEqual(['1', '2']);
    expect(changed.launches).toBe(1);
    expect(changed.printed).toEqual(new Set([leaflets[C]!.pdf]));
    expect((await read(changed.out, leaflets[C]!.pdf)).equals(await read(first.out, leaflets[C]!.pdf))).toBe(false);
    expect((await entries()).size).toBe(3);
    // Each run starts from the pristine output: the page as it was is printed again (its entry was dropped).
    const back = await run();
    expect(back.printed).toEqual(new Set([leaflets[C]!.pdf]));
  });

  it('reprints only the PDF of a page that loads a stylesheet whose bytes changed, under the same name', async () => {
    const restyled = await run((out) =>
      writeCss(out, 'h1 { font-family: "DejaVu Serif" !important; color: #555 !important; }'),
    );
    expect(counts(restyled)).toEqual(['1', '2']);
    expect(restyled.printed).toEqual(new Set([leaflets[A]!.pdf]));
    expect((await read(restyled.out, leaflets[A]!.pdf)).equals(await read(first.out, leaflets[A]!.pdf))).toBe(false);
    // And back: the entry now holds the new stylesheet's hash, so the first one is printed again.
    const back = await run();
    expect(back.printed).toEqual(new Set([leaflets[A]!.pdf]));
  });

  it('reprints the PDF of a page once a file it asked for and did not get exists', async () => {
    const appeared = await run((out) => writeFile(join(out, LATE_IMAGE), SVG));
    expect(counts(appeared)).toEqual(['1', '2']);
    expect(appeared.printed).toEqual(new Set([leaflets[B]!.pdf]));
    // Gone again: the page is printed without it.
    expect((await run()).printed).toEqual(new Set([leaflets[B]!.pdf]));
  });

  it('without Chromium, serves the PDFs of unchanged pages and leaves only the changed page without one', async () => {
    const nowhere = join(work, 'no-chromium-here');
    const offline = await run(undefined, { CHROME_PATH: nowhere });
    expect(counts(offline)).toEqual(['0', '3']);
    expect(offline.warnings.filter((w) => w.includes('Không in được'))).toEqual([]);
    expect(await pages(offline.out)).toEqual(await pages(second.out));

    const partly = await run(
      editPage(leaflets[C]!.path, (page) => page.replace('</main>', '<p>Lại sửa.</p></main>')),
      { CHROME_PATH: nowhere },
    );
    expect(counts(partly)).toEqual(['0', '2']);
    expect(partly.warnings).toContainEqual(expect.stringContaining('Không in được tệp PDF cho 1 tài liệu in'));
    const list = (await stated(partly.out))!;
    expect(list).toContain(`<li>${leaflets[C]!.pdf}: không có`);
    expect(list).toContain(`<li>${leaflets[A]!.pdf}: `);
    expect(list).not.toContain(`<li>${leaflets[A]!.pdf}: không có`);
    await expect(read(partly.out, leaflets[C]!.pdf)).rejects.toThrow();
    expect((await read(partly.out, leaflets[A]!.pdf)).equals(await read(first.out, leaflets[A]!.pdf))).toBe(true);
    expect(await html(partly.out, leaflets[C]!.path)).not.toContain('<link rel="alternate" type="application/pdf"');
    expect(await html(partly.out, leaflets[A]!.path)).toContain('<link rel="alternate" type="application/pdf"');
  });

  it('keys on SOURCE_DATE_EPOCH when it is set, and otherwise keeps the date a PDF was printed', async () => {
    const epoch = Number(process.env['SOURCE_DATE_EPOCH'] ?? 1_700_000_000);
    const other = await run(undefined, { SOURCE_DATE_EPOCH: String(epoch - 86_400) });
    expect(counts(other)).toEqual(['3', '0']);
    const unset = await run(undefined, { SOURCE_DATE_EPOCH: undefined });
    expect(counts(unset)).toEqual(['3', '0']);
    // Seconds later the build's "now" differs; the PDFs printed then are reused as they are.
    await new Promise((r) => setTimeout(r, 1100));
    const later = await run(undefined, { SOURCE_DATE_EPOCH: undefined });
    expect(counts(later)).toEqual(['0', '3']);
    for (const { pdf } of leaflets) expect((await read(later.out, pdf)).equals(await read(unset.out, pdf))).toBe(true);
  });
});
