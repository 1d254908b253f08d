/** The bundled scripts in a folder whose names match `entry`, and every chunk they import (statically or with
 * import()), by file name. Vite writes relative specifiers ("./x.js") between chunks of one folder. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export async function scriptClosure(folder: string, entry: RegExp): Promise<string[]> {
  const names = new Set((await readdir(folder)).filter((f) => f.endsWith('.js')));
  const seen = new Set<string>();
  const todo = [...names].filter((n) => entry.test(n));
  while (todo.length > 0) {
    const name = todo.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    const code = await readFile(join(folder, name), 'utf8');
    for (const m of code.matchAll(/(?:from\s*|import\s*\(?\s*)["']\.\/([\w.-]+\.js)["']/g)) {
      if (names.has(m[1]!) && !seen.has(m[1]!)) todo.push(m[1]!);
    }
  }
  return [...seen].sort();
}
