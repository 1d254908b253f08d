/** The editing app's files that are not Astro routes:
 * - Decap CMS's prebuilt bundle (decap-cms.js, its lazily loaded chunks, WebAssembly), copied from node_modules into
 *   /bien-tap/ at build and served from there by the dev server (`npm run edit`);
 * - in the dev server, /bien-tap/ and the recorder: their pages are files named index.html (endpoints, so they carry
 *   no resident-page CSP), which a static server serves for the folder and the dev server does not.
 * Runs before the build-done steps (src/integrations/index.ts), so the bundle is precompressed with the rest. */
import type { AstroIntegration } from 'astro';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleType, decapDist, decapFiles } from '../lib/cms/bundle';
import { EDITOR_SHELLS, editorUrls } from '../lib/urls';

export default function editor(): AstroIntegration {
  return {
    name: 'loa-ban:editor',
    hooks: {
      'astro:server:setup': ({ server }) => {
        const files = new Set(decapFiles());
        server.middlewares.use((req, res, next) => {
          const path = req.url?.split('?')[0] ?? '';
          const name = path.slice(editorUrls.app().length);
          if (path.startsWith(editorUrls.app()) && files.has(name)) {
            res.setHeader('Content-Type', bundleType(name));
            createReadStream(join(decapDist, name)).pipe(res);
            return;
          }
          if (EDITOR_SHELLS.includes(path)) req.url = `${path}index.html`;
          next();
        });
      },
      'astro:build:done': async ({ dir }) => {
        const out = join(fileURLToPath(dir), editorUrls.app());
        await mkdir(out, { recursive: true });
        for (const name of decapFiles()) await copyFile(join(decapDist, name), join(out, name));
      },
    },
  };
}
