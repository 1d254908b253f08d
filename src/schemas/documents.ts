import { z } from 'astro/zod';
import { reference } from 'astro:content';
import { day, notes } from './common';

/** What kind of figure a document states. The citation check matches a page's figure only against figures of the
 * same kind and full value (a date never matches the year inside another date). */
export const figureKinds = ['date', 'year', 'number', 'amount', 'percent', 'phone', 'docnumber'] as const;

/** One figure a document states, so the build can check every figure a page gives against the documents it cites,
 * and a reader holding the official text can find it. */
export const figure = z.strictObject({
  /** Exactly as the source text writes it ("14/10/2021", "ngày 14 tháng 10 năm 2021", "53", "111", "58/CD-TTg"), so
   * `npm run check:sources` finds it there. Quote it in YAML. */
  value: z.union([z.string().min(1), z.number().transform(String)], {
    error: 'viết giá trị trong dấu ngoặc kép, đúng như văn bản viết (ví dụ "14/10/2021")',
  }),
  /** date: a day, a month ("6/2024"), a day and month ("30/7") or a quarter ("Quý III/2024");
   * year: a year the document states as a figure of its own ("năm 2024", "2021-2025" gives 2021 and 2025);
   * number: a count ("53 dân tộc", "Dự án 10"); amount: money; percent; phone: a number to call ("111");
   * docnumber: a document number ("1719/QĐ-TTg", "03/2023/TT-BTTTT"). */
  kind: z.enum(figureKinds, { error: `loại số liệu phải là một trong: ${figureKinds.join(', ')}` }),
  /** What it is, in a few words of our own, e.g. "ngày ban hành quyết định". */
  about: z.string().min(1),
  /** Where it stands in the text (section, paragraph), so a reader can find it, e.g. "mục I, đoạn 1". */
  where: z.string().min(1),
  /** For a document without `text` only: the document (one of `mentionedIn`) whose text states this figure. May be
   * left out when `mentionedIn` names a single document. */
  in: reference('documents').optional(),
});

/** A legal or administrative document the site cites (content/documents/<id>.yaml). Its page is /van-ban/<id>/. */
export const documentSchema = z
  .strictObject({
    /** Official number and symbol as written officially, e.g. "1719/QĐ-TTg". Omit when the number is blank. */
    number: z.string().min(1).optional(),
    /** Kind of document as written in Vietnamese: "Quyết định", "Công văn", "Thông tư", "Kế hoạch", "Công điện"… */
    kind: z.string().min(1),
    /** Date of issue (YYYY-MM-DD), only when a source gives the full date. */
    date: day.optional(),
    /** Year of issue; required so every document can be dated even when the day is blank. */
    year: z.number().int().min(1945).max(2100),
    /** The issuing body, e.g. "Thủ tướng Chính phủ". */
    issuer: z.string().min(1),
    /** The province whose body issued it, e.g. "Sóc Trăng". Omit for a national document. Pages resting on another
     * province's document than the site's own (settings `province`) say so. */
    province: z.string().min(1).optional(),
    /** True when the text is a draft (dự thảo): pages resting on it say so. */
    draft: z.boolean().default(false),
    /** Only the official title (trích yếu), quoted exactly as a source writes it. Never composed. */
    title: z.string().min(1).optional(),
    /** What the document is, in our own words. Required when there is no `title`. */
    about: z.string().min(1).optional(),
    /** Only for the source letters whose full text we hold: the seed number ("000"–"004"), whose file
     * `NNN_<hash>.txt` `npm run check:sources` reads. */
    text: z
      .string()
      .regex(/^\d{3}$/, 'số văn bản nguồn gồm 3 chữ số, ví dụ "003"')
      .optional(),
    /** The documents (ids in content/documents/, each with `text`) whose text mentions this one. Required unless
     * `text` is set. */
    mentionedIn: z.array(reference('documents')).default([]),
    /** Every figure the document states (its own text, or what the documents mentioning it say about it). */
    figures: z.array(figure).default([]),
    /** Editors' note (provenance), never shown to residents. */
    notes,
  })
  .superRefine((d, ctx) => {
    if (d.title === undefined && d.about === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['about'],
        message: 'cần "title" (trích yếu chính thức, trích đúng nguồn) hoặc "about" (văn bản này là gì, lời của mình)',
      });
    }
    if (d.text === undefined && d.mentionedIn.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['mentionedIn'],
        message: 'cần "mentionedIn" (văn bản nào nhắc đến văn bản này) khi không có "text"',
      });
    }
  });
