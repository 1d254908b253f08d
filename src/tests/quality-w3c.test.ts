/** Every built page passes the W3C Nu HTML Checker (vnu-jar from npm, on the system's Java), which catches what
 * html-validate does not (a script after </html>, say). Errors: 0. */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { siteDist } from './helpers/paths';
import { builtPages } from './helpers/site-pages';

const vnuJar: string = createRequire(import.meta.url)('vnu-jar');

interface VnuMessage {
  type: string;
  url: string;
  lastLine?: number;
  message: string;
}

function vnu(files: string[]): Promise<{ code: number; messages: VnuMessage[]; raw: string }> {
  return new Promise((done, fail) => {
    // The system Java (Debian default-jre-headless), never a downloaded one.
    const child = spawn('java', ['-Xss4m', '-jar', vnuJar, '--errors-only', '--format', 'json', ...files]);
    let raw = '';
    child.stdout.on('data', (d) => (raw += d));
    child.stderr.on('data', (d) => (raw += d));
    child.on('error', (e) =>
      fail(new Error(`Java not found: install it with \`apt-get install -y default-jre-headless\` (${e.message})`)),
    );
    child.on('close', (code) => {
      try {
        done({ code: code ?? 1, messages: (JSON.parse(raw) as { messages: VnuMessage[] }).messages, raw });
      } catch {
        done({ code: code ?? 1, messages: [], raw });
      }
    });
  });
}

describe('W3C Nu HTML Checker', () => {
  const pages = builtPages(siteDist);
  beforeAll(() => {
    if (pages.length < 10) throw new Error(`only ${pages.length} pages in ${siteDist}: is the build complete?`);
  });

  it('finds no error on any built page', async () => {
    const r = await vnu(pages.map((p) => p.file));
    const errors = r.messages.map(
      (m) => `${relative(siteDist, new URL(m.url).pathname)}:${m.lastLine ?? '?'} ${m.message}`,
    );
    expect(errors).toEqual([]);
    expect(r.code, r.raw).toBe(0);
  });

  it('really reports an error (the checker is not a no-op)', async () => {
    // Outside the shared build, which other test files read at the same time.
    const dir = await mkdtemp(join(tmpdir(), 'loa-ban-vnu-'));
    const broken = join(dir, 'index.html');
    const home = pages.find((p) => p.path === '/')!;
    await writeFile(
      broken,
      (await readFile(home.file, 'utf8')).replace('</html>', '</html><script type="module">1</script>'),
    );
    try {
      const r = await vnu([broken]);
      expect(r.messages.map((m) => m.message).join('\n')).toMatch(/Stray start tag .script./);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
