/** Lists of questions stay light at any scale: the Q&A index and each language page show at most 30 questions per
 * topic, then a link to the topic page, which lists them all. On the fixture site, whose test topic has 35. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE, fixtureSite, type FixtureSite } from './helpers/fixture-site';

const CAP = 30;
const topic = FIXTURE.manyTopic;

let site: FixtureSite;
/** The test topic's Q&A paths in `order`, read from the content files. */
let all: string[];
beforeAll(async () => {
  site = await fixtureSite();
  const folder = join(site.content, 'qa', topic);
  all = readdirSync(folder)
    .map((f) => ({
      f,
      order: Number((yaml.load(readFileSync(join(folder, f), 'utf8').split('---')[1]!) as { order: number }).order),
    }))
    .sort((a, b) => a.order - b.order)
    .map(({ f }) => `/hoi-dap/${topic}/${f.replace(/\.md$/, '')}/`);
});

const page = (path: string) => readFileSync(join(site.dist, path, 'index.html'), 'utf8');
/** The question links of one topic's block: from its heading (the topic link) to the next heading. */
function block(html: string, from: RegExp): { links: string[]; seeAll: string | undefined } {
  const start = html.search(from);
  expect(start, String(from)).toBeGreaterThan(-1);
  const rest = html.slice(start);
  const end = rest.slice(1).search(/<h[23][\s>]/);
  const part = end === -1 ? rest : rest.slice(0, end + 1);
  return {
    links: [...part.matchAll(/<li[^>]*><a href="(\/hoi-dap\/[^"]+)"/g)].map((m) => m[1]!),
    seeAll: /<a href="(\/chu-de\/[^"]+#hoi-dap)">([^<]+)<\/a>/.exec(part)?.[0],
  };
}

describe(`a topic with ${FIXTURE.manyCount} questions`, () => {
  it('has them all on its topic page', () => {
    expect(all).toHaveLength(FIXTURE.manyCount);
    const html = page(`/chu-de/${topic}/`);
    const listed = [...html.matchAll(/<li><a href="(\/hoi-dap\/[^"]+)"/g)].map((m) => m[1]);
    expect(listed).toEqual(all);
  });

  it.each([
    ['the Q&A index', '/hoi-dap/', new RegExp(`<h2 id="${topic}">`)],
    ['the Vietnamese language page', '/ngon-ngu/tieng-viet/', new RegExp(`<h3><a href="/chu-de/${topic}/">`)],
  ])(`%s shows the first ${CAP}, then links to the topic page`, (_, path, heading) => {
    const { links, seeAll } = block(page(path), heading);
    expect(links).toEqual(all.slice(0, CAP));
    expect(seeAll).toContain(`href="/chu-de/${topic}/#hoi-dap"`);
    expect(seeAll).toContain(String(FIXTURE.manyCount));
  });

  it('a topic under the cap is listed whole, without the link', () => {
    const survey = readdirSync(join(site.content, 'qa', 'dieu-tra-53-dan-toc')).length;
    expect(survey).toBeLessThanOrEqual(CAP);
    const { links, seeAll } = block(page('/hoi-dap/'), /<h2 id="dieu-tra-53-dan-toc">/);
    expect(links).toHaveLength(survey);
    expect(seeAll).toBeUndefined();
  });
});
