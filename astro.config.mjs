// @ts-check
import { defineConfig } from 'astro/config';
import loaBan from './src/integrations/index.ts';
import { buildCacheDir, fromRoot, outDir, projectRoot } from './src/lib/paths.ts';
import { siteInbox } from './src/inbox/config.ts';

// Astro writes its prerender chunks under the working directory when it does not contain outDir, and those chunks
// must resolve node_modules: a build started elsewhere (`astro build --root …`) works from the project root.
process.chdir(projectRoot);

/** Absolute site URL used for canonical links, the sitemap, feeds and printed QR codes.
 * Each province sets SITE_URL at build; the default is a placeholder under the reserved .example TLD. */
export const site = process.env.SITE_URL ?? 'https://loa-ban.example';

/** LOA_BAN_INBOX=1 builds the residents' question form (src/inbox/, README "Hộp thư"). Its voice recorder plays the
 * recording back from a blob: URL before sending; without the inbox the policy stays as strict as before. */
const inbox = siteInbox().enabled;

export default defineConfig({
  site,
  trailingSlash: 'always',
  // Tests and benchmarks build into their own folders; every path is resolved from the project root
  // (src/lib/paths.ts), so a build started from another working directory makes the same site.
  root: fromRoot(),
  outDir,
  cacheDir: buildCacheDir,
  // Two files claiming one id is an editor's mistake, never a silent overwrite.
  prerenderConflictBehavior: 'error',
  build: {
    format: 'directory',
    // Critical CSS in the HTML: a page paints from its first response, no render-blocking request.
    inlineStylesheets: 'always',
    // Pages in flight at once. Rendering is one thread either way, but a page copied from the incremental cache waits
    // on the disk, and a booklet waits for its QR codes (src/lib/qr.ts): others render meanwhile.
    concurrency: 4,
  },
  // Shiki highlights with style="" attributes, which the CSP below blocks; content has no code to highlight.
  markdown: { syntaxHighlight: false },
  // In the order src/integrations/index.ts states.
  integrations: loaBan(),
  security: {
    // Strict, hash-based CSP in a <meta> on every page: only our own files and the hashed inline CSS/JS Astro emits.
    // No 'unsafe-inline', so style="" and on*= attributes are blocked. Pagefind compiles its WebAssembly
    // ('wasm-unsafe-eval'), fetches its index (connect-src) and runs /pagefind/pagefind-worker.js (worker-src).
    // frame-ancestors is ignored in <meta>; nginx and public/_headers send it as a header.
    csp: {
      directives: [
        "default-src 'self'",
        "base-uri 'self'",
        "object-src 'none'",
        "form-action 'self'",
        "img-src 'self' data:",
        inbox ? "media-src 'self' blob:" : "media-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "frame-src 'none'",
        "font-src 'self'",
        "manifest-src 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
    },
  },
  vite: {
    // The question form's boot code in the pages' script (src/layouts/Base.astro), only when the inbox is built.
    define: { 'import.meta.env.LOA_BAN_INBOX': JSON.stringify(inbox) },
    build: {
      rollupOptions: {
        // Astro's own "use astro:head-inject" marker in every compiled MDX file trips this bundler notice; it is
        // harmless, and nine boxes of it would hide the messages editors need to read.
        onwarn(warning, warn) {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
        },
      },
    },
  },
  devToolbar: { enabled: false },
  experimental: {
    // A publish re-renders only the pages whose data changed: Q&A pages, topic list pages and booklet volumes return
    // a cacheKey of everything they show (src/lib/page-key.ts); the others are always rendered.
    incrementalBuild: true,
  },
});
