/** The system Chromium, for the build (PDFs of the print pages), tests and benchmarks: we never download a browser. */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

const systemPaths = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** CHROME_PATH when it is set (then it is the only choice, so pointing it nowhere turns the browser off), else the
 * first Chromium found in the usual Debian and Ubuntu places. */
export function chromePath(): string {
  const chosen = process.env['CHROME_PATH'];
  const found = chosen ? (existsSync(chosen) ? chosen : undefined) : systemPaths.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      chosen
        ? `CHROME_PATH="${chosen}" không phải là tệp có thật.`
        : 'Không tìm thấy Chromium. Cài bằng `apt-get install -y chromium` (Debian) hoặc đặt CHROME_PATH là đường dẫn tới Chrome/Chromium.',
    );
  }
  return found;
}

/** Flags this closed network needs: without them Chromium keeps trying to reach Google's services. */
export const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-quic',
  '--no-first-run',
];

/** Headless system Chromium; `args` adds flags (e.g. a fake microphone). */
export function launch(options: Omit<LaunchOptions, 'executablePath' | 'headless'> = {}): Promise<Browser> {
  return chromium.launch({
    ...options,
    executablePath: chromePath(),
    headless: true,
    args: [...CHROME_ARGS, ...(options.args ?? [])],
  });
}
