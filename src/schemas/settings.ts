import { z } from 'astro/zod';
import { notes } from './common';
import { hotline } from './topics';

/** Site-wide settings a province sets for itself (content/settings.yaml, one entry with id "site"). */
export const settingsSchema = z.strictObject({
  /** Site name in the header. */
  siteName: z.string().min(1),
  /** The body that runs the site and issues its printed material and feeds, named as it names itself. Only the body
   * itself sets it; the repository names none. Without it headers, leaflets and feeds show `siteName`, and a
   * production build (SITE_URL not under .example, .test, .invalid or localhost) fails. */
  issuer: z.string().min(1).optional(),
  /** Province name printed on booklet covers. */
  province: z.string().min(1),
  /** Site-wide hotlines for the contact page and footer. */
  hotlines: z.array(hotline).default([]),
  /** Contact lines (address, email) shown on the contact page; each from the province, not invented. */
  contact: z.array(z.string()).default([]),
  /** Editors' note, never shown to residents. */
  notes,
});
