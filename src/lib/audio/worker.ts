/** Worker thread for pool.ts: processes one file per message with the same code as the main thread. */
import { parentPort } from 'node:worker_threads';
import { processAudio } from './process.ts';

parentPort!.on('message', async (job: { id: number; bytes: Uint8Array; cacheDir: string }) => {
  try {
    const result = await processAudio(job.bytes, job.cacheDir);
    parentPort!.postMessage({ id: job.id, result }, [result.dataSaver.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort!.postMessage({ id: job.id, error: (error as Error).message, name: (error as Error).name });
  }
});
