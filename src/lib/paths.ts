import { readdirSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root, the one base every path is resolved from, whatever the working directory. This module is first
 * evaluated unbundled (by astro.config.mjs, a script or a test), where its own location gives the root; that value is
 * kept in LOA_BAN_ROOT for the page code Astro bundles elsewhere later in the same process. */
export const projectRoot = (process.env['LOA_BAN_ROOT'] ??= fileURLToPath(new URL('../..', import.meta.url)));

/** A path relative to the project root (an absolute path stays as it is). */
export const fromRoot = (...parts: string[]) => resolve(projectRoot, ...parts);

/** Where content lives; tests and benchmarks point LOA_BAN_CONTENT elsewhere. */
export const contentDir = fromRoot(process.env['LOA_BAN_CONTENT'] ?? 'content');

/** Where `astro build` writes the site; tests and benchmarks point LOA_BAN_OUT elsewhere. */
export const outDir = fromRoot(process.env['LOA_BAN_OUT'] ?? 'dist');

/** Astro's cache folder (its content data store and incremental-build cache; our PDF and precompression caches sit in
 * it too). Parallel test builds each keep their own through LOA_BAN_CACHE. */
export const buildCacheDir = fromRoot(process.env['LOA_BAN_CACHE'] ?? 'node_modules/.astro');

/** Set by `npm run build` (scripts/build.ts) for the `astro build` it starts: the after-build steps are left to it
 * (src/integrations/build-done.ts). */
export const AFTER_BUILD_APART = 'LOA_BAN_AFTER_BUILD_APART';

/** Build caches (audio analysis, test builds), kept between builds. */
export const cacheDir = fromRoot('node_modules/.cache/loa-ban');

/** "content/qa/x.md" as editors know a content file, also when LOA_BAN_CONTENT points at a copy elsewhere. `file` is
 * absolute or relative to the project root (as Astro records an entry's filePath). */
export function shownPath(file: string): string {
  const path = fromRoot(file);
  const inContent = relative(contentDir, path);
  if (!inContent.startsWith('..')) return `content/${inContent.split(sep).join('/')}`;
  return relative(projectRoot, path).split(sep).join('/');
}

/** The files of a collection folder that the collections load, as paths relative to it with `/` separators: those
 * matching `extension`, without drafts (a file named `_…`) and hidden files or folders (`.…`), as Astro's glob skips
 * them. A missing folder has none. */
export function contentFiles(dir: string, extension: RegExp): string[] {
  let names: string[];
  try {
    names = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch {
    return [];
  }
  return names
    .map((name) => relative(dir, join(dir, name)).split(sep).join('/'))
    .filter(
      (file) =>
        extension.test(file) &&
        !file.split('/').at(-1)!.startsWith('_') &&
        !file.split('/').some((part) => part.startsWith('.')),
    )
    .sort();
}
