import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.rss': 'application/rss+xml',
  '.svg': 'image/svg+xml',
  '.mp3': 'audio/mpeg',
  '.txt': 'text/plain; charset=utf-8',
  '.vtt': 'text/vtt',
  '.wasm': 'application/wasm',
  '.zip': 'application/zip',
  '.m3u': 'audio/x-mpegurl',
  '.webmanifest': 'application/manifest+json',
  '.avif': 'image/avif',
  '.webp': 'image/webp',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.csv': 'text/csv',
};

export interface StaticServer {
  url: string;
  close: () => Promise<void>;
}

/** Paths starting with one of `prefixes` go to the service at `target`, as nginx.conf proxies /api/ and
 * /bien-tap/hop-thu/ to the inbox: body streamed through, X-Real-IP set to the peer. */
export interface Proxy {
  prefixes: readonly string[];
  /** The service's base URL, read per request (a restarted service may get another port). */
  target: () => string;
}

function forward(req: IncomingMessage, res: ServerResponse, target: string) {
  const upstream = request(
    new URL(req.url ?? '/', target),
    { method: req.method, headers: { ...req.headers, 'x-real-ip': req.socket.remoteAddress ?? '' } },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('502 Bad Gateway');
  });
  req.pipe(upstream);
}

/** A minimal static server on loopback for browser tests (the nginx test checks the real server config). */
export async function serve(dir: string, proxy?: Proxy): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    if (proxy && proxy.prefixes.some((p) => (req.url ?? '').startsWith(p))) return forward(req, res, proxy.target());
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(dir, path));
    if (!file.startsWith(dir)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404, { 'content-type': types['.html']! });
      return void createReadStream(join(dir, '404.html')).pipe(res);
    }
    // Like nginx's gzip_static: send the precompressed twin the client accepts, so byte counts match production.
    const accepts = String(req.headers['accept-encoding'] ?? '');
    const encoding = ['br', 'gzip'].find(
      (e) => accepts.includes(e) && existsSync(`${file}.${e === 'br' ? 'br' : 'gz'}`),
    );
    const body = encoding ? `${file}.${encoding === 'br' ? 'br' : 'gz'}` : file;
    res.writeHead(200, {
      'content-type': types[extname(file)] ?? 'application/octet-stream',
      'content-length': statSync(body).size,
      ...(encoding ? { 'content-encoding': encoding, vary: 'accept-encoding' } : {}),
    });
    createReadStream(body).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => server.close(() => ok())) };
}
