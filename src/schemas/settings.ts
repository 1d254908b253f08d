import { z } from 'astro/zod';
import { hotline } from './topics';

/** Site-wide settings a province sets for itself (content/settings.yaml, one entry with id "site"). */
export const settingsSchema = z.strictObject({
  /** Site name in the header. */
  siteName: z.string().min(1),
  /** The body that runs the site and issues printed material, e.g. "Sở Thông tin và Truyền thông tỉnh Lạng Sơn". */
  issuer: z.string().min(1),
  /** Province name printed on booklet covers. */
  province: z.string().min(1),
  /** Site-wide hotlines for the contact page and footer. */
  hotlines: z.array(hotline).default([]),
  /** Contact lines (address, email) shown on the contact page; each from the province, not invented. */
  contact: z.array(z.string()).default([]),
});
