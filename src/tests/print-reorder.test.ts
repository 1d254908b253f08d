/** "Reordering never changes a printed QR code": the fixture site has the survey topic's Vietnamese Q&A in reverse
 * order (src/tests/helpers/fixture-site.ts), and every Q&A keeps the QR code it has in the real build: the same SVG,
 * the same address printed beside it. Only their place in the booklet moves. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE, fixtureSite } from './helpers/fixture-site';
import { siteDist } from './helpers/paths';

/** Each printed Q&A of a booklet, in print order, with its QR code's SVG and the address printed beside it. */
function booklet(dist: string, topic: string): { id: string; svg: string; printed: string }[] {
  const html = readFileSync(join(dist, 'in', topic, 'index.html'), 'utf8');
  return html
    .split('<li class="booklet-qa"')
    .slice(1)
    .map((item) => ({
      id: /data-qa="([^"]+)"/.exec(item)?.[1] ?? '',
      svg: /<svg class="qr[ "][\s\S]*?<\/svg>/.exec(item)?.[0] ?? '',
      printed: /class="qr-url"[^>]*>([^<]+)</.exec(item)?.[1] ?? '',
    }));
}

describe(`reordering the Q&A of ${FIXTURE.reorderedTopic}`, () => {
  let real: ReturnType<typeof booklet>;
  let reordered: ReturnType<typeof booklet>;
  beforeAll(async () => {
    real = booklet(siteDist, FIXTURE.reorderedTopic);
    reordered = booklet((await fixtureSite()).dist, FIXTURE.reorderedTopic);
  });

  it('moved them in the booklet', () => {
    expect(real.length).toBeGreaterThan(3);
    const ids = real.map((q) => q.id);
    expect(reordered.map((q) => q.id).filter((id) => ids.includes(id))).toEqual([...ids].reverse());
  });

  it('left every QR code and printed address as it was', () => {
    for (const q of real) {
      expect(q.svg, q.id).toMatch(/^<svg class="qr[ "]/);
      expect(q.printed, q.id).toContain('/');
      const moved = reordered.find((r) => r.id === q.id);
      expect(moved?.svg, q.id).toBe(q.svg);
      expect(moved?.printed, q.id).toBe(q.printed);
    }
  });
});
