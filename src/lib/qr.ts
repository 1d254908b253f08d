/** QR codes for printed material, made at build time as inline SVG (no image requests, no client code).
 * The URLs they carry are printed on paper that stays on notice boards for years, so they are always absolute,
 * built from the configured site URL, and never point at a developer's machine. */
import { Worker } from 'node:worker_threads';
import { fromRoot } from './paths';
import { isLocalSite } from './site-url';

/**
 * The absolute URL a QR code for `path` carries. Throws when no site URL is configured, or, in a built site (any
 * `astro build`, not only a production one: a test build's PDFs get printed too), when it names a local host
 * (SITE_URL=http://localhost:4321 left over from development). `astro dev` may show local codes.
 */
export function qrTarget(path: string, site: URL | string | undefined, built: boolean): string {
  if (!site) {
    throw new Error('Chưa đặt địa chỉ trang (SITE_URL): mã QR in trên giấy cần địa chỉ đầy đủ của trang.');
  }
  if (built && isLocalSite(site)) {
    throw new Error(
      `SITE_URL đang là "${new URL(site).origin}", một địa chỉ chỉ mở được trên máy dựng trang. ` +
        'Đặt SITE_URL bằng địa chỉ thật của trang trước khi dựng bản in, nếu không mã QR in ra sẽ không dùng được.',
    );
  }
  return new URL(path, site).href;
}

/** The address as a person types it from paper: no "https://", which every browser adds by itself. */
export function shortUrl(absolute: string): string {
  return absolute.replace(/^https:\/\//, '');
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export interface QrOptions {
  /** Accessible name of the image, e.g. "Mã QR: loa-ban.example/hoi-dap/…". */
  label: string;
  /** Class on the <svg>, which sets its printed size. */
  className?: string;
}

/** The thread that makes the codes (qr-worker.ts), started on first use. It holds the process open only while a code
 * is awaited, so a build ends when its pages do. */
let maker: { worker: Worker; waiting: Map<number, (reply: { svg?: string; error?: string }) => void> } | undefined;
let asked = 0;

function codeOf(text: string): Promise<string> {
  if (!maker) {
    const worker = new Worker(fromRoot('src/lib/qr-worker.ts'));
    const waiting = new Map<number, (reply: { svg?: string; error?: string }) => void>();
    worker.on('message', ({ id, ...reply }: { id: number; svg?: string; error?: string }) => {
      waiting.get(id)?.(reply);
      waiting.delete(id);
      if (waiting.size === 0) worker.unref();
    });
    worker.on('error', (error: Error) => {
      for (const answer of waiting.values()) answer({ error: error.message });
      maker = undefined;
    });
    maker = { worker, waiting };
  }
  const { worker, waiting } = maker;
  const id = asked++;
  worker.ref();
  worker.postMessage({ id, text });
  return new Promise((resolve, reject) =>
    waiting.set(id, ({ svg, error }) =>
      svg === undefined ? reject(new Error(`Không tạo được mã QR cho "${text}": ${error}`)) : resolve(svg),
    ),
  );
}

/**
 * An SVG QR code for `text`: level M error correction (about 15% of the code may be torn or stained and it still
 * scans) and the four-module quiet zone the standard requires, so it scans even when printed next to text. Made on a
 * thread of its own (qr-worker.ts): a booklet's codes are made while its answers render.
 */
export async function qrSvg(text: string, { label, className = 'qr' }: QrOptions): Promise<string> {
  const svg = await codeOf(text);
  return svg
    .trim()
    .replace('<svg ', `<svg class="${escapeAttr(className)}" role="img" aria-label="${escapeAttr(label)}" `);
}
