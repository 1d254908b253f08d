/** A booklet volume's items, made for that volume alone, are the same as that volume's share of the whole topic's:
 * same Q&A, same numbers across the booklet, same QR targets. */
import { describe, expect, it } from 'vitest';
import { BOOKLET_VOLUME_SIZE, pageCount, pageItems } from '../lib/pagination';
import { bookletEstimate, bookletItems, volumeEstimate } from './print';
import type { Qa, Site, Topic } from './site';

/** A topic of two and a half volumes, no recordings, no notices: only what bookletItems reads. */
const count = Math.floor(BOOKLET_VOLUME_SIZE * 2.5);
const qas = Array.from(
  { length: count },
  (_, i) =>
    ({
      id: `bench/cau-${i}`,
      data: { lang: { id: 'vi' }, question: `Câu hỏi thử ${i}?` },
      rendered: { html: `<p>${'Một câu trả lời dài vừa phải. '.repeat(1 + (i % 7))}</p>` },
    }) as unknown as Qa,
);
let asked = 0;
const site = {
  qaOfTopic: (id: string) => {
    asked += 1;
    return id === 'dieu-tra' ? qas : [];
  },
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

describe('volumeEstimate', () => {
  it("is the estimate of the volume's items, measured once per site and volume", () => {
    for (let v = 1; v <= 3; v++) {
      const expected = bookletEstimate(bookletItems(site, topic, ctx, v));
      expect(expected).toBeGreaterThan(1);
      const before = asked;
      expect(volumeEstimate(site, topic, ctx, v)).toBe(expected);
      expect(asked).toBe(before + 1);
      expect(volumeEstimate(site, topic, ctx, v)).toBe(expected);
      expect(asked).toBe(before + 1);
    }
  });

  it('measures again for another site address', () => {
    const other = { site: new URL('https://thu.loa-ban.example/'), built: true };
    const before = asked;
    volumeEstimate(site, topic, other, 1);
    expect(asked).toBe(before + 1);
  });
});
