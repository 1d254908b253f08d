import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Absolute paths of the files under a build's output folder whose name matches `pattern`, sorted, for the
 * integrations that work on the finished site (search index, service-worker stamp, precompression). */
export async function builtFiles(root: string, pattern: RegExp): Promise<string[]> {
  return (await readdir(root, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile() && pattern.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}
