import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { markdownToJs, markdownToMdast, mdxToJs, mdxToMdast } from 'satteri';
import { describe, expect, it } from 'vitest';
import { checkContentFolder, safeContentPlugin } from '../integrations/safe-mdx';
import { formatProblems, htmlProblems, parseAllowedComponents, treeProblems, type ContentNode } from './safe-mdx';

const allowed = ['Callout', 'Hotline', 'Step', 'Timeline'];
const mdx = (src: string) => treeProblems(mdxToMdast(src, { position: true }) as ContentNode, allowed);
const md = (src: string) => treeProblems(markdownToMdast(src, { position: true }) as ContentNode, allowed);
const front = '---\ntitle: Thử\n---\n\n';

describe('treeProblems on MDX', () => {
  it('accepts plain Markdown, allowed components with string attributes, and ordinary HTML elements', () => {
    const src = `${front}# Tiêu đề\n\nĐoạn **đậm** và [liên kết](/hoi-dap/).\n\n<Callout title="Lưu ý">\n  Gọi <Hotline number="111" />.\n</Callout>\n\n<abbr title="Ủy ban nhân dân">UBND</abbr>\n\n<Step n="1">Bước</Step>\n\n<Timeline />\n`;
    expect(mdx(src)).toEqual([]);
  });

  it('rejects import and export with their line', () => {
    const found = mdx(`${front}import X from './x.astro'\n\nexport const a = 1\n`);
    expect(found.map((p) => p.line)).toEqual([5, 7]);
    expect(found[0]!.message).toMatch(/import/);
    expect(mdx(`${front}Đoạn.\n\nexport const a = 1\n`)).toMatchObject([{ line: 7 }]);
  });

  it('rejects flow and text expressions', () => {
    expect(mdx(`${front}{alert(1)}\n`)).toMatchObject([{ line: 5, message: expect.stringContaining('{alert(1)}') }]);
    expect(mdx(`${front}Một\n\nHai {1 + 1} ba\n`)).toMatchObject([{ line: 7 }]);
  });

  it('rejects components outside the allowlist, including member and namespaced names', () => {
    expect(mdx(`${front}<Video src="x" />\n`)).toMatchObject([
      { line: 5, message: expect.stringContaining('<Video>') },
    ]);
    expect(mdx(`${front}<Foo.Bar />\n`)).toHaveLength(1);
    expect(mdx(`${front}<svg:rect />\n`)).toHaveLength(1);
  });

  it('rejects script, iframe and style, in flow and inline, in any case', () => {
    expect(mdx(`${front}<script>alert(1)</script>\n`)).toMatchObject([
      { line: 5, message: expect.stringContaining('<script>') },
    ]);
    expect(mdx(`${front}Chữ <iframe src="https://example.org"></iframe>\n`)).toMatchObject([{ line: 5 }]);
    expect(
      mdx(`${front}<style>{'a{}'}</style>\n`)
        .map((p) => p.message)
        .join(),
    ).toContain('<style>');
    expect(mdx(`${front}<SCRIPT>x</SCRIPT>\n`)).not.toEqual([]);
  });

  it('rejects event handlers, attribute expressions, spreads, style attributes and javascript: URLs', () => {
    const src = `${front}<Callout\n  title={x}\n  onClick="alert(1)"\n  {...props}\n>\nA\n</Callout>\n\n<a href="javascript:alert(1)" style="color:red">x</a>\n\n[b](javascript:alert(1))\n\n<img src="x.png" onerror="alert(1)" alt="" />\n`;
    const found = mdx(src);
    const text = found.map((p) => `${p.line} ${p.message}`).join('\n');
    expect(text).toMatch(/5 .*"title".*\{…\}/);
    expect(text).toMatch(/5 .*"onClick"/);
    expect(text).toMatch(/5 .*\{…\} \(biểu thức/);
    expect(text).toMatch(/13 .*javascript:/);
    expect(text).toMatch(/13 .*"style"/);
    expect(text).toMatch(/15 .*javascript:/);
    expect(text).toMatch(/17 .*"onerror"/);
    expect(found).toHaveLength(7);
  });
});

describe('treeProblems on Markdown (.md)', () => {
  it('treats braces, import lines and JSX-looking text as text', () => {
    expect(md(`${front}import x from 'y'\n\nGiá {1 + 1} đồng.\n`)).toEqual([]);
  });

  it('rejects raw script, iframe and style blocks and inline tags, with lines inside multi-line HTML', () => {
    const found = md(
      `${front}Chữ <script>alert(1)</script> chữ.\n\n<div>\n<p>a</p>\n<iframe src="https://example.org"></iframe>\n</div>\n\n<style>p{}</style>\n`,
    );
    expect(found.map((p) => p.line)).toEqual([5, 9, 12]);
  });

  it('rejects on*= attributes and javascript: links in raw HTML, and allows harmless HTML', () => {
    expect(md(`${front}<p onclick="x()">a</p>\n`)).toMatchObject([
      { line: 5, message: expect.stringContaining('onclick') },
    ]);
    expect(md(`${front}<a href=" JaVaScRiPt:x()">a</a>\n`)).toHaveLength(1);
    expect(
      md(`${front}<p class="note" title="on=1">Đoạn <abbr title="Ủy ban">UBND</abbr></p>\n<!-- ghi chú -->\n`),
    ).toEqual([]);
  });
});

describe('htmlProblems', () => {
  it('reads unquoted, single-quoted and multi-line attributes', () => {
    expect(htmlProblems('<img src=x onerror=alert(1)>', 3)).toMatchObject([{ line: 3 }]);
    expect(htmlProblems("<a\n  href='javascript:x'>", 3)).toMatchObject([{ line: 3 }]);
    expect(htmlProblems('<p>\n<span\nONMOUSEOVER="x">', 1)).toMatchObject([{ line: 2 }]);
    expect(htmlProblems('<a href="https://javascript.info/">ok</a>', 1)).toEqual([]);
  });
});

describe('formatProblems', () => {
  it('names the file and each line, in order', () => {
    const text = formatProblems('content/explainers/x.mdx', [
      { line: 9, message: 'b' },
      { line: 2, message: 'a' },
    ]);
    expect(text.split('\n')).toEqual([
      'content/explainers/x.mdx: nội dung có 2 chỗ không an toàn, cần sửa trước khi dựng trang:',
      '- content/explainers/x.mdx:2: a',
      '- content/explainers/x.mdx:9: b',
    ]);
  });
});

describe('parseAllowedComponents', () => {
  it('reads the real allowlist, the same names the content components folder exports', () => {
    const source = readFileSync(resolve(import.meta.dirname, '../components/content/index.ts'), 'utf8');
    const names = parseAllowedComponents(source);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(source).toMatch(new RegExp(`import ${name} from '\\./${name}\\.astro'`));
  });

  it('fails loudly when the export changes shape', () => {
    expect(() => parseAllowedComponents('export const components = { A }')).toThrow(/contentComponents/);
    expect(() => parseAllowedComponents('export const contentComponents = { lower }')).toThrow(/lower/);
    expect(parseAllowedComponents('export const contentComponents = {\n  A,\n  B,\n};')).toEqual(['A', 'B']);
  });
});

describe('the Sätteri plugin', () => {
  const file = pathToFileURL(resolve('content/explainers/thu.mdx'));

  it('throws one error listing every problem with file and line, for MDX and Markdown', () => {
    const run = () =>
      mdxToJs(`${front}{x}\n\n<Video />\n`, { fileURL: file, mdastPlugins: [safeContentPlugin(allowed)] });
    expect(run).toThrow(/content\/explainers\/thu\.mdx:5: .*\{x\}[\s\S]*content\/explainers\/thu\.mdx:7: .*<Video>/);
    const mdFile = pathToFileURL(resolve('content/qa/a/b.md'));
    expect(() =>
      markdownToJs(`${front}<script>x</script>\n`, { fileURL: mdFile, mdastPlugins: [safeContentPlugin(allowed)] }),
    ).toThrow(/content\/qa\/a\/b\.md:5: .*<script>/);
  });

  it('lets clean content compile', () => {
    const result = mdxToJs(`${front}<Callout title="A">B</Callout>\n`, {
      fileURL: file,
      mdastPlugins: [safeContentPlugin(allowed)],
    });
    expect('code' in result && result.code).toContain('Callout');
  });
});

describe('checkContentFolder', () => {
  it('reports each unsafe .md/.mdx file once with its lines, and skips drafts and other files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'loa-ban-safe-'));
    mkdirSync(join(dir, 'qa/a'), { recursive: true });
    mkdirSync(join(dir, 'explainers'), { recursive: true });
    writeFileSync(join(dir, 'qa/a/ok.md'), `${front}Giá {1 + 1} đồng.\n`);
    writeFileSync(join(dir, 'qa/a/xau.md'), `${front}<script>x</script>\n`);
    writeFileSync(join(dir, 'qa/a/_nhap.md'), `${front}<script>x</script>\n`);
    writeFileSync(join(dir, 'explainers/b.mdx'), `${front}Đoạn một.\n\n{x}\n`);
    writeFileSync(join(dir, 'explainers/c.yaml'), 'a: "<script>"\n');
    const reports = checkContentFolder(dir, allowed).join('\n');
    expect(reports).toMatch(/qa\/a\/xau\.md:5: .*<script>/);
    expect(reports).toMatch(/explainers\/b\.mdx:7: .*\{x\}/);
    expect(reports).not.toMatch(/ok\.md|_nhap|c\.yaml/);
    expect(checkContentFolder(join(dir, 'khong-co'), allowed)).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  });
});
