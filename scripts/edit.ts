/** `npm run edit`: the editing app on this machine, on the working copy. Starts Decap's local proxy (decap-server) on
 * the git repository and the site's dev server (which serves /bien-tap/ with its generated configuration), then
 * prints the address to open.
 *
 * decap-server's git mode is used by default: each save is a git commit, and the editorial workflow (draft → review
 * → ready) works, each unpublished entry on a branch `cms/<collection>/<slug>` until it is published (merged). As it
 * commits with `git add .`, it refuses a working copy with uncommitted changes. `LOA_BAN_EDIT_MODE=fs` writes files
 * only (no commits, no workflow).
 *
 * Environment: LOA_BAN_EDIT_REPO (the repository, default this project; its content/ is edited),
 * LOA_BAN_EDIT_PORT (default 4321), LOA_BAN_EDIT_PROXY_PORT (default 8081). */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { fromRoot, projectRoot } from '../src/lib/paths.ts';

const repo = resolve(process.env['LOA_BAN_EDIT_REPO'] ?? projectRoot);
const mode = process.env['LOA_BAN_EDIT_MODE'] ?? 'git';
const port = Number(process.env['LOA_BAN_EDIT_PORT'] ?? 4321);
const proxyPort = Number(process.env['LOA_BAN_EDIT_PROXY_PORT'] ?? 8081);
const host = '127.0.0.1';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const git = (...args: string[]) => spawnSync('git', ['-C', repo, ...args], { encoding: 'utf8' });

if (mode !== 'git' && mode !== 'fs') fail(`LOA_BAN_EDIT_MODE="${mode}": chỉ dùng "git" hoặc "fs".`);
if (git('rev-parse', '--is-inside-work-tree').stdout.trim() !== 'true') {
  fail(`${repo} không phải một kho git. Trang biên tập lưu nội dung vào kho git.`);
}
const branch = git('rev-parse', '--abbrev-ref', 'HEAD').stdout.trim();
if (mode === 'git' && git('status', '--porcelain').stdout.trim() !== '') {
  fail(
    `Thư mục ${repo} còn thay đổi chưa lưu vào git (xem "git status").\n` +
      'Trang biên tập lưu mỗi lần bấm "Lưu" thành một commit gồm mọi thay đổi, nên cần bắt đầu từ một bản sạch:\n' +
      'hãy commit hoặc "git stash" các thay đổi, rồi chạy lại "npm run edit".\n' +
      '(Hoặc LOA_BAN_EDIT_MODE=fs npm run edit: chỉ ghi tệp, không commit, không có quy trình duyệt.)',
  );
}

const children: ChildProcess[] = [];
function run(args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, args, { cwd: projectRoot, env: { ...process.env, ...env }, stdio: 'pipe' });
  child.stderr!.pipe(process.stderr);
  child.on('exit', (code) => {
    if (!stopping) fail(`${args[0]} dừng (mã ${code}).`);
  });
  children.push(child);
  return child;
}

let stopping = false;
function stop() {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
}
process.on('SIGINT', () => (stop(), process.exit(0)));
process.on('SIGTERM', () => (stop(), process.exit(0)));
process.on('exit', stop);

/** Resolves when a child prints a line matching `ready`. */
const until = (child: ChildProcess, ready: RegExp, echo: boolean) =>
  new Promise<void>((done) => {
    child.stdout!.on('data', (d: Buffer) => {
      if (echo) process.stdout.write(d);
      if (ready.test(String(d))) done();
    });
  });

/** A free loopback port for decap-server itself, behind the queue below. */
const freePort = () =>
  new Promise<number>((done) => {
    const probe = createServer().listen(0, host, () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => done(port));
    });
  });

/** Passes one request to decap-server and resolves when its answer has been sent on. */
const forward = (req: IncomingMessage, res: ServerResponse, port: number) =>
  new Promise<void>((done) => {
    // Answered, or the browser gave up on it: either way the next request may go.
    res.on('close', done);
    const upstream = request({ host, port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
      answer.on('end', done);
      answer.on('error', done);
    });
    upstream.on('error', (e) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`decap-server: ${e.message}`);
      done();
    });
    req.pipe(upstream);
  });

/** decap-server guards its git work with a lock it gives up on after 3 s ("Request timed out"): on a slow or busy
 * machine a publish (a git merge) holds it longer, and the editor's next request fails. Requests reach it through
 * this queue one at a time, so that lock is never waited on. */
function serialQueue(listenPort: number, targetPort: number): Promise<void> {
  let queue = Promise.resolve();
  const server = createServer((req, res) => {
    queue = queue.then(() => forward(req, res, targetPort));
  });
  return new Promise((done) => server.listen(listenPort, host, () => done()));
}

const decapPort = await freePort();
const proxy = run([fromRoot('node_modules/decap-server/dist/index.js')], {
  MODE: mode,
  PORT: String(decapPort),
  BIND_HOST: host,
  GIT_REPO_DIRECTORY: repo,
  LOG_LEVEL: 'info',
});
const app = run([fromRoot('node_modules/astro/bin/astro.mjs'), 'dev', '--host', host, '--port', String(port)], {
  LOA_BAN_CONTENT: resolve(repo, 'content'),
  LOA_BAN_CMS_LOCAL: `http://${host}:${proxyPort}/api/v1`,
  LOA_BAN_CMS_BRANCH: branch,
  LOA_BAN_CMS_WORKFLOW: mode === 'git' ? '1' : '0',
  // The dev server must not silently move to another port: the address printed below would be wrong.
  LOA_BAN_EDIT: '1',
});
await Promise.all([until(proxy, /Decap CMS .*Proxy Server listening/i, false), until(app, /127\.0\.0\.1:\d+/, false)]);
await serialQueue(proxyPort, decapPort);
console.log(`Trang biên tập: http://${host}:${port}/bien-tap/`);
console.log(
  mode === 'git'
    ? `Mỗi lần lưu là một commit trên nhánh "${branch}" của ${repo} (bản nháp ở nhánh cms/…).`
    : `Lưu thẳng vào tệp trong ${resolve(repo, 'content')} (không commit).`,
);
console.log('Bấm Ctrl+C để dừng.');
