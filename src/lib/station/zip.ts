/** ZIP bundles with fflate. MP3s are stored (already compressed), text is deflated. A fixed timestamp keeps the
 * bundle byte-identical between builds of the same content. */
import { zipSync, type Zippable } from 'fflate';

export function zipBundle(files: { name: string; bytes: Uint8Array }[], mtime: Date): Uint8Array {
  const tree: Zippable = {};
  for (const f of files) {
    if (f.name in tree) throw new Error(`hai tệp cùng tên trong gói: ${f.name}`);
    tree[f.name] = [f.bytes, { level: /\.mp3$/i.test(f.name) ? 0 : 9, mtime }];
  }
  return zipSync(tree);
}
