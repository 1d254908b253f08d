/** The shipped nginx configuration (scripts/deploy/) on a real Debian nginx, serving a copy of the built site on
 * loopback: headers, precompressed responses, MP3 byte ranges, the 404 page, and every page type in Chromium under
 * its CSP with no console errors. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from '../../scripts/lib/browser';
import { startInboxService, type RunningInbox } from '../../scripts/lib/inbox-service';
import { query } from './helpers/inbox';
import { root, siteDist } from './helpers/paths';
import { urls, voiceQuestionUrls } from '../lib/urls';
import { builtFiles, onePerType } from './helpers/site-pages';

const nginxBin = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));
const shipped = join(root, 'scripts/deploy/nginx.conf');
const headersSnippet = join(root, 'scripts/deploy/security-headers.conf');
const editorSnippet = join(root, 'scripts/deploy/editor-headers.conf');

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A raw HTTP request (no automatic decompression, unlike fetch). */
function get(port: number, path: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host: 'loa-ban.example', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', fail);
    req.end();
  });
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const srv = createServer();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => done(port));
    });
  });
}

/** The shipped server config, with only what a test machine must change: ports, TLS (no certificate here), the site
 * folder and the snippet path. Each substitution must apply, so a reshaped config fails here instead of going
 * untested. */
function localConfig(
  conf: string,
  opts: {
    httpPort: number;
    mainPort: number;
    site: string;
    snippet: string;
    editorSnippet: string;
    inboxPort: number;
  },
): string {
  const swaps: [RegExp, string][] = [
    [/^\s*listen 80;$/m, `    listen 127.0.0.1:${opts.httpPort};`],
    [/^\s*listen \[::\]:80;\n/m, ''],
    [/^\s*listen 443 ssl http2;$/m, `    listen 127.0.0.1:${opts.mainPort};`],
    [/^\s*listen \[::\]:443 ssl http2;\n/m, ''],
    [/^\s*ssl_certificate\s+\S+;\n/m, ''],
    [/^\s*ssl_certificate_key\s+\S+;\n/m, ''],
    [/^\s*ssl_protocols [^;]+;\n/m, ''],
    [/^(\s*)root \/var\/www\/loa-ban;$/m, `$1root ${opts.site};`],
    [/^(\s*)include \/etc\/nginx\/snippets\/loa-ban-security-headers\.conf;$/m, `$1include ${opts.snippet};`],
    [/^(\s*)include \/etc\/nginx\/snippets\/loa-ban-editor-headers\.conf;$/m, `$1include ${opts.editorSnippet};`],
    [/proxy_pass http:\/\/127\.0\.0\.1:8787;/g, `proxy_pass http://127.0.0.1:${opts.inboxPort};`],
  ];
  let out = conf;
  for (const [pattern, replacement] of swaps) {
    if (!pattern.test(out)) throw new Error(`scripts/deploy/nginx.conf no longer contains ${pattern}; update the test`);
    out = out.replace(pattern, replacement);
  }
  return out;
}

