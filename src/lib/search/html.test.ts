import { describe, expect, it } from 'vitest';
import { rewriteText, withoutStyles } from './html';

const up = (s: string) => s.toUpperCase();

describe('rewriteText', () => {
  it('rewrites text nodes, never tags or attributes', () => {
    expect(rewriteText('<p class="x">ab <a href="/y">cd</a></p>', up)).toBe('<p class="x">AB <a href="/y">CD</a></p>');
  });
  it('leaves scripts, styles and Pagefind filter/meta values alone', () => {
    const html =
      '<main data-pagefind-body><style>a{}</style><div hidden data-pagefind-ignore><span data-pagefind-filter="type">hỏi đáp</span></div><p>x</p><script>let a="b"</script></main>';
    expect(rewriteText(html, up)).toBe(html.replace('<p>x</p>', '<p>X</p>'));
  });
  it('tracks nesting of the kept element', () => {
    const html = '<div data-pagefind-meta="a"><div>in</div>still</div>out';
    expect(rewriteText(html, up)).toBe('<div data-pagefind-meta="a"><div>in</div>still</div>OUT');
  });
  it('treats void and self-closing elements as having no content', () => {
    expect(rewriteText('<img data-pagefind-meta="image[src]" src="a.png">text<br/>more', up)).toBe(
      '<img data-pagefind-meta="image[src]" src="a.png">TEXT<br/>MORE',
    );
  });
  it('keeps comments and attributes with ">" inside quotes', () => {
    expect(rewriteText('<!-- c --><a title="a>b">t</a>', up)).toBe('<!-- c --><a title="a>b">T</a>');
  });
});

describe('withoutStyles', () => {
  it('drops every style element, attributes and all, and nothing else', () => {
    const html = '<head><style>a{color:red}</style><STYLE media="print">p{}</STYLE ></head><body><p>style</p></body>';
    expect(withoutStyles(html)).toBe('<head></head><body><p>style</p></body>');
  });
});
