/**
 * npm run offline: the whole built site as one file for Kiwix, for places with no signal at all (a commune cultural
 * house, a school, a border post with a shared PC, a phone handed the file over Bluetooth or Zalo).
 *
 * Run it after `npm run build`, on the same output folder (LOA_BAN_OUT, default dist/). It:
 * 1. copies the built site into a staging folder as src/lib/offline-copy.ts says: relative links ending in
 *    index.html, no CSP (kiwix-serve's toolbar must run), no service worker, the site's own search kept, a notice
 *    "offline copy made on …" on every page, the 32 kbit/s phone copies of the recordings and not the originals
 *    (`--originals` keeps them, and the stations' ZIP bundles);
 * 2. packs it with Debian's zim-tools (zimwriterfs: title, description, language, creator, publisher, name, date, a
 *    48×48 PNG illustration, the home page as main page, and Kiwix's full-text index) into
 *    <out>/ngoai-tuyen/loa-ban-<lang>-<yyyy-mm>.zim (…-ban-goc-… with --originals), replacing the earlier copy there;
 * 3. writes the file's link, size and date into the pages that offer it (/ngoai-tuyen/ and /dai-truyen-thanh/),
 *    with their .br/.gz, and re-stamps the service worker so residents get the new pages.
 * Deploy the output folder after this command, not before.
 *
 * Needs zimwriterfs (`apt-get install -y zim-tools`). Options: --originals.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import yaml from 'js-yaml';
import sharp from 'sharp';
import { stampServiceWorker } from '../src/integrations/service-worker.ts';
import { builtFiles } from '../src/lib/built-files.ts';
import { formatBytes, formatDate } from '../src/lib/format.ts';
import { issuerName } from '../src/lib/issuer.ts';
import {
  copyPage,
  keepInCopy,
  withZimBlock,
  zimBlock,
  type CopyStrings,
  type Target,
} from '../src/lib/offline-copy.ts';
import { contentDir, cacheDir, fromRoot, shownPath } from '../src/lib/paths.ts';
import { precompress } from '../src/lib/precompress.ts';
import { offlineCopyUrl } from '../src/lib/urls.ts';

const run = promisify(execFile);

/** ISO 639-3 codes Kiwix wants for the site languages the <html lang> may name. */
const ISO_639_3: Record<string, string> = { vi: 'vie' };
/** Kiwix's limits for the metadata it shows in its library. */
const TITLE_MAX = 30;
const DESCRIPTION_MAX = 80;
/** Past this a file is slow to pass over Bluetooth and too big for Zalo. */
const SIZE_WARNING = 50_000_000;
/** Files copied or transformed at once. */
const BATCH = 32;

const fail = (message: string): never => {
  console.error(`\n${message}\n`);
  process.exit(1);
};

const { values: options } = parseArgs({
  options: { originals: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
});
if (options.help) {
  console.log('npm run offline [-- --originals]: the built site as one ZIM file for Kiwix (see scripts/offline.ts).');
  process.exit(0);
}

const started = performance.now();
const dist = fromRoot(process.env['LOA_BAN_OUT'] ?? 'dist');
const homeFile = join(dist, 'index.html');
if (!existsSync(homeFile)) fail(`Chưa có bản dựng ở ${shownPath(dist)}: chạy npm run build trước.`);
await run('zimwriterfs', ['--version']).catch(() =>
  fail('Không tìm thấy zimwriterfs. Cài bộ công cụ ZIM: apt-get install -y zim-tools'),
);

// What the copy says about itself: from the settings the site was built with, and the built home page.
const settings = ((yaml.load(await readFile(join(contentDir, 'settings.yaml'), 'utf8')) as { site?: object })?.site ??
  {}) as { siteName?: string; issuer?: string; province?: string };
if (!settings.siteName) fail(`${shownPath(join(contentDir, 'settings.yaml'))}: thiếu "siteName".`);
const siteName = settings.siteName!;
const strings = JSON.parse(await readFile(fromRoot('src/i18n/vi.json'), 'utf8')) as Record<string, string>;
const home = await readFile(homeFile, 'utf8');
const lang = /<html lang="([^"]+)"/.exec(home)?.[1] ?? 'vi';
const language = ISO_639_3[lang] ?? fail(`Chưa biết mã ISO 639-3 của ngôn ngữ "${lang}" cho Kiwix.`);
const siteUrl = /<link rel="canonical" href="([^"]+)"/.exec(home)?.[1] ?? '';
const made = new Date();
const month = made.toISOString().slice(0, 7);
const flavour = options.originals ? 'ban-goc-' : '';
const fileName = `loa-ban-${lang}-${flavour}${month}.zim`;
const slug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

// 1. The staging folder: the files the copy keeps, pages made to work from the file.
const stage = join(cacheDir, 'offline-copy', String(process.pid));
await rm(stage, { recursive: true, force: true });
await mkdir(stage, { recursive: true });
const files = (await builtFiles(dist, /./))
  .map((file) => relative(dist, file).split(sep).join('/'))
  .filter((file) => keepInCopy(file, { originals: options.originals! }));
