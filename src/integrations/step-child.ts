/** Child process for in-child.ts: imports one build-done step's module (plain Node, no bundler: its imports name
 * their .ts files), runs the named step, and passes its log lines, or the error that stopped it, to the parent. */
import type { StepMessage } from './in-child.ts';

const [module, name, dir, cacheDir] = process.argv.slice(2) as [string, string, string, string];
const sent: Promise<void>[] = [];
const send = (message: StepMessage) =>
  sent.push(new Promise((done) => process.send!(message, undefined, {}, () => done())));
const say = (level: 'info' | 'warn') => (message: string) => send({ level, message });
try {
  const step = (await import(module))[name] as (args: unknown) => Promise<void>;
  await step({ dir: new URL(dir), logger: { info: say('info'), warn: say('warn') }, cacheDir });
} catch (error) {
  send({ error: error instanceof Error ? error.message : String(error) });
  process.exitCode = 1;
}
// Every line delivered before the channel closes (closing it drops writes still queued).
await Promise.all(sent);
process.disconnect!();
