/** After the build, warns (naming the file) about every image a phone would download that is over 60 KB. */
import type { BuildDone } from './build-done';
import { readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { overBudget } from '../lib/image-budget.ts';

export async function imageBudget({ dir, logger }: BuildDone): Promise<void> {
  const root = fileURLToPath(dir);
  const files = (await readdir(join(root, '_astro')).catch(() => [])).filter((f) =>
    /\.(avif|webp|jpe?g|png)$/i.test(f),
  );
  const images = await Promise.all(
    files.map(async (f) => {
      const path = join(root, '_astro', f);
      return {
        file: relative(root, path),
        width: (await sharp(path).metadata()).width ?? 0,
        bytes: (await stat(path)).size,
      };
    }),
  );
  for (const warning of overBudget(images)) logger.warn(warning);
}
