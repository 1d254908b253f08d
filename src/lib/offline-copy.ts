/** The offline copy of the built site, as Kiwix reads it from a ZIM file (scripts/offline.ts packs it with
 * zimwriterfs): which files go in, and how each page is changed so it works from the file.
 *
 * Checked with zim-tools 3.1.3 and kiwix-tools 3.3.0: zimcheck rejects absolute links ("/…") and kiwix-serve answers
 * no folder URL, so every link becomes relative and names index.html; kiwix-serve adds its own toolbar (scripts and
 * styles) to every page, which the site's strict CSP would block, so the copy carries none; there is no service
 * worker in a ZIM, so neither the worker nor the buttons that use it go in. Links to files the copy leaves out (the
 * originals of recordings, by default) go with the list item that offers them. */
import { posix } from 'node:path';
import { parseHTML } from 'linkedom';
import { COPY_ROOT_ATTRIBUTE, ZIM_BLOCK } from './copy-marks.ts';

/** What the copy holds: `originals` adds the broadcast-quality MP3s and the stations' ZIP bundles of them. */
export interface CopyOptions {
  originals: boolean;
}

/** Files of the built site that have no use in the copy: precompressed twins, the service worker, host and crawler
 * files, and the published copy itself. */
const NEVER = /(?:\.br|\.gz|\.zim)$|^(?:sw\.js|_headers|robots\.txt|sitemap[^/]*\.xml)$/;
/** Original recordings (/ban-nghe/<id>/<id>.mp3, see audioUrls.original) and the stations' bundles of them. */
const ORIGINALS = [/^ban-nghe\/([^/]+)\/\1\.mp3$/, /^dai-truyen-thanh\/[^/]+\/[^/]+\.zip$/];

/** Does a file of the built site (path relative to its root, with "/") go into the copy? */
export function keepInCopy(file: string, options: CopyOptions): boolean {
  if (NEVER.test(file)) return false;
  return options.originals || !ORIGINALS.some((pattern) => pattern.test(file));
}

/** What a site path names in the copy: a page (a folder with index.html), a file, or nothing. */
export type Target = 'page' | 'file' | undefined;

/** What a page of the copy needs to know. */
export interface CopyPage {
  /** The page's file, relative to the site root: "hoi-dap/x/y/index.html". */
  file: string;
  /** What a site path ("/hoi-dap/x/", "/_astro/a.js") names in the copy. */
  target: (path: string) => Target;
  /** The notice shown at the top of every page, e.g. "Bản ngoại tuyến, làm ngày 05/06/2025…". */
  notice: string;
}

/** Attributes that hold URLs; srcset holds a list. */
const URL_ATTRIBUTES = ['href', 'src', 'action', 'poster'] as const;

/** The block a page offers the copy in (zimBlock): the copy does not offer itself. */
const ZIM_BLOCK_PATTERN = /<!--zim-->[\s\S]*?<!--\/zim-->/g;

/** A site-absolute URL ("/x/y/?q#f") as the page at `from` (a file path) links it in the copy, or undefined when the
 * copy does not hold its target. Other URLs (https:, tel:, #fragment, already relative) are kept as they are. */
