/** Valid HTML on every built page: html-validate's recommended rules, plus the markup the strict CSP would break. */
import { readFileSync } from 'node:fs';
import { HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { siteDist } from './helpers/paths';
import { builtPages } from './helpers/site-pages';

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // Switched off: Q&A pages are titled with the resident's whole question ("Cuộc điều tra hỏi những ai? Gia đình
    // tôi có được hỏi không? · Loa Bản"), which is what people search for and what a shared link should show. A
    // search engine cutting a long title off costs less than an invented short one. Content length limits live in
    // the schemas.
    'long-title': 'off',
  },
});

describe('every built page is valid HTML', () => {
  const pages = builtPages(siteDist);
  beforeAll(() => {
    // An empty or half-written build must fail, not pass every loop below vacuously.
    if (pages.length < 10 || !pages.some((p) => p.path === '/'))
      throw new Error(`only ${pages.length} pages in ${siteDist}`);
  });

  it('finds the pages', () => {
    expect(pages.length).toBeGreaterThan(10);
    expect(pages.map((p) => p.path)).toContain('/');
    expect(pages.map((p) => p.path)).toContain('/404.html');
  });

  it('passes html-validate (recommended) on every page', async () => {
    const failures: string[] = [];
    for (const page of pages) {
      const report = await validator.validateString(readFileSync(page.file, 'utf8'), page.path);
      for (const result of report.results) {
        for (const m of result.messages) failures.push(`${page.path}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('has no inline event handlers, javascript: URLs or style attributes (the CSP blocks them)', () => {
    const failures: string[] = [];
    for (const page of pages) {
      const html = readFileSync(page.file, 'utf8');
      for (const tag of html.matchAll(/<[a-zA-Z][^>]*>/g)) {
        const t = tag[0];
        if (/\son[a-z]+\s*=/i.test(t)) failures.push(`${page.path}: event handler in ${t.slice(0, 80)}`);
        if (/\s(?:href|src|action)\s*=\s*["']?\s*javascript:/i.test(t))
          failures.push(`${page.path}: javascript: URL in ${t.slice(0, 80)}`);
        if (/\sstyle\s*=/i.test(t)) failures.push(`${page.path}: style attribute in ${t.slice(0, 80)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('carries a strict, hash-based CSP in every page', () => {
    const failures: string[] = [];
    for (const page of pages) {
      const html = readFileSync(page.file, 'utf8');
      const csp = /<meta http-equiv="content-security-policy" content="([^"]+)"/i.exec(html)?.[1];
      if (!csp) {
        failures.push(`${page.path}: no CSP <meta>`);
        continue;
      }
      const directive = (name: string) =>
        csp
          .split(';')
          .map((d) => d.trim())
          .find((d) => d.startsWith(`${name} `)) ?? '';
      for (const name of ['script-src', 'style-src']) {
        const d = directive(name);
        if (!d || /'unsafe-inline'|'unsafe-eval'|\*|https?:|data:/.test(d))
          failures.push(`${page.path}: weak ${name}: ${d}`);
      }
      if (!/default-src 'self'/.test(csp) || !/object-src 'none'/.test(csp) || !/base-uri 'self'/.test(csp)) {
        failures.push(`${page.path}: CSP lacks default-src/object-src/base-uri: ${csp.slice(0, 120)}`);
      }
      // A <meta> policy governs only what the parser meets after it: no inline script or style may come first.
      const metaAt = html.search(/<meta http-equiv="content-security-policy"/i);
      const firstCode = html.search(/<script|<style/i);
      if (firstCode !== -1 && firstCode < metaAt)
        failures.push(`${page.path}: a script or style comes before the CSP <meta>`);
    }
    expect(failures).toEqual([]);
  });
});
