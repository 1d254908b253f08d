import { z } from 'astro/zod';
import type { SchemaContext } from 'astro:content';
import { corrections, day, notes, order, sources, topic } from './common';

/** A policy explainer (content/explainers/<id>.mdx): a longer plain-language article. URL /chinh-sach/<id>/.
 * `image` is Astro's image() helper: the file is checked at build and served as AVIF/WebP/JPEG by sharp. */
export const explainerSchema = (image: SchemaContext['image']) =>
  z.strictObject({
    /** Headline. */
    title: z.string().min(1),
    /** The campaign it explains. */
    topic,
    /** One or two sentences shown in lists and search results. */
    summary: z.string().min(1).max(400),
    /** Position within the topic's explainers. */
    order: order.default(1),
    /** Documents its facts come from. */
    sources,
    /** Date last checked (YYYY-MM-DD). */
    updated: day,
    /** An optional illustration: `src` is a JPEG/PNG path relative to the file (e.g. ./anh/ban-do.jpg), `alt` says
     * what it shows for people who cannot see it. Served at 360/720/1080 px wide; over 60 KB at a phone's size is a
     * build warning. */
    image: z
      .strictObject({
        /** Path to the image file, relative to this explainer. */
        src: image(),
        /** Text alternative, in plain Vietnamese. */
        alt: z.string().min(1),
      })
      .optional(),
    /** Deliberate differences from the sources, each shown to readers as a short editor's note. */
    corrections,
    /** Editors' note, never shown to residents. */
    notes,
  });
