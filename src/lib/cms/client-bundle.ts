/** Our editing-app code (src/client/cms/: widgets, previews, the recorder), bundled for the browser with esbuild. The
 * CMS pages are served as plain files beside Decap's own bundle rather than as Astro pages, whose strict CSP the
 * editor cannot run under (Decap compiles its validators with `new Function`). */
import { build } from 'esbuild';
import { fromRoot } from '../paths';

/** One self-contained browser script for an entry file under src/client/cms/. */
export async function bundleClient(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [fromRoot('src/client/cms', entry)],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
  });
  return result.outputFiles[0]!.text;
}