const kept = new Set(files);
const target = (path: string): Target => {
  const file = path.replace(/^\//, '');
  if (file === '' || file.endsWith('/')) return kept.has(`${file}index.html`) ? 'page' : undefined;
  if (kept.has(file)) return 'file';
  return kept.has(`${file}/index.html`) ? 'page' : undefined;
};
const notice = strings['offlineCopy.notice']!.replace('{date}', formatDate(made)).replace(
  '{site}',
  siteUrl.replace(/^https?:\/\//, '').replace(/\/$/, ''),
);
let pages = 0;
for (let i = 0; i < files.length; i += BATCH) {
  await Promise.all(
    files.slice(i, i + BATCH).map(async (file) => {
      const to = join(stage, file);
      await mkdir(dirname(to), { recursive: true });
      if (!file.endsWith('.html')) return copyFile(join(dist, file), to);
      pages += 1;
      const html = await readFile(join(dist, file), 'utf8');
      return writeFile(to, copyPage(html, { file, target, notice }));
    }),
  );
}
const illustration = 'loa-ban-48x48.png';
await sharp(join(dist, 'favicon.svg'), { density: 300 }).resize(48, 48).png().toFile(join(stage, illustration));

// 2. The ZIM file, written beside the offline page once it is complete.
const issuer = issuerName(settings as { siteName: string; issuer?: string });
const title = siteName.length <= TITLE_MAX ? siteName : siteName.slice(0, TITLE_MAX);
const description = strings['site.tagline']!.slice(0, DESCRIPTION_MAX);
const outDir = join(dist, offlineCopyUrl('').slice(1));
const partial = join(stage, '..', `${process.pid}-${fileName}`);
await rm(partial, { force: true });
try {
  await run(
    'zimwriterfs',
    [
      `--welcome=index.html`,
      `--illustration=${illustration}`,
      `--language=${language}`,
      `--title=${title}`,
      `--description=${description}`,
      `--creator=${issuer}`,
      `--publisher=${issuer}`,
      `--name=loa-ban_${lang}_${slug(settings.province ?? siteName) || 'all'}`,
      ...(options.originals ? ['--flavour=ban-goc'] : []),
      `--source=${siteUrl}`,
      `--scraper=loa-ban npm run offline`,
      stage,
      partial,
    ],
    { maxBuffer: 64 << 20 },
  );
} catch (error) {
  const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
  fail(`zimwriterfs không ghi được tệp ZIM:\n${stderr || stdout || (error as Error).message}`);
}
await mkdir(outDir, { recursive: true });
const earlier = new RegExp(`^loa-ban-${lang}-${flavour}\\d{4}-\\d{2}\\.zim$`);
for (const name of await readdir(outDir)) if (earlier.test(name)) await rm(join(outDir, name));
const zim = join(outDir, fileName);
await rename(partial, zim).catch(async () => {
  await copyFile(partial, zim);
  await rm(partial);
});
const bytes = (await stat(zim)).size;

// 3. The pages that offer the copies (this one, and the other flavour where it was made too), their compressed twins,
// and the service worker's stamp.
const published = new RegExp(`^loa-ban-${lang}-(?:ban-goc-)?\\d{4}-\\d{2}\\.zim$`);
const copies = await Promise.all(
  (await readdir(outDir))
    .filter((name) => published.test(name))
    .sort((a, b) => Number(a.includes('-ban-goc-')) - Number(b.includes('-ban-goc-')))
    .map(async (name) => {
      const { size, mtime } = await stat(join(outDir, name));
      return {
        href: offlineCopyUrl(name),
        size: formatBytes(size),
        date: formatDate(name === fileName ? made : mtime),
        originals: name.includes('-ban-goc-'),
      };
    }),
);
const block = zimBlock(copies, strings as CopyStrings);
const offering: string[] = [];
for (const file of await builtFiles(dist, /\.html$/)) {
  const html = await readFile(file, 'utf8');
  const updated = html.includes('<!--zim-->') ? withZimBlock(html, block) : undefined;
  if (updated === undefined) continue;
  await writeFile(file, updated);
  const { br, gz } = await precompress(Buffer.from(updated));
  await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
  offering.push(`/${relative(dist, file).split(sep).join('/')}`);
}
await stampServiceWorker({ dir: pathToFileURL(`${dist}/`) });
const sw = join(dist, 'sw.js');
const { br, gz } = await precompress(await readFile(sw));
await Promise.all([writeFile(`${sw}.br`, br), writeFile(`${sw}.gz`, gz)]);
await rm(stage, { recursive: true, force: true });

const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `Đã ghi ${shownPath(zim)} (${formatBytes(bytes)}, ${pages} trang${options.originals ? ', có bản gốc' : ''}) ` +
    `trong ${seconds} giây. Trang giới thiệu tệp: ${offering.join(', ') || 'không có'}.`,
);
if (bytes > SIZE_WARNING) {
  console.warn(
    `Cảnh báo: tệp ZIM lớn hơn ${formatBytes(SIZE_WARNING)}, khó gửi qua Zalo hay Bluetooth` +
      `${options.originals ? ' (bỏ --originals để dùng bản nghe nhẹ)' : ''}.`,
  );
}
