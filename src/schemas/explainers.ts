import { z } from 'astro/zod';
import { day, order, sources, topic } from './common';

/** A policy explainer (content/explainers/<id>.mdx): a longer plain-language article. URL /chinh-sach/<id>/. */
export const explainerSchema = z.strictObject({
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
});