export function copyHref(url: string, from: string, target: CopyPage['target']): string | undefined | null {
  if (!url.startsWith('/') || url.startsWith('//')) return null;
  const [, pathname = '/', rest = ''] = /^([^?#]*)(.*)$/.exec(url) ?? [];
  let path: string;
  try {
    path = decodeURI(pathname);
  } catch {
    return undefined;
  }
  const kind = target(path);
  if (!kind) return undefined;
  const file = kind === 'page' ? posix.join(path, 'index.html') : path;
  const relative = posix.relative(posix.dirname(`/${from}`), file);
  return encodeURI(relative) + rest;
}

/** The way back from a page file to the site root: "" → "./", "a/b/index.html" → "../../". */
export const rootFrom = (file: string) => '../'.repeat(file.split('/').length - 1) || './';

/** A built page as it goes into the copy. */
export function copyPage(html: string, page: CopyPage): string {
  const { document } = parseHTML(html.replace(ZIM_BLOCK_PATTERN, ''));
  document.querySelector('meta[http-equiv="content-security-policy" i]')?.remove();
  // Buttons that save a recording for the service worker: the copy has no worker, and holds every recording.
  for (const button of document.querySelectorAll('[data-save-audio]')) button.remove();

  for (const name of URL_ATTRIBUTES) {
    for (const element of document.querySelectorAll(`[${name}]`)) {
      const href = copyHref(element.getAttribute(name) ?? '', page.file, page.target);
      if (href === null) continue;
      if (href !== undefined) {
        element.setAttribute(name, href);
        continue;
      }
      // A link to a file the copy leaves out goes, with the list item that offers it when it has one.
      const item = element.tagName === 'A' ? element.closest('li') : null;
      (item ?? element).remove();
    }
  }
  for (const element of document.querySelectorAll('[srcset]')) {
    const srcset = (element.getAttribute('srcset') ?? '')
      .split(',')
      .map((candidate) => {
        const [url = '', ...descriptor] = candidate.trim().split(/\s+/);
        const href = copyHref(url, page.file, page.target);
        return href === undefined ? '' : [href ?? url, ...descriptor].join(' ');
      })
      .filter(Boolean);
    element.setAttribute('srcset', srcset.join(', '));
  }

  document.documentElement.setAttribute(COPY_ROOT_ATTRIBUTE, rootFrom(page.file));
  const header = document.querySelector('.site-header .wrap');
  const notice = document.createElement('p');
  notice.className = 'tagline copy-notice';
  notice.textContent = page.notice;
  if (header) header.append(notice);
  else document.body.prepend(notice);
  return document.toString();
}

/** A published copy, as the site's pages offer it. */
export interface PublishedCopy {
  /** Site path of the ZIM file. */
  href: string;
  /** Its size and the day it was made, formatted for residents ("14 MB", "05/06/2025"). */
  size: string;
  date: string;
  /** Made with `--originals`: it holds the original recordings too. */
  originals: boolean;
}

/** The UI strings the copy's own texts use (src/i18n/vi.json). */
export type CopyStrings = Record<
  | 'offlineCopy.title'
  | 'offlineCopy.intro'
  | 'offlineCopy.download'
  | 'offlineCopy.facts'
  | 'offlineCopy.withOriginals',
  string
>;

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** What the offline page and the station page say about the published copies, between the ZIM_BLOCK marks: a
 * heading, how to use them, and a download link per file with its size and date (the phone-audio copy, and the one
 * with original recordings where that is made too). Written by `npm run offline`; the marks stay, so a new copy
 * replaces the block. */
export function zimBlock(copies: PublishedCopy[], strings: CopyStrings): string {
  const links = copies.map((copy) => {
    const name = copy.href.split('/').at(-1)!;
    const fill = (text: string) =>
      escapeHtml(text.replace('{name}', name).replace('{size}', copy.size).replace('{date}', copy.date));
    return (
      `<li><a href="${escapeHtml(copy.href)}" type="application/x-zim" download>${fill(strings['offlineCopy.download'])}</a>` +
      ` (${fill(strings['offlineCopy.facts'])}${copy.originals ? `, ${fill(strings['offlineCopy.withOriginals'])}` : ''})</li>`
    );
  });
  return (
    `${ZIM_BLOCK.open}<section class="offline-copy" aria-labelledby="ban-ngoai-tuyen">` +
    `<h2 id="ban-ngoai-tuyen">${escapeHtml(strings['offlineCopy.title'])}</h2>` +
    `<p>${escapeHtml(strings['offlineCopy.intro'])}</p><ul>${links.join('')}</ul></section>${ZIM_BLOCK.close}`
  );
}

/** A page with its ZIM block replaced (the marks kept), or undefined when the page has no ZIM block. */
export function withZimBlock(html: string, block: string): string | undefined {
  let found = false;
  const out = html.replace(ZIM_BLOCK_PATTERN, () => {
    found = true;
    return block;
  });
  return found ? out : undefined;
}
