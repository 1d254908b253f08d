import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface BuiltPage {
  /** Site path, e.g. `/hoi-dap/dieu-tra/ai/` (`/404.html` for the 404 page). */
  path: string;
  /** Absolute file path in the build. */
  file: string;
}

/** Every file under a built site, as site-relative paths with `/` separators. */
export function builtFiles(dist: string): string[] {
  return readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(dist, join(d.parentPath, d.name)).split(sep).join('/'))
    .sort();
}

/** Every resident page of a built site (directory format: `x/index.html` is served as `/x/`). The editing app under
 * /bien-tap/ is for editors, with its own headers and tests (src/tests/editor*.test.ts): see editorPages(). */
export function builtPages(dist: string): BuiltPage[] {
  return allPages(dist).filter((p) => !p.path.startsWith('/bien-tap/'));
}

/** The editing app's pages (/bien-tap/…). */
export function editorPages(dist: string): BuiltPage[] {
  return allPages(dist).filter((p) => p.path.startsWith('/bien-tap/'));
}

function allPages(dist: string): BuiltPage[] {
  return builtFiles(dist)
    .filter((f) => f.endsWith('.html'))
    .map((f) => ({
      path: f === 'index.html' ? '/' : f.endsWith('/index.html') ? `/${f.slice(0, -'index.html'.length)}` : `/${f}`,
      file: join(dist, f),
    }));
}

/** A page's type: its first URL segment and its depth, e.g. `/hoi-dap/a/b/` → `hoi-dap/3`, `/` → `home`. Generic on
 * purpose, so pages added by other issues (/ban-nghe/, /tim-kiem/, /in/…) are covered without editing the tests. */
export function pageType(path: string): string {
  const parts = path.split('/').filter(Boolean);
  if (parts.length === 0) return 'home';
  return `${parts[0]}/${parts.length}`;
}

/** One page of every type (the first in path order), plus the 404 page. */
export function onePerType(dist: string): BuiltPage[] {
  const seen = new Map<string, BuiltPage>();
  for (const page of builtPages(dist)) {
    const type = pageType(page.path);
    if (!seen.has(type)) seen.set(type, page);
  }
  return [...seen.values()];
}

/** The first built page whose HTML matches, e.g. a page with an <audio> player. */
export function firstPageWith(dist: string, pattern: RegExp): BuiltPage | undefined {
  return builtPages(dist).find((p) => p.path !== '/404.html' && pattern.test(readFileSync(p.file, 'utf8')));
}
