import { describe, expect, it } from 'vitest';
import { ZIM_BLOCK } from './copy-marks';
import { copyHref, copyPage, keepInCopy, rootFrom, withZimBlock, zimBlock, type Target } from './offline-copy';

/** A small built site: what each path names. */
const site: Record<string, Target> = {
  '/': 'page',
  '/hoi-dap/': 'page',
  '/hoi-dap/a/b/': 'page',
  '/tim-kiem/': 'page',
  '/favicon.svg': 'file',
  '/_astro/a.js': 'file',
  '/ban-nghe/x/': 'page',
  '/ban-nghe/x/x-tiet-kiem.mp3': 'file',
};
const target = (path: string) => site[path];

describe('keepInCopy', () => {
  it('keeps pages, assets, the search index, phone copies and PDFs', () => {
    for (const file of [
      'index.html',
      'hoi-dap/a/b/index.html',
      '_astro/a.js',
      'pagefind/pagefind.js',
      'pagefind/fragment/vi_1.pf_fragment',
      'ban-nghe/x/x-tiet-kiem.mp3',
      'ban-nghe/x/x.txt',
      'in/a/tap-hoi-dap-a.pdf',
      'favicon.svg',
    ]) {
      expect(keepInCopy(file, { originals: false }), file).toBe(true);
    }
  });

  it('leaves out compressed twins, the service worker, crawler and host files, and earlier copies', () => {
    for (const file of ['index.html.br', 'index.html.gz', 'sw.js', '_headers', 'robots.txt', 'sitemap-0.xml']) {
      expect(keepInCopy(file, { originals: true }), file).toBe(false);
    }
    expect(keepInCopy('ngoai-tuyen/loa-ban-vi-2025-06.zim', { originals: true })).toBe(false);
  });

  it('leaves out original recordings and the bundles of them unless asked', () => {
    for (const file of ['ban-nghe/x/x.mp3', 'dai-truyen-thanh/tieng-viet/ban-nghe-tieng-viet.zip']) {
      expect(keepInCopy(file, { originals: false }), file).toBe(false);
      expect(keepInCopy(file, { originals: true }), file).toBe(true);
    }
  });
});

describe('copyHref', () => {
  it('makes site paths relative to the page, folders ending in index.html', () => {
    expect(copyHref('/hoi-dap/a/b/', 'tim-kiem/index.html', target)).toBe('../hoi-dap/a/b/index.html');
    expect(copyHref('/', 'hoi-dap/a/b/index.html', target)).toBe('../../../index.html');
    expect(copyHref('/favicon.svg', 'index.html', target)).toBe('favicon.svg');
    expect(copyHref('/ban-nghe/x/x-tiet-kiem.mp3', 'ban-nghe/x/index.html', target)).toBe('x-tiet-kiem.mp3');
  });

  it('keeps a query and a fragment', () => {
    expect(copyHref('/tim-kiem/?q=duong', 'index.html', target)).toBe('tim-kiem/index.html?q=duong');
    expect(copyHref('/ban-nghe/x/#loi-doc', 'hoi-dap/index.html', target)).toBe('../ban-nghe/x/index.html#loi-doc');
  });

  it('is undefined for a path the copy does not hold, and null for other URLs, kept as they are', () => {
    expect(copyHref('/ban-nghe/x/x.mp3', 'index.html', target)).toBeUndefined();
    for (const url of ['https://example.org/', '//cdn.example/x', 'tel:111', '#main', 'x.mp3', '']) {
      expect(copyHref(url, 'index.html', target), url).toBeNull();
    }
  });
});

describe('rootFrom', () => {
  it('is the way back to the site root from a page file', () => {
    expect(rootFrom('index.html')).toBe('./');
    expect(rootFrom('tim-kiem/index.html')).toBe('../');
    expect(rootFrom('hoi-dap/a/b/index.html')).toBe('../../../');
  });
});

const page = `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<meta http-equiv="content-security-policy" content="default-src 'self'">
<link rel="canonical" href="https://tinh.example/ban-nghe/x/"><link rel="icon" href="/favicon.svg">
<script type="module" src="/_astro/a.js"></script></head>
<body><header class="site-header"><div class="wrap"><a class="brand" href="/">Loa Bản</a>
<form action="/tim-kiem/"><input name="q"></form></div></header>
<main><audio src="/ban-nghe/x/x-tiet-kiem.mp3"></audio>
<ul class="player-links"><li><a href="/ban-nghe/x/x-tiet-kiem.mp3" download>Bản nhẹ</a> (1 KB)</li>
<li><a href="/ban-nghe/x/x.mp3" download>Bản gốc</a> <span>(2 KB)</span></li></ul>
<button data-save-audio="/ban-nghe/x/x-tiet-kiem.mp3" hidden>Lưu</button>
<p>Gọi <a href="tel:111">111</a>, xem <a href="/hoi-dap/a/b/#y">hỏi đáp</a>.</p>
${ZIM_BLOCK.open}<p><a href="/ngoai-tuyen/loa-ban-vi-2025-06.zim">Tải</a></p>${ZIM_BLOCK.close}</main></body></html>`;

