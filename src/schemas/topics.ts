import { z } from 'astro/zod';
import { reference } from 'astro:content';
import { day, order } from './common';

/** A span of days; `end` must not be before `start`. */
const span = z
  .strictObject({
    /** First day (YYYY-MM-DD). */
    start: day,
    /** Last day (YYYY-MM-DD). */
    end: day,
  })
  .refine((p) => p.end >= p.start, {
    message: 'ngày kết thúc ("end") trước ngày bắt đầu ("start")',
    path: ['end'],
  });

/** A hotline residents can call, as printed in a seed document. */
export const hotline = z.strictObject({
  /** The number to dial, e.g. "111". */
  number: z.string().regex(/^[0-9 .]+$/, 'số điện thoại chỉ gồm chữ số'),
  /** What the line is, in the seed's words, e.g. "Tổng đài quốc gia tiếp nhận thông tin về nạn nhân mua bán người". */
  label: z.string().min(1),
});

/** A campaign (content/topics/<id>.md). The id (file name) is the URL: /chu-de/<id>/. The body is an optional longer introduction. */
export const topicSchema = z.strictObject({
  /** Campaign title as residents read it. */
  title: z.string().min(1),
  /** Short title for menus, buttons and print headers (<= 40 characters). */
  shortTitle: z.string().min(1).max(40),
  /** One or two plain sentences: what this campaign is about. */
  summary: z.string().min(1).max(400),
  /** When the campaign is active. `peak` is the optional period of highest communication effort. */
  period: z
    .strictObject({
      /** First day (YYYY-MM-DD). */
      start: day,
      /** Last day (YYYY-MM-DD). */
      end: day,
      /** Peak communication period inside the active period, if the seeds name one. */
      peak: span.optional(),
    })
    .refine((p) => p.end >= p.start, { message: 'ngày kết thúc ("end") trước ngày bắt đầu ("start")', path: ['end'] }),
  /** The legal documents the campaign stands on (ids in content/documents/). */
  legalBasis: z.array(reference('documents')).min(1, 'cần ít nhất một văn bản trong "legalBasis"'),
  /** Position on the home page and in menus (1 = first). Unique across topics. */
  order,
  /** Hotlines to show with this campaign (e.g. 111). */
  hotlines: z.array(hotline).default([]),
  /** Slogans taken from the seeds, for banners and posters (printed one per page). */
  slogans: z.array(z.string().min(1)).default([]),
  /** Three to six key messages for the one-page leaflet, each a short sentence backed by the legal basis. */
  keyMessages: z.array(z.string().min(1)).default([]),
});
