/** Images through sharp, on the fixture site (src/tests/helpers/fixture-site.ts): an explainer's illustration is
 * served as AVIF and WebP with a fallback, at phone widths, with explicit dimensions and lazy loading; a heavy one is a
 * build warning naming it. */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE, fixtureSite, type FixtureSite } from './helpers/fixture-site';

let site: FixtureSite;
beforeAll(async () => {
  site = await fixtureSite();
});

const [heavy, heavyAlt] = FIXTURE.heavyImage;
const [light, lightAlt] = FIXTURE.lightImage;
const stem = (file: string) => file.replace(/\.jpg$/, '');

describe('content images', () => {
  it('build, with a warning naming only the image too heavy for phones', () => {
    expect(site.output).toMatch(
      new RegExp(`Ảnh quá nặng cho điện thoại: _astro/${stem(heavy)}\\.[^ ]+ \\((360|720) px`),
    );
    expect(site.output).not.toMatch(new RegExp(`Ảnh quá nặng cho điện thoại: _astro/${stem(light)}\\.`));
  });

  it('are served as AVIF and WebP with a JPEG fallback, sized and lazy', async () => {
    const pages = await readdir(join(site.dist, 'chinh-sach'), { recursive: true });
    const html = (
      await Promise.all(
        pages.filter((p) => p.endsWith('index.html')).map((p) => readFile(join(site.dist, 'chinh-sach', p), 'utf8')),
      )
    ).filter((h) => h.includes(lightAlt) || h.includes(heavyAlt));
    expect(html).toHaveLength(2);
    const picture = /<picture>[\s\S]*?<\/picture>/.exec(html.find((h) => h.includes(lightAlt))!)![0];
    expect(picture).toMatch(/<source[^>]+type="image\/avif"/);
    expect(picture).toMatch(/<source[^>]+type="image\/webp"/);
    expect(picture).toMatch(/srcset="[^"]*360w[^"]*720w[^"]*1080w/);
    const img = /<img[^>]+>/.exec(picture)![0];
    expect(img).toMatch(new RegExp(`src="/_astro/${stem(light)}\\.[^"]+\\.jpg"`));
    expect(img).toMatch(/width="\d+"/);
    expect(img).toMatch(/height="\d+"/);
    expect(img).toContain('loading="lazy"');
    expect(img).toContain(`alt="${lightAlt}"`);
  });
});
