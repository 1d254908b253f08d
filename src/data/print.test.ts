/** A booklet volume's items, made for that volume alone, are the same as that volume's share of the whole topic's:
 * same Q&A, same numbers across the booklet, same QR targets. */
import { describe, expect, it } from 'vitest';
import { BOOKLET_VOLUME_SIZE, pageCount, pageItems } from '../lib/pagination';
import { bookletItems } from './print';
import type { Qa, Site, Topic } from './site';

/** A topic of two and a half volumes, no recordings, no notices: only what bookletItems reads. */
const count = Math.floor(BOOKLET_VOLUME_SIZE * 2.5);
const qas = Array.from(
  { length: count },
  (_, i) => ({ id: `bench/cau-${i}`, data: { lang: { id: 'vi' } } }) as unknown as Qa,
);
const site = {
  qaOfTopic: (id: string) => (id === 'dieu-tra' ? qas : []),
  recordingsOf: () => [],
  noticesOf: () => ({ provinces: [], drafts: [] }),
} as unknown as Site;
const topic = { id: 'dieu-tra' } as Topic;
const ctx = { site: new URL('https://loa-ban.example/'), built: true };

describe('bookletItems for one volume', () => {
  const whole = bookletItems(site, topic, ctx);

  it('equals that volume of the whole booklet, numbers included, for every volume', () => {
    const volumes = pageCount(count, BOOKLET_VOLUME_SIZE);
    expect(volumes).toBe(3);
    for (let v = 1; v <= volumes; v++) {
      expect(bookletItems(site, topic, ctx, v)).toEqual(pageItems(whole, v, BOOKLET_VOLUME_SIZE));
    }
  });

  it('numbers the last volume on from the volumes before it', () => {
    const last = bookletItems(site, topic, ctx, 3);
    expect(last.map((item) => item.number)).toEqual(
      Array.from({ length: count - 2 * BOOKLET_VOLUME_SIZE }, (_, i) => 2 * BOOKLET_VOLUME_SIZE + i + 1),
    );
    expect(last[0]!.target).toBe(`https://loa-ban.example/hoi-dap/bench/cau-${2 * BOOKLET_VOLUME_SIZE}/`);
  });
});
