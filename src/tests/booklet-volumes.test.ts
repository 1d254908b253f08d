/** Booklets split into volumes of BOOKLET_VOLUME_SIZE Q&A, each its own page and PDF, on the fixture site's generated
 * topic (enough Q&A for two volumes): numbering runs on across volumes, the build prints a PDF of every volume, the
 * topic page and /in/ offer each with its real page count and size, and every QR code still points at its Q&A. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE, fixtureSite } from './helpers/fixture-site';
import { TEST_SITE_URL } from './helpers/paths';
import { pdfPages } from './print-helpers';
import { formatBytes } from '../lib/format';
import { BOOKLET_VOLUME_SIZE } from '../lib/pagination';
import { printUrls, urls } from '../lib/urls';

const topic = FIXTURE.manyTopic;
const volumes = Math.ceil(FIXTURE.manyCount / BOOKLET_VOLUME_SIZE);
let dist: string;
beforeAll(async () => {
  dist = (await fixtureSite()).dist;
});

const read = (path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8');
/** The printed Q&A of a volume page: id, number, QR target and the address printed beside it. */
function printed(html: string) {
  return html
    .split('<li class="booklet-qa"')
    .slice(1)
    .map((item) => ({
      id: /data-qa="([^"]+)"/.exec(item)?.[1] ?? '',
      number: Number(/<h2[^>]*>Câu (\d+)\./.exec(item)?.[1]),
      target: /data-qr="([^"]+)"/.exec(item)?.[1] ?? '',
    }));
}
/** The page count and size a page states beside a link to `pdf`. */
function offered(html: string, pdf: string) {
  const link = new RegExp(`<a [^>]*href="${pdf}"[^>]*>([^<]+)</a>`).exec(html)?.[1];
  const m = /(\d+) trang · (.+)$/.exec(link?.trim() ?? '');
  return m ? { pages: Number(m[1]), size: m[2] } : undefined;
}

describe(`the booklet of a topic with ${FIXTURE.manyCount} Q&A`, () => {
  it(`comes in ${volumes} volumes of at most ${BOOKLET_VOLUME_SIZE}, numbered on from one volume to the next`, () => {
    expect(volumes).toBeGreaterThanOrEqual(2);
    const all = [];
    for (let v = 1; v <= volumes; v++) {
      const items = printed(read(printUrls.booklet(topic, v)));
      expect(items.length, `volume ${v}`).toBe(
        Math.min(BOOKLET_VOLUME_SIZE, FIXTURE.manyCount - (v - 1) * BOOKLET_VOLUME_SIZE),
      );
      all.push(...items);
    }
    expect(all.map((q) => q.number)).toEqual(Array.from({ length: FIXTURE.manyCount }, (_, i) => i + 1));
    expect(new Set(all.map((q) => q.id)).size).toBe(FIXTURE.manyCount);
    expect(existsSync(join(dist, printUrls.booklet(topic, volumes + 1), 'index.html'))).toBe(false);
  });

  it('prints every QR code to its own Q&A, whatever volume it falls in', () => {
    for (let v = 1; v <= volumes; v++) {
      for (const q of printed(read(printUrls.booklet(topic, v)))) {
        expect(q.target, q.id).toBe(new URL(urls.qa(q.id), TEST_SITE_URL).href);
      }
    }
  });

  it('has a PDF of every volume, offered on the volume, the topic page and /in/ with its page count and size', async () => {
    const pages = [read(urls.topic(topic)), read(urls.print())];
    for (let v = 1; v <= volumes; v++) {
      const pdf = printUrls.bookletPdf(topic, v);
      const html = read(printUrls.booklet(topic, v));
      expect(html).toContain(`<link rel="alternate" type="application/pdf" href="${pdf}">`);
      const file = join(dist, pdf);
      expect(existsSync(file), `${pdf} printed`).toBe(true);
      const facts = { pages: (await pdfPages(file)).length, size: formatBytes(statSync(file).size) };
      expect(facts.pages).toBeGreaterThan(1);
      for (const page of [html, ...pages]) expect(offered(page, pdf), pdf).toEqual(facts);
      // Every volume links the others.
      for (let w = 1; w <= volumes; w++) expect(html).toContain(`href="${printUrls.booklet(topic, w)}"`);
    }
  });
});
