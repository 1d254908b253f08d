import { describe, expect, it } from 'vitest';
import { sitePath } from './copy-marks';

describe('sitePath', () => {
  it('is the path itself on the site', () => {
    expect(sitePath('/hoi-dap/x/y/', undefined)).toBe('/hoi-dap/x/y/');
    expect(sitePath('/pagefind/pagefind.js', undefined)).toBe('/pagefind/pagefind.js');
  });

  it('is relative to the copy root in the offline copy, a folder naming its index.html', () => {
    expect(sitePath('/hoi-dap/x/y/', '../')).toBe('../hoi-dap/x/y/index.html');
    expect(sitePath('/', '../../')).toBe('../../index.html');
    expect(sitePath('/', './')).toBe('./index.html');
    expect(sitePath('/pagefind/pagefind.js', '../')).toBe('../pagefind/pagefind.js');
  });

  it('keeps a query and a fragment', () => {
    expect(sitePath('/tim-kiem/?q=duong', '../')).toBe('../tim-kiem/index.html?q=duong');
    expect(sitePath('/ban-nghe/a/#loi-doc', '../../')).toBe('../../ban-nghe/a/index.html#loi-doc');
  });
});
