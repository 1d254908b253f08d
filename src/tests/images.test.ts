/** Images through sharp: an explainer's illustration is served as AVIF and WebP with a fallback, at phone widths,
 * with explicit dimensions and lazy loading; a heavy one is a build warning naming it.
 * The same build stands for a build machine without Chromium (CHROME_PATH points nowhere): it still succeeds, warns
 * once, and no page links a PDF, since none was printed. One build for both keeps the suite short. */
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, copyContent, scratchOut, type BuildResult } from './helpers/build';
import { builtFiles } from './helpers/site-pages';
import strings from '../i18n/vi.json';

let content: string;
let result: BuildResult;
const outDir = scratchOut('images');

/** Random noise compresses badly: a realistic stand-in for a detailed photo that is too heavy for phones. */
const noise = (width: number, height: number) => {
  const pixels = randomBytes(width * height * 3);
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 95 })
    .toBuffer();
};
/** A smooth gradient: a light, phone-friendly image. */
const gradient = (width: number, height: number) =>
  sharp(
    Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="g"><stop offset="0" stop-color="#8a1f11"/><stop offset="1" stop-color="#f3f2f1"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/></svg>`,
    ),
  )
    .jpeg()
    .toBuffer();

async function illustrate(file: string, image: string, alt: string) {
  const path = join(content, 'explainers', file);
  const text = await readFile(path, 'utf8');
  await writeFile(
    path,
    text.replace(/^updated: .*$/m, (line) => `${line}\nimage:\n  src: ./anh/${image}\n  alt: "${alt}"`),
  );
}

beforeAll(async () => {
  content = await copyContent();
  await mkdir(join(content, 'explainers/anh'));
  await writeFile(join(content, 'explainers/anh/nhieu-chi-tiet.jpg'), await noise(1600, 1000));
  await writeFile(join(content, 'explainers/anh/nhe.jpg'), await gradient(1600, 1000));
  const [first, second] = (await readdir(join(content, 'explainers'))).filter((f) => f.endsWith('.mdx')).sort();
  await illustrate(first!, 'nhieu-chi-tiet.jpg', 'Ảnh thử nhiều chi tiết');
  await illustrate(second!, 'nhe.jpg', 'Ảnh thử nhẹ');
  result = await build({ contentDir: content, outDir, env: { CHROME_PATH: join(outDir, 'no-chromium-here') } });
});
afterAll(async () => {
  await rm(content, { recursive: true, force: true });
  await rm(outDir, { recursive: true, force: true });
  await rm(`${outDir}-cache`, { recursive: true, force: true });
});

describe('content images', () => {
  it('build, with a warning naming only the image too heavy for phones', () => {
    expect(result.code, result.output.slice(-2000)).toBe(0);
    expect(result.output).toMatch(/Ảnh quá nặng cho điện thoại: _astro\/nhieu-chi-tiet\.[^ ]+ \((360|720) px/);
    expect(result.output).not.toMatch(/Ảnh quá nặng cho điện thoại: _astro\/nhe\./);
  });

  it('are served as AVIF and WebP with a JPEG fallback, sized and lazy', async () => {
    const pages = await readdir(join(outDir, 'chinh-sach'), { recursive: true });
    const html = (
      await Promise.all(
        pages.filter((p) => p.endsWith('index.html')).map((p) => readFile(join(outDir, 'chinh-sach', p), 'utf8')),
      )
    ).find((h) => h.includes('Ảnh thử nhẹ'))!;
    const picture = /<picture>[\s\S]*?<\/picture>/.exec(html)![0];
    expect(picture).toMatch(/<source[^>]+type="image\/avif"/);
    expect(picture).toMatch(/<source[^>]+type="image\/webp"/);
    expect(picture).toMatch(/srcset="[^"]*360w[^"]*720w[^"]*1080w/);
    const img = /<img[^>]+>/.exec(picture)![0];
    expect(img).toMatch(/src="\/_astro\/nhe\.[^"]+\.jpg"/);
    expect(img).toMatch(/width="\d+"/);
    expect(img).toMatch(/height="\d+"/);
    expect(img).toContain('loading="lazy"');
    expect(img).toContain('alt="Ảnh thử nhẹ"');
  });
});

describe('a build machine without Chromium', () => {
  it('builds the site, and warns once that no PDF was printed', () => {
    expect(result.code, result.output.slice(-2000)).toBe(0);
    expect(result.output.match(/Không in được tệp PDF/g)).toHaveLength(1);
    expect(result.output).toContain('no-chromium-here');
    expect(existsSync(join(outDir, 'in', 'index.html'))).toBe(true);
  });

  it('links no PDF from any page, and states the estimated page count instead', async () => {
    const files = builtFiles(outDir);
    expect(files.filter((f) => f.endsWith('.pdf'))).toEqual([]);
    const pages = files.filter((f) => f.endsWith('.html'));
    for (const page of pages) {
      const html = await readFile(join(outDir, page), 'utf8');
      expect(html, page).not.toMatch(/\.pdf"|application\/pdf|<!--\/?pdf|\{pages\}|\{size\}/);
    }
    const booklet = pages.find((p) => /^in\/[^/]+\/index\.html$/.test(p) && !p.includes('khau-hieu'))!;
    const note = /<p class="print-note"[^>]*>([^<]*)</.exec(await readFile(join(outDir, booklet), 'utf8'))?.[1];
    expect(note).toContain(strings['print.pages'].split('{n}')[0]!);
  });
});
