/** npm run build: `astro build`, then, once Astro's process has exited and given its memory back, the after-build
 * steps (PDFs, search index, image budget, service-worker stamp, precompression: src/integrations/build-done.ts),
 * each in a child process. In Astro's process a 20,000-Q&A build peaked at 3.1–3.6 GB; this way, at 1.9 GB (npm run
 * bench). Arguments are passed to `astro build`. This process stays small: it imports only paths.ts, and after Astro
 * build-done.ts, which imports no step. */
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { AFTER_BUILD_APART, buildCacheDir, fromRoot, outDir } from '../src/lib/paths.ts';

const LABEL = '[loa-ban:after-build]';
const time = () => new Date().toTimeString().slice(0, 8);

const code = await new Promise<number>((done) => {
  const astro = spawn(
    process.execPath,
    [fromRoot('node_modules/astro/bin/astro.mjs'), 'build', ...process.argv.slice(2)],
    {
      stdio: 'inherit',
      env: { ...process.env, [AFTER_BUILD_APART]: '1' },
    },
  );
  astro.once('error', (error) => {
    console.error(`${time()} [ERROR] ${LABEL} Không chạy được astro build: ${error.message}`);
    done(1);
  });
  astro.once('close', (exit, signal) => done(exit ?? (signal ? 1 : 0)));
});
if (code !== 0) process.exit(code);

const { afterBuild } = await import('../src/integrations/build-done.ts');
try {
  await afterBuild({
    dir: pathToFileURL(`${outDir}/`),
    cacheDir: buildCacheDir,
    logger: {
      info: (message) => console.log(`${time()} ${LABEL} ${message}`),
      warn: (message) => console.warn(`${time()} [WARN] ${LABEL} ${message}`),
    },
  });
} catch (error) {
  console.error(`${time()} [ERROR] ${LABEL} ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
