/** What the printed pages under /in/ show, computed once from the validated site: which Q&A go in a booklet and in
 * what order, where each QR code points, and how many A4 pages the booklet will take. */
import type { Citing, Qa, Recording, Site, Topic } from './site';
import { docLabel } from '../lib/documents';
import { noticeLines } from '../lib/notices';
import { BOOKLET_VOLUME_SIZE, pageItems } from '../lib/pagination';
import { bookletPages, type QaPrint } from '../lib/print-layout';
import { qrTarget, shortUrl } from '../lib/qr';
import { urls } from '../lib/urls';
import { t } from '../i18n';

/** Where printed QR codes point: the configured site, and whether this is a built site (`astro build`, as opposed to
 * `astro dev`), which must never print a local address. */
export interface QrContext {
  site: URL | undefined;
  built: boolean;
}

export interface BookletItem {
  qa: Qa;
  /** "Câu 3." numbering across the booklet. */
  number: number;
  /** The recording the QR code opens, when one reads this Q&A. */
  recording: Recording | undefined;
  /** Absolute URL in the QR code. */
  target: string;
  /** The same address as printed beside the code. */
  short: string;
  /** Caption above the printed address ("Quét mã để nghe" or "… để đọc"). */
  caption: string;
  /** Another province's documents, a draft: what the printed Q&A says about its ground (src/components/Notices). */
  notices: string[];
}

/** The notices of an entry as printed sentences (see src/components/Notices.astro, which prints them on paper). */
export function printedNotices(site: Site, entry: Citing, time = true): string[] {
  const strings = {
    ended: t('notice.ended'),
    years: t('notice.years'),
    province: t('notice.province'),
    draft: t('notice.draft'),
  };
  return noticeLines(site.noticesOf(entry), strings, docLabel, time);
}

/** The recording for a Q&A: one the Q&A names, else one that lists it, preferring the Q&A's own language. */
export function recordingFor(site: Site, qa: Qa): Recording | undefined {
  const linked = site.recordingsOf(qa.id);
  return (
    linked.find((a) => a.id === qa.data.audio?.id) ??
    linked.find((a) => a.data.lang.id === qa.data.lang.id) ??
    linked[0]
  );
}

/** Every Q&A of the topic in site order (language, then `order`), each with its QR target; with `volume`, only that
 * volume's Q&A (numbered as in the whole booklet). A volume page asks for its own slice: making the items of the
 * whole topic on each of its volume pages cost time in the square of the topic's size. */
export function bookletItems(site: Site, topic: Topic, ctx: QrContext, volume?: number): BookletItem[] {
  const all = site.qaOfTopic(topic.id);
  const first = volume === undefined ? 0 : (volume - 1) * BOOKLET_VOLUME_SIZE;
  const qas = volume === undefined ? all : pageItems(all, volume, BOOKLET_VOLUME_SIZE);
  return qas.map((qa, i) => {
    const recording = recordingFor(site, qa);
    const target = qrTarget(recording ? urls.audio(recording.id) : urls.qa(qa.id), ctx.site, ctx.built);
    return {
      qa,
      number: first + i + 1,
      recording,
      target,
      short: shortUrl(target),
      caption: t(recording ? 'print.scanListen' : 'print.scanRead'),
      notices: printedNotices(site, qa, false),
    };
  });
}

/** The question as printed, with its number. */
export const numbered = (item: BookletItem) => `${t('print.question')} ${item.number}. ${item.qa.data.question}`;

/** Estimated A4 pages of the topic's booklet (cover included). */
export function bookletEstimate(items: BookletItem[]): number {
  const measured: QaPrint[] = items.map((item) => ({
    question: numbered(item),
    html: item.qa.rendered?.html ?? '',
    notices: item.notices,
    caption: item.caption,
    url: item.short,
  }));
  return bookletPages(measured);
}

const estimates = new WeakMap<Site, Map<string, number>>();

/** Estimated A4 pages of one volume of the topic's booklet, measured once per site: /in/ lists every volume's count
 * and each volume's page prints its own, and measuring wraps every line of every answer. */
export function volumeEstimate(site: Site, topic: Topic, ctx: QrContext, volume: number): number {
  let known = estimates.get(site);
  if (!known) estimates.set(site, (known = new Map()));
  const key = JSON.stringify([topic.id, volume, ctx.site?.href, ctx.built]);
  let pages = known.get(key);
  if (pages === undefined) {
    pages = bookletEstimate(bookletItems(site, topic, ctx, volume));
    known.set(key, pages);
  }
  return pages;
}

/** The newest `updated` date among the Q&A, the date the booklet's content was last checked. */
export function newestUpdate(items: BookletItem[]): Date | undefined {
  return items.map((i) => i.qa.data.updated).sort((a, b) => b.getTime() - a.getTime())[0];
}

/** "Lạng Sơn, ngày 5 tháng 7 năm 2024": the place-and-date line of Vietnamese official papers. */
export function placeAndDate(province: string, date: Date): string {
  return `${province}, ngày ${date.getUTCDate()} tháng ${date.getUTCMonth() + 1} năm ${date.getUTCFullYear()}`;
}
