import { z } from 'astro/zod';
import { reference } from 'astro:content';
import { corrections, notes, order, preciseDate } from './common';
import { spanReversed } from '../lib/precise-date';

/** A span with its source's precision; `end` must not come before `start`. */
const span = z
  .strictObject({
    /** First year, month or day: "2021", "2024-06" or "2024-06-15". */
    start: preciseDate,
    /** Last year, month or day, as precise as the source gives it. */
    end: preciseDate,
  })
  .refine((p) => !spanReversed(p.start, p.end), {
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
  /** When the campaign runs, as precise as its source gives it ("2021"–"2025", "2024-06"–"2024-08", or days);
   * `peak` is the optional period of highest communication effort. Omit where no source gives a period: the topic's
   * pages then say which year its documents are from. Each value must be a figure of a `legalBasis` document. */
  period: z
    .strictObject({
      /** First year, month or day: "2021", "2024-06" or "2024-06-15". */
      start: preciseDate,
      /** Last year, month or day. */
      end: preciseDate,
      /** Peak communication period inside it, if a source names one. */
      peak: span.optional(),
    })
    .refine((p) => !spanReversed(p.start, p.end), {
      message: 'ngày kết thúc ("end") trước ngày bắt đầu ("start")',
      path: ['end'],
    })
    .optional(),
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
  /** Deliberate differences from the sources, each shown to readers as a short editor's note. */
  corrections,
  /** Editors' note, never shown to residents. */
  notes,
});
