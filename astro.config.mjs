// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';

/** Absolute site URL used for canonical links, the sitemap, feeds and printed QR codes.
 * Each province sets SITE_URL at build; the default is a placeholder under the reserved .example TLD. */
export const site = process.env.SITE_URL ?? 'https://loa-ban.example';

export default defineConfig({
  site,
  trailingSlash: 'always',
  // Tests and benchmarks build into their own folders.
  outDir: process.env.LOA_BAN_OUT ?? './dist',
  // Parallel test builds each keep their own content data store.
  cacheDir: process.env.LOA_BAN_CACHE ?? './node_modules/.astro',
  // Two files claiming one id is an editor's mistake, never a silent overwrite.
  prerenderConflictBehavior: 'error',
  build: {
    format: 'directory',
    // Critical CSS in the HTML: a page paints from its first response, no render-blocking request.
    inlineStylesheets: 'always',
  },
  integrations: [mdx(), sitemap()],
  devToolbar: { enabled: false },
});
