import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { basename } from 'node:path';

export interface KiwixServer {
  /** http://127.0.0.1:<port> */
  url: string;
  /** The book's name in kiwix-serve's URLs: the file name without .zim. */
  book: string;
  close: () => Promise<void>;
}

/** A free TCP port on loopback. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as { port: number };
  await new Promise((ok) => server.close(ok));
  return port;
}

/** Debian's kiwix-serve on 127.0.0.1, serving one ZIM file as a commune PC would on its own network. */
export async function kiwixServe(zim: string): Promise<KiwixServer> {
  const port = await freePort();
  const child = spawn('kiwix-serve', ['--address=127.0.0.1', `--port=${port}`, zim], { stdio: 'pipe' });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<void>((ok) => child.on('exit', () => ok()));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${url}/catalog/v2/entries`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (child.exitCode !== null || i > 100) {
      child.kill();
      throw new Error(`kiwix-serve did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    book: basename(zim, '.zim'),
    close: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
