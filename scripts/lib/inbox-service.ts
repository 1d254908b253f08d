/** The real inbox service (`node src/inbox/main.ts`, what `npm run inbox` runs) as a child process on loopback, for
 * tests and the benchmark: its own SQLite file, the port the system gives, and a way to kill it hard. */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

export interface RunningInbox {
  url: string;
  child: ChildProcess;
  /** Everything the service printed. */
  output(): string;
  /** SIGTERM (a clean stop) or SIGKILL (a crash), then wait for the exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export function startInboxService(env: Record<string, string>): Promise<RunningInbox> {
  const child = spawn(process.execPath, [resolve(root, 'src/inbox/main.ts')], {
    cwd: root,
    env: { ...process.env, LOA_BAN_INBOX_HOST: '127.0.0.1', LOA_BAN_INBOX_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return new Promise((done, fail) => {
    const onData = (d: Buffer) => {
      output += d;
      const m = /hop-thu: (http:\/\/\S+)/.exec(output);
      if (m)
        done({
          url: m[1]!,
          child,
          output: () => output,
          stop: async (signal = 'SIGTERM') => {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            await exited;
          },
        });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d: Buffer) => (output += d));
    child.once('exit', (code) => fail(new Error(`the inbox service exited (${code}) before listening:\n${output}`)));
  });
}