describe.runIf(nginxBin)('nginx with scripts/deploy/nginx.conf', () => {
  let work = '';
  let site = '';
  let port = 0;
  let httpPort = 0;
  let nginx: ChildProcess | undefined;
  let nginxLog = '';
  let mp3Path = '';
  let inbox: RunningInbox | undefined;

  beforeAll(async () => {
    if (onePerType(siteDist).length < 5) throw new Error(`${siteDist} holds too few pages: is the build complete?`);
    work = await mkdtemp(join(tmpdir(), 'loa-ban-nginx-'));
    // Workers run as an unprivileged user when the test runs as root: the folders must be readable by them.
    await chmod(work, 0o755);
    site = join(work, 'site');
    // A copy of the real build as it came out, byte for byte: the build's own .gz files and recordings are what is
    // served (nginx's workers run unprivileged and need a folder they can read).
    await cp(siteDist, site, { recursive: true });
    const mp3 = builtFiles(site).find((f) => f.endsWith('.mp3'));
    if (!mp3) throw new Error(`${siteDist} holds no recording`);
    mp3Path = `/${mp3}`;

    [port, httpPort] = [await freePort(), await freePort()];
    // The real inbox service behind the shipped proxy locations; a small burst so the rate limit shows quickly.
    inbox = await startInboxService({ LOA_BAN_INBOX_DB: join(work, 'hop-thu.sqlite'), LOA_BAN_INBOX_RATE_BURST: '3' });
    const server = localConfig(await readFile(shipped, 'utf8'), {
      httpPort,
      mainPort: port,
      site,
      snippet: headersSnippet,
      editorSnippet,
      inboxPort: Number(new URL(inbox.url).port),
    });
    await writeFile(join(work, 'site.conf'), server);
    const main = [
      'worker_processes 1;',
      `pid ${work}/nginx.pid;`,
      `error_log ${work}/error.log warn;`,
      'daemon off;',
      'events { worker_connections 128; }',
      'http {',
      '  access_log off;',
      '  sendfile on;',
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${work}/${t};`),
      `  include ${work}/site.conf;`,
      '}',
    ].join('\n');
    await writeFile(join(work, 'nginx.conf'), main);

    const check = spawnSync(
      nginxBin!,
      ['-t', '-p', work, '-e', join(work, 'error.log'), '-c', join(work, 'nginx.conf')],
      { encoding: 'utf8' },
    );
    if (check.status !== 0) throw new Error(`nginx -t failed:\n${check.stderr}`);

    nginx = spawn(nginxBin!, ['-p', work, '-e', join(work, 'error.log'), '-c', join(work, 'nginx.conf')], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    nginx.stderr!.on('data', (d) => (nginxLog += d));
    for (let i = 0; ; i++) {
      try {
        await get(port, '/');
        break;
      } catch (e) {
        if (i > 100 || nginx.exitCode !== null)
          throw new Error(`nginx did not start: ${String(e)}\n${nginxLog}`, { cause: e });
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  });

  afterAll(async () => {
    await inbox?.stop();
    if (nginx && nginx.exitCode === null) {
      nginx.kill('SIGQUIT');
      await new Promise((r) => nginx!.once('exit', r));
    }
    if (work) await rm(work, { recursive: true, force: true });
  });

  const expectSecurityHeaders = (r: Reply, what: string) => {
    expect(r.headers['strict-transport-security'], what).toMatch(/max-age=\d{8,}/);
    expect(r.headers['x-content-type-options'], what).toBe('nosniff');
    expect(r.headers['referrer-policy'], what).toBe('strict-origin-when-cross-origin');
    // The microphone only on the voice-question page; nothing else may ask for it.
    expect(r.headers['permissions-policy'], what).toBe(
      `camera=(), microphone=${what.startsWith(voiceQuestionUrls.page) ? '(self)' : '()'}, geolocation=(), payment=(), usb=()`,
    );
    // Only the editing app may open a git host's login pop-up.
    expect(r.headers['cross-origin-opener-policy'], what).toBe('same-origin');
    expect(r.headers['content-security-policy'], what).toMatch(/frame-ancestors 'none'/);
    expect(r.headers['x-frame-options'], what).toBe('DENY');
    expect(r.headers['server'], what).toBe('nginx');
  };

  it('sends the security headers and short caching on every page type, as UTF-8 HTML', async () => {
    const pages = onePerType(siteDist);
    expect(pages.length).toBeGreaterThan(5);
    for (const page of pages.filter((p) => p.path !== '/404.html')) {
      const r = await get(port, page.path);
      expect(r.status, page.path).toBe(200);
      expectSecurityHeaders(r, page.path);
      expect(r.headers['content-type'], page.path).toBe('text/html; charset=utf-8');
      expect(r.headers['cache-control'], page.path).toBe('public, max-age=300');
    }
  });

  it('caches hashed /_astro/ assets for a year as immutable, the search index briefly, other files for an hour', async () => {
    const asset = builtFiles(site).find((f) => f.startsWith('_astro/') && !/\.(gz|br)$/.test(f));
    expect(asset, 'a hashed asset in /_astro/').toBeDefined();
    const a = await get(port, `/${asset}`);
    expect(a.status).toBe(200);
    expect(a.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expectSecurityHeaders(a, asset!);

    const pagefind = builtFiles(site).find((f) => f.startsWith('pagefind/') && f.endsWith('.js'));
    if (pagefind) expect((await get(port, `/${pagefind}`)).headers['cache-control']).toBe('public, max-age=300');

    if (existsSync(join(site, 'sw.js'))) expect((await get(port, '/sw.js')).headers['cache-control']).toBe('no-cache');
    expect((await get(port, '/_headers')).status).toBe(404);

    const robots = await get(port, '/robots.txt');
    expect(robots.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(robots.headers['cache-control']).toBe('public, max-age=3600');
    expect((await get(port, '/sitemap-index.xml')).headers['content-type']).toMatch(/^text\/xml/);
  });

  it('serves the precompressed .gz file for gzip clients, and the plain file to others', async () => {
    for (const path of [
      '/',
      '/hoi-dap/',
      '/sitemap-0.xml',
      '/sw.js',
      `/${builtFiles(site).find((f) => f.endsWith('.css'))!}`,
    ]) {
      const file = path.endsWith('/') ? join(site, path, 'index.html') : join(site, path);
      expect(existsSync(`${file}.gz`), `the build wrote ${path}.gz`).toBe(true);
      const zipped = await get(port, path, { 'accept-encoding': 'gzip' });
      expect(zipped.status, path).toBe(200);
      expect(zipped.headers['content-encoding'], path).toBe('gzip');
      expect(zipped.headers['vary'], path).toMatch(/Accept-Encoding/i);
      // Byte for byte the file written at build: gzip_static, not on-the-fly compression.
      expect(zipped.body.equals(readFileSync(`${file}.gz`)), path).toBe(true);
      const plain = await get(port, path);
      expect(plain.headers['content-encoding'], path).toBeUndefined();
      expect(plain.body.equals(readFileSync(file)), path).toBe(true);
    }
  });

  it('answers MP3 byte ranges with 206 and audio/mpeg, never gzipped', async () => {
    const size = readFileSync(join(site, mp3Path)).length;
    const full = await get(port, mp3Path, { 'accept-encoding': 'gzip' });
    expect(full.status).toBe(200);
    expect(full.headers['content-type']).toBe('audio/mpeg');
    expect(full.headers['accept-ranges']).toBe('bytes');
    expect(full.headers['content-encoding']).toBeUndefined();
    const part = await get(port, mp3Path, { range: 'bytes=100-1123', 'accept-encoding': 'gzip' });
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 100-1123/${size}`);
    expect(part.body.length).toBe(1024);
    expect(part.body.equals(readFileSync(join(site, mp3Path)).subarray(100, 1124))).toBe(true);
    const tail = await get(port, mp3Path, { range: `bytes=${size}-` });
    expect(tail.status).toBe(416);
  });

  it('answers a missing page with the site 404 page and status 404, headers included', async () => {
    for (const path of ['/khong-co-trang-nay/', '/hoi-dap/khong-co/', '/.git/config', '/404.html']) {
      const r = await get(port, path);
      expect(r.status, path).toBe(404);
      expect(r.body.toString('utf8'), path).toBe(readFileSync(join(site, '404.html'), 'utf8'));
      expectSecurityHeaders(r, path);
    }
  });

  it('redirects a page URL without its trailing slash with a relative Location, and plain HTTP to HTTPS', async () => {
    const r = await get(port, '/hoi-dap');
    expect(r.status).toBe(301);
    expect(r.headers['location']).toBe('/hoi-dap/');
    const http = await get(httpPort, '/hoi-dap/?q=1');
    expect(http.status).toBe(301);
    expect(http.headers['location']).toBe('https://loa-ban.example/hoi-dap/?q=1');
  });

  it('sends the editing app its own headers: microphone, login pop-up, the CSP Decap runs under, noindex', async () => {
    for (const path of ['/bien-tap/', '/bien-tap/ghi-am/', '/bien-tap/decap-cms.js', '/bien-tap/config.yml']) {
      const r = await get(port, path);
      expect(r.status, path).toBe(200);
      expect(r.headers['permissions-policy'], path).toBe(
        'camera=(), microphone=(self), geolocation=(), payment=(), usb=()',
      );
      expect(r.headers['cross-origin-opener-policy'], path).toBe('same-origin-allow-popups');
      expect(r.headers['content-security-policy'], path).toMatch(/script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval';/);
      expect(r.headers['content-security-policy'], path).toMatch(/frame-ancestors 'none'/);
      expect(r.headers['x-robots-tag'], path).toBe('noindex, nofollow');
      expect(r.headers['strict-transport-security'], path).toMatch(/max-age=\d{8,}/);
      expect(r.headers['x-frame-options'], path).toBe('DENY');
    }
    const bundle = await get(port, '/bien-tap/decap-cms.js', { 'accept-encoding': 'gzip' });
    expect(bundle.headers['content-encoding']).toBe('gzip');
    // The worklist is an Astro page: the app's headers, plus its own strict <meta> policy.
    expect((await get(port, '/bien-tap/viec-can-lam/')).body.toString()).toMatch(
      /http-equiv="content-security-policy"/,
    );
  });

  describe('in Chromium with a (fake) microphone', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launch({ args: ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'] });
    });
    afterAll(async () => {
      await browser?.close();
    });
    const microphone = (tab: import('playwright-core').Page) =>
      tab.evaluate(() =>
        navigator.mediaDevices.getUserMedia({ audio: true }).then(
          (s) => (s.getTracks().forEach((t) => t.stop()), 'granted'),
          (e: Error) => e.name,
        ),
      );

    it('the phone recorder and the voice-question page may use the microphone; content pages may not', async () => {
      const tab = await browser.newPage();
      for (const path of ['/bien-tap/ghi-am/', voiceQuestionUrls.page]) {
        await tab.goto(`http://127.0.0.1:${port}${path}`);
        expect(await microphone(tab), path).toBe('granted');
      }
      for (const path of [urls.home(), urls.search(), urls.qaIndex()]) {
        await tab.goto(`http://127.0.0.1:${port}${path}`);
        expect(await microphone(tab), path).toBe('NotAllowedError');
      }
      await tab.close();
    });

    it('the editing app starts under its CSP: no violation, no script error, the login screen in Vietnamese', async () => {
      const tab = await browser.newPage();
      const problems: string[] = [];
      tab.on('console', (m) => {
        if (m.type() === 'error') problems.push(m.text());
      });
      tab.on('pageerror', (e) => problems.push(String(e)));
      await tab.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) =>
          console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
        );
      });
      for (const path of ['/bien-tap/', '/bien-tap/ghi-am/']) {
        await tab.goto(`http://127.0.0.1:${port}${path}`, { waitUntil: 'networkidle' });
      }
      await tab.goto(`http://127.0.0.1:${port}/bien-tap/`, { waitUntil: 'networkidle' });
      const login = await tab
        .getByRole('button', { name: /Đăng nhập/ })
        .waitFor({ timeout: 20_000 })
        .then(
          () => 'shown',
          async () => `no login button; the page says: ${(await tab.locator('body').innerText()).slice(0, 300)}`,
        );
      expect({ login, problems }).toEqual({ login: 'shown', problems: [] });
      await tab.close();
    });
  });

  it('proxies /api/ and /bien-tap/hop-thu/ to the inbox, setting X-Real-IP itself, without caching', async () => {
    const send = (spoofed: string, body: string) =>
      new Promise<Reply>((done, fail) => {
        const req = request(
          {
            host: '127.0.0.1',
            port,
            path: '/api/cau-hoi/',
            method: 'POST',
            headers: {
              host: 'loa-ban.example',
              'content-type': 'application/x-www-form-urlencoded',
              'content-length': Buffer.byteLength(body),
              // A client cannot pick its own address: nginx replaces the header with the peer's.
              'x-real-ip': spoofed,
            },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () =>
              done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
            );
          },
        );
        req.on('error', fail);
        req.end(body);
      });
    const replies = [];
    for (let i = 0; i < 5; i++)
      replies.push(await send(`10.0.0.${i}`, `question=${encodeURIComponent(`Qua nginx ${i}`)}`));
    expect(replies.map((r) => r.status)).toEqual([303, 303, 303, 429, 429]);
    const status = await get(port, String(replies[0]!.headers['location']));
    expect(status.status).toBe(200);
    expect(status.body.toString('utf8')).toContain('đã nhận');
    expect(status.headers['cache-control']).toBe('no-store');
    expectSecurityHeaders(status, 'status page');
    expect(
      query(join(work, 'hop-thu.sqlite'), "SELECT count(*) AS n FROM submissions WHERE question LIKE 'Qua nginx %'"),
    ).toEqual([{ n: 3 }]);
    const editors = await get(port, '/bien-tap/hop-thu/');
    expect(editors.status).toBe(303);
    expect(editors.headers['location']).toBe('/bien-tap/hop-thu/dang-nhap');
    expect((await get(port, '/bien-tap/hop-thu/dang-nhap')).headers['cache-control']).toBe('no-store');
  });

  describe('in Chromium', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launch();
    });
    afterAll(async () => {
      await browser?.close();
    });

    // One test per page type: each loads a page, runs its search or player, and stays well inside the time limit.
    it.each(onePerType(siteDist).map((p) => [p.path, p] as const))(
      '%s runs under its CSP with no console errors or CSP violations',
      async (_, page) => {
        const context = await browser.newContext();
        const tab = await context.newPage();
        const problems: string[] = [];
        tab.on('console', (m) => {
          // The 404 page's own load is a 404 by design; Chromium logs it as a resource error.
          if (m.type() === 'error' && !(page.path === '/404.html' && /status of 404/.test(m.text())))
            problems.push(m.text());
        });
        tab.on('pageerror', (e) => problems.push(String(e)));
        await tab.addInitScript(() => {
          document.addEventListener('securitypolicyviolation', (e) =>
            console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
          );
        });
        const path =
          page.path === '/404.html'
            ? '/khong-co-trang-nay/'
            : page.path === urls.search()
              ? `${page.path}?q=dieu+tra`
              : page.path;
        await tab.goto(`http://127.0.0.1:${port}${path}`, { waitUntil: 'networkidle' });
        if (page.path === urls.search()) {
          // A real search: Pagefind's WebAssembly, index fetches and worker must all run under the CSP and headers.
          const hit = await tab
            .locator('main a[href^="/hoi-dap/"]')
            .first()
            .waitFor({ timeout: 30_000 })
            .then(
              () => true,
              () => false,
            );
          if (!hit) problems.push('a search for "dieu tra" showed no Q&A result');
        }
        if (await tab.locator('audio').count()) {
          // The recording loads under media-src and nginx's range answers: its length must become known.
          const duration = await tab
            .locator('audio')
            .first()
            .evaluate(
              (a: HTMLAudioElement) =>
                new Promise<number>((done) => {
                  if (a.readyState >= 1) return done(a.duration);
                  a.addEventListener('loadedmetadata', () => done(a.duration), { once: true });
                  a.addEventListener('error', () => done(-1), { once: true });
                  a.preload = 'metadata';
                  a.load();
                  setTimeout(() => done(0), 30_000);
                }),
            );
          if (!(duration > 0)) problems.push(`the <audio> did not load (duration ${duration})`);
        }
        const csp = await tab.locator('meta[http-equiv="content-security-policy"]').count();
        if (csp !== 1) problems.push(`expected one CSP <meta>, found ${csp}`);
        await context.close();
        expect(problems).toEqual([]);
      },
    );

    it('the CSP really blocks injected inline script and style (it is not a no-op)', async () => {
      const tab = await browser.newPage();
      const violations: string[] = [];
      tab.on('console', (m) => violations.push(m.text()));
      await tab.goto(`http://127.0.0.1:${port}/`);
      const ran = await tab.evaluate(async () => {
        document.addEventListener('securitypolicyviolation', (e) => console.log(`violation ${e.violatedDirective}`));
        const s = document.createElement('script');
        s.textContent = 'window.__injected = true';
        document.body.append(s);
        const p = document.createElement('p');
        p.setAttribute('style', 'color: red');
        p.textContent = 'x';
        document.body.append(p);
        await new Promise((r) => setTimeout(r, 200));
        return {
          script: (window as unknown as { __injected?: boolean }).__injected === true,
          color: getComputedStyle(p).color,
        };
      });
      expect(ran.script).toBe(false);
      expect(ran.color).not.toBe('rgb(255, 0, 0)');
      expect(violations.join('\n')).toMatch(/violation script-src/);
      await tab.close();
    });
  });
});

