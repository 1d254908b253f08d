/** Worker thread for in-worker.ts: imports one build-done step's module (plain Node, no bundler: its imports name
 * their .ts files) and runs the named step, passing its log lines back to Astro's logger. */
import { parentPort, workerData } from 'node:worker_threads';

const { module, name, dir, cacheDir } = workerData as { module: string; name: string; dir: string; cacheDir: string };
const say = (level: 'info' | 'warn') => (message: string) => parentPort!.postMessage({ level, message });
const step = (await import(module))[name] as (args: unknown) => Promise<void>;
await step({ dir: new URL(dir), logger: { info: say('info'), warn: say('warn') }, cacheDir });
