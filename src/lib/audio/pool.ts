/** Processes many files on all cores: cache hits are answered in this thread (they only read two small files), the
 * rest are shared between worker threads, since lamejs encoding is the slow, single-threaded part (about 70 % of
 * a cold build's audio time). Falls back to this thread when workers cannot start. */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { Mp3FormatError } from './mp3-frames.ts';
import { fromCache, processAudio, type ProcessedAudio } from './process.ts';

export type Outcome = { ok: true; value: ProcessedAudio } | { ok: false; error: Error };

/** Processes `inputs` with up to `threads` workers running `workerFile` (src/lib/audio/worker.ts). Results keep the
 * input order; one bad file does not stop the others, so the build can list every problem at once. */
export async function processMany(
  inputs: Uint8Array[],
  cacheDir: string,
  options: { workerFile?: string | URL; threads?: number } = {},
): Promise<Outcome[]> {
  const settle = (p: Promise<ProcessedAudio>): Promise<Outcome> =>
    p.then(
      (value) => ({ ok: true as const, value }),
      (error: Error) => ({ ok: false as const, error }),
    );
  // A cheap first pass: cache hits never need a worker.
  const hits = await Promise.all(inputs.map((bytes) => fromCache(bytes, cacheDir)));
  const first: Outcome[] = hits.map((value) =>
    value ? { ok: true, value } : { ok: false, error: new Error('not processed') },
  );
  const misses = hits.flatMap((hit, i) => (hit ? [] : [i]));
  const threads = Math.min(options.threads ?? availableParallelism(), misses.length);
  const file = options.workerFile;
  const canUseWorkers = threads > 1 && file !== undefined && (typeof file !== 'string' || existsSync(file));
  if (!canUseWorkers) {
    for (const i of misses) first[i] = await settle(processAudio(inputs[i]!, cacheDir));
    return first;
  }
  const queue = [...misses];
  const run = async () => {
    const worker = new Worker(file);
    try {
      for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
        const index = i;
        first[index] = await new Promise<Outcome>((done) => {
          const onMessage = (m: { id: number; result?: ProcessedAudio; error?: string; name?: string }) => {
            if (m.id !== index) return;
            worker.off('message', onMessage);
            worker.off('error', onError);
            if (m.result) done({ ok: true, value: m.result });
            else
              done({
                ok: false,
                error: m.name === 'Mp3FormatError' ? new Mp3FormatError(m.error!) : new Error(m.error),
              });
          };
          const onError = (error: Error) => done({ ok: false, error });
          worker.on('message', onMessage);
          worker.once('error', onError);
          worker.postMessage({ id: index, bytes: inputs[index]!, cacheDir });
        });
      }
    } finally {
      await worker.terminate();
    }
  };
  await Promise.all(Array.from({ length: threads }, run));
  return first;
}
