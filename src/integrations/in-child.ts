/** Runs a build-done step in a child process of its own (step-child.ts), for memory and speed:
 * - a process gives all its memory back when it ends; a worker thread's stayed in the process. With the PDF step in
 *   a worker, `npm run build` still held about 600 MB of it while Pagefind's indexer peaked at 1.5 GB: 2.1 GB at
 *   20,000 Q&A (npm run bench);
 * - Astro's thread ends a large build with a heap of about 2 GB, and each garbage collection there walks all of it:
 *   precompression run on that thread spent most of its time collecting garbage (52 s against about 20 s);
 * - the child's young generation is kept to 1 MB: the steps make many short-lived strings, one page at a time, and
 *   V8's default let them take 150 MB before collecting (Pagefind's step: 290 MB against 140 MB at 20,000 Q&A);
 * - gc() is exposed, so a step can collect before it waits on another process's peak (the search index). */
import type { BuildDone } from './build-done';
import { fork } from 'node:child_process';
import { fromRoot } from '../lib/paths.ts';

/** What the child sends: a log line, or the message of the error that stopped the step. */
export type StepMessage = { level: 'info' | 'warn'; message: string } | { error: string };

/** Runs export `name` of `module` (a path from the project root) in a child process, with the step's arguments. */
export function inChild(module: string, name: string, { dir, logger, cacheDir }: BuildDone): Promise<void> {
  return new Promise((resolve, reject) => {
    // Plain Node (no flags of the parent's, such as a test runner's): the step's modules name their .ts files.
    const child = fork(fromRoot('src/integrations/step-child.ts'), [fromRoot(module), name, dir.href, cacheDir], {
      execArgv: ['--max-semi-space-size=1', '--expose-gc'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let failure: string | undefined;
    child.on('message', (message: StepMessage) => {
      if ('error' in message) failure = message.error;
      else logger[message.level](message.message);
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0 && !failure) resolve();
      else reject(new Error(failure ?? `${module}: tiến trình con dừng với ${signal ?? `mã ${code}`}.`));
    });
  });
}