describe('copyPage', () => {
  const copied = copyPage(page, {
    file: 'ban-nghe/x/index.html',
    target,
    notice: 'Bản ngoại tuyến, làm ngày 05/06/2025.',
  });

  it('rewrites every site link relative to the page, folders ending in index.html', () => {
    expect(copied).toContain('<link rel="icon" href="../../favicon.svg">');
    expect(copied).toContain('<script type="module" src="../../_astro/a.js">');
    expect(copied).toContain('<a class="brand" href="../../index.html">');
    expect(copied).toContain('<form action="../../tim-kiem/index.html">');
    expect(copied).toContain('<audio src="x-tiet-kiem.mp3">');
    expect(copied).toContain('<a href="../../hoi-dap/a/b/index.html#y">');
    expect(copied).toContain('<a href="tel:111">');
    expect(copied).not.toMatch(/(?:href|src|action)="\/(?!\/)/);
  });

  it('drops the CSP, the save buttons, and the offer of a file the copy leaves out with its list item', () => {
    expect(copied).not.toContain('content-security-policy');
    expect(copied).not.toContain('data-save-audio');
    expect(copied).not.toContain('Bản gốc');
    expect(copied).not.toContain('(2 KB)');
    expect(copied).toContain('Bản nhẹ</a> (1 KB)');
  });

  it('does not offer the copy inside itself', () => {
    expect(copied).not.toContain('.zim');
    expect(copied).not.toContain('<!--zim-->');
  });

  it('marks the page with its way back to the root, and shows the notice in the header', () => {
    expect(copied).toMatch(/<html [^>]*data-copy-root="\.\.\/\.\.\/"/);
    expect(copied).toContain('<p class="tagline copy-notice">Bản ngoại tuyến, làm ngày 05/06/2025.</p></div></header>');
    expect(copied.startsWith('<!DOCTYPE html>')).toBe(true);
  });
});

describe('zimBlock and withZimBlock', () => {
  const strings = {
    'offlineCopy.title': 'Cả trang trong một tệp',
    'offlineCopy.intro': 'Mở bằng Kiwix & không cần mạng.',
    'offlineCopy.download': 'Tải tệp {name}',
    'offlineCopy.facts': '{size}, làm ngày {date}',
    'offlineCopy.withOriginals': 'có cả bản ghi gốc',
  };
  const block = zimBlock(
    [
      { href: '/ngoai-tuyen/loa-ban-vi-2025-06.zim', size: '3,3 MB', date: '05/06/2025', originals: false },
      { href: '/ngoai-tuyen/loa-ban-vi-ban-goc-2025-06.zim', size: '11 MB', date: '06/06/2025', originals: true },
    ],
    strings,
  );

  it('offers each file with its name, size and date, between the marks', () => {
    expect(block.startsWith(ZIM_BLOCK.open) && block.endsWith(ZIM_BLOCK.close)).toBe(true);
    expect(block).toContain(
      '<li><a href="/ngoai-tuyen/loa-ban-vi-2025-06.zim" type="application/x-zim" download>Tải tệp loa-ban-vi-2025-06.zim</a> (3,3 MB, làm ngày 05/06/2025)</li>',
    );
    expect(block).toContain(
      'Tải tệp loa-ban-vi-ban-goc-2025-06.zim</a> (11 MB, làm ngày 06/06/2025, có cả bản ghi gốc)</li>',
    );
    expect(block).toContain('Mở bằng Kiwix &amp; không cần mạng.');
  });

  it('replaces the block of a page, again and again, and leaves pages without one alone', () => {
    const empty = `<main><p>a</p>${ZIM_BLOCK.open}${ZIM_BLOCK.close}</main>`;
    const once = withZimBlock(empty, block)!;
    expect(once).toBe(`<main><p>a</p>${block}</main>`);
    expect(withZimBlock(once, block)).toBe(once);
    expect(withZimBlock('<main></main>', block)).toBeUndefined();
  });
});
