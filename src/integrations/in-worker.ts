/** Runs a build-done step in a worker thread. By the end of a large build Astro's thread holds a heap of about 2 GB
 * (20,000 Q&A), and each garbage collection there walks all of it: a step that reads and writes hundreds of MB of
 * buffers (precompression) spent most of its time collecting garbage, 52 s at 20,000 Q&A against about 20 s alone.
 * A worker has a heap of its own, small, and the step's zlib calls still spread over libuv's threads. */
import type { BuildDone } from './build-done';
import { Worker } from 'node:worker_threads';
import { fromRoot } from '../lib/paths.ts';

/** Runs export `name` of `module` (a path from the project root) in a worker, with the step's arguments. */
export function inWorker(module: string, name: string, { dir, logger, cacheDir }: BuildDone): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(fromRoot('src/integrations/step-worker.ts'), {
      workerData: { module: fromRoot(module), name, dir: dir.href, cacheDir },
    });
    worker.on('message', ({ level, message }: { level: 'info' | 'warn'; message: string }) => logger[level](message));
    worker.once('error', reject);
    worker.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${module}: luồng phụ dừng với mã ${code}.`)),
    );
  });
}
