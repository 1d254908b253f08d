/** The files of Decap CMS's prebuilt bundle (npm package `decap-cms`: the app with React inside, its lazily loaded
 * chunks and the WebAssembly image encoders), served from /bien-tap/ as they are. Nothing is fetched from a CDN. */
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fromRoot } from '../paths';

/** The folder that holds decap-cms.js and its chunks. */
export const decapDist = join(
  dirname(createRequire(fromRoot('package.json')).resolve('decap-cms/package.json')),
  'dist',
);

/** decap-cms.js, its numbered chunks (`123.decap-cms.js`, loaded on demand next to the main file), its WebAssembly
 * and its licence notice; not the source maps nor the duplicate `cms.js` build the package also ships. */
export function decapFiles(names: string[] = readdirSync(decapDist)): string[] {
  return names
    .filter((n) => /^(?:\d+\.)?decap-cms\.js$|^[0-9a-f]+\.wasm$|^decap-cms\.js\.LICENSE\.txt$/.test(n))
    .sort();
}

/** Content-Type for a bundle file. */
export const bundleType = (name: string) =>
  name.endsWith('.wasm')
    ? 'application/wasm'
    : name.endsWith('.txt')
      ? 'text/plain; charset=utf-8'
      : 'text/javascript; charset=utf-8';
