/** Every integration the site needs, in the order they must run: Astro runs each hook in this order.
 * - safe MDX first: it adds its guard to the markdown processor that MDX and .md entries then use;
 * - the sitemap before the build-done steps, so its XML is precompressed with the rest;
 * - the build-done steps last, in the order src/integrations/build-done.ts states. */
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { contentDir } from '../lib/paths';
import { editorUrls } from '../lib/urls';
import { lastModifiedByPath, readDatedEntries, sitemapSerializer } from '../lib/sitemap';
import buildDone from './build-done';
import editor from './editor';
import safeMdx from './safe-mdx';
import voiceQuestion from './voice-question';

export default function loaBan(): AstroIntegration[] {
  return [
    safeMdx(),
    mdx(),
    sitemap({
      serialize: sitemapSerializer(lastModifiedByPath(readDatedEntries(contentDir))),
      // The editing app is for editors, not for search engines.
      filter: (page) => !new URL(page).pathname.startsWith(editorUrls.app()),
    }),
    editor(),
    voiceQuestion(),
    buildDone(),
  ];
}
