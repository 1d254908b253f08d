import { readdirSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

/** Where content lives: set (absolute) by astro.config.mjs; tests and benchmarks point LOA_BAN_CONTENT elsewhere. */
export const contentDir = resolve(process.env['LOA_BAN_CONTENT'] ?? 'content');

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
    .filter((file) => extension.test(file) && !file.split('/').at(-1)!.startsWith('_') && !file.split('/').some((part) => part.startsWith('.')))
    .sort();
}