describe('scripts/deploy/nginx.conf', () => {
  it('is found by the test (nginx is installed by .ci/run)', () => {
    expect(nginxBin, 'nginx binary (apt-get install nginx)').toBeDefined();
  });

  /** The nginx snippet's headers, with a value taken from a map in nginx.conf resolved for `path`. */
  const nginxHeaders = (snippet: string, path: string) => {
    const maps = new Map(
      [...readFileSync(shipped, 'utf8').matchAll(/^map \$uri \$(\w+) \{\n([^}]+)\}/gm)].map((m) => [
        m[1]!,
        [...m[2]!.matchAll(/^\s*(~\S+|default)\s+"([^"]*)";/gm)].map((e) => [e[1]!, e[2]!] as const),
      ]),
    );
    const resolve = (name: string) => {
      const entries = maps.get(name) ?? [];
      const hit = entries.find(([k]) => k !== 'default' && new RegExp(k.slice(1)).test(path));
      return (hit ?? entries.find(([k]) => k === 'default'))?.[1];
    };
    return new Map(
      [...readFileSync(snippet, 'utf8').matchAll(/^add_header ([\w-]+) (?:"([^"]+)"|\$(\w+)) always;$/gm)].map((m) => [
        m[1]!,
        m[2] ?? resolve(m[3]!) ?? `unresolved $${m[3]}`,
      ]),
    );
  };
  /** What a CDN host sends for a path: the site-wide rule, less what a more specific rule detaches ("! Name"), plus
   * that rule's own headers. */
  const cdnHeaders = (rule?: string) => {
    const headersFile = readFileSync(join(root, 'public/_headers'), 'utf8');
    const block = (path: string) =>
      (new RegExp(`^${path.replace(/[*/]/g, '\\$&')}\\n((?:[ \\t]+.+\\n?)+)`, 'm').exec(headersFile)?.[1] ?? '')
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
    const effective = new Map<string, string>();
    for (const line of [...block('/*'), ...(rule ? block(rule) : [])]) {
      if (line.startsWith('! ')) effective.delete(line.slice(2));
      else effective.set(line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim());
    }
    return effective;
  };

  it('public/_headers for CDN hosts sends exactly the security headers nginx sends, the voice page included', () => {
    const fromNginx = nginxHeaders(headersSnippet, '/hoi-dap/');
    expect(fromNginx.size).toBeGreaterThanOrEqual(6);
    expect(fromNginx.get('Permissions-Policy')).toMatch(/microphone=\(\)/);
    expect(Object.fromEntries(cdnHeaders())).toEqual(Object.fromEntries(fromNginx));
    const voice = nginxHeaders(headersSnippet, `${voiceQuestionUrls.page}index.html`);
    expect(voice.get('Permissions-Policy')).toMatch(/microphone=\(self\)/);
    expect(Object.fromEntries(cdnHeaders(`${voiceQuestionUrls.page}*`))).toEqual(Object.fromEntries(voice));
    expect(readFileSync(join(root, 'public/_headers'), 'utf8')).toMatch(
      /^\/_astro\/\*\n\s+Cache-Control: public, max-age=31536000, immutable$/m,
    );
  });

  it('public/_headers gives /bien-tap/ exactly the headers editor-headers.conf gives it on nginx', () => {
    const fromNginx = nginxHeaders(editorSnippet, '/bien-tap/');
    expect(fromNginx.get('Permissions-Policy')).toMatch(/microphone=\(self\)/);
    expect(Object.fromEntries(cdnHeaders('/bien-tap/*'))).toEqual(Object.fromEntries(fromNginx));
  });
});
