/** Safe content: editors write Markdown/MDX, and MDX can run code. These checks reject everything in a content file
 * that could execute (imports/exports, `{…}` expressions, unknown components, raw <script>/<iframe>/<style>, on*=
 * handlers, javascript: URLs) and `style=""` attributes, which the site's CSP would block anyway. Pure functions over
 * mdast nodes, so the Sätteri plugin in src/integrations/safe-mdx.ts and the unit tests share one implementation. */

export interface Point {
  line: number;
  column?: number;
}

/** The subset of an mdast / mdast-util-mdx node these checks read. */
export interface ContentNode {
  type: string;
  value?: unknown;
  url?: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: ContentNode[];
  position?: { start: Point } | undefined;
}

export interface Problem {
  /** 1-based line in the content file (front matter included). */
  line: number;
  /** Plain Vietnamese, for the editor. */
  message: string;
}

/** Elements that run code, embed other sites or restyle the page; never allowed in content. */
const forbiddenElements = ['script', 'iframe', 'style', 'object', 'embed', 'frame', 'frameset', 'base', 'link', 'meta'];
const forbiddenElementSet = new Set(forbiddenElements);
/** HTML event-handler attributes (onclick, onerror…) and React-style ones (onClick). */
const isHandler = (name: string) => /^on[a-z]/i.test(name);
/** URL schemes that run script when followed. */
const isScriptUrl = (url: string) =>
  /^\s*(?:javascript|vbscript)\s*:|^\s*data\s*:\s*text\/html/i.test(url.replace(/\p{Cc}/gu, ''));

const lineOf = (node: ContentNode) => node.position?.start.line ?? 0;

function elementProblems(node: ContentNode, allowed: ReadonlySet<string>): Problem[] {
  const line = lineOf(node);
  const problems: Problem[] = [];
  const name = node.name ?? null;
  if (name !== null) {
    const lower = name.toLowerCase();
    if (forbiddenElementSet.has(lower)) {
      problems.push({ line, message: `không được chèn thẻ <${lower}> vào nội dung (chạy mã hoặc nhúng trang khác).` });
    } else if (!/^[a-z][a-z0-9-]*$/.test(name) && !allowed.has(name)) {
      // Capitalised, dotted (Foo.Bar) or namespaced (svg:x) names are components; only ours are allowed.
      problems.push({
        line,
        message: `thành phần <${name}> không được phép. Chỉ dùng: ${[...allowed].map((c) => `<${c}>`).join(', ')}.`,
      });
    }
  }
  const tag = name ?? 'thẻ rỗng';
  for (const attr of node.attributes ?? []) {
    if (attr.type === 'mdxJsxExpressionAttribute') {
      problems.push({
        line,
        message: `<${tag}> có thuộc tính dạng {…} (biểu thức JavaScript); hãy viết thuộc tính="giá trị".`,
      });
      continue;
    }
    const attrName = attr.name ?? '';
    if (isHandler(attrName)) {
      problems.push({
        line,
        message: `<${tag}> có thuộc tính "${attrName}" (chạy mã JavaScript khi bấm/tải); hãy xoá nó.`,
      });
    } else if (attrName.toLowerCase() === 'style') {
      problems.push({
        line,
        message: `<${tag}> có thuộc tính "style"; định dạng do giao diện của trang lo, hãy xoá nó.`,
      });
    }
    if (typeof attr.value === 'object' && attr.value !== null) {
      problems.push({
        line,
        message: `thuộc tính "${attrName}" của <${tag}> là biểu thức {…}; hãy viết giá trị trong dấu ngoặc kép: ${attrName}="…".`,
      });
    } else if (
      typeof attr.value === 'string' &&
      /^(?:href|src|action|formaction|xlink:href)$/i.test(attrName) &&
      isScriptUrl(attr.value)
    ) {
      problems.push({
        line,
        message: `<${tag}> có liên kết "javascript:"; chỉ dùng địa chỉ trang web (https://…) hoặc đường dẫn của trang.`,
      });
    }
  }
  return problems;
}

/** Raw HTML inside Markdown (.md): the same rules, read from the tag text. */
export function htmlProblems(html: string, firstLine: number): Problem[] {
  const problems: Problem[] = [];
  const tags = /<\/?\s*([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>?/g;
  for (const match of html.matchAll(tags)) {
    const line = firstLine + (html.slice(0, match.index).match(/\n/g)?.length ?? 0);
    const name = match[1]!.toLowerCase();
    const closing = match[0].startsWith('</');
    if (forbiddenElementSet.has(name)) {
      if (!closing)
        problems.push({ line, message: `không được chèn thẻ <${name}> vào nội dung (chạy mã hoặc nhúng trang khác).` });
      continue;
    }
    const attrs = /([^\s"'=<>/]+)\s*(?:=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?/g;
    for (const attr of (match[2] ?? '').matchAll(attrs)) {
      const attrName = attr[1]!;
      const value = (attr[2] ?? '').replace(/^["']|["']$/g, '');
      if (isHandler(attrName)) {
        problems.push({
          line,
          message: `<${name}> có thuộc tính "${attrName}" (chạy mã JavaScript khi bấm/tải); hãy xoá nó.`,
        });
      } else if (attrName.toLowerCase() === 'style') {
        problems.push({
          line,
          message: `<${name}> có thuộc tính "style"; định dạng do giao diện của trang lo, hãy xoá nó.`,
        });
      } else if (/^(?:href|src|action|formaction|xlink:href)$/i.test(attrName) && isScriptUrl(value)) {
        problems.push({
          line,
          message: `<${name}> có liên kết "javascript:"; chỉ dùng địa chỉ trang web (https://…) hoặc đường dẫn của trang.`,
        });
      }
    }
  }
  return problems;
}

/** Problems in one node, not its children (the Sätteri plugin visits every node itself). */
export function nodeProblems(node: ContentNode, allowed: ReadonlySet<string>): Problem[] {
  const line = lineOf(node);
  switch (node.type) {
    case 'mdxjsEsm':
      return [
        {
          line,
          message:
            'không được dùng "import" hay "export" trong nội dung; hãy xoá dòng này (các thành phần được phép đã có sẵn).',
        },
      ];
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      return [
        {
          line,
          message: `không được dùng biểu thức JavaScript {${String(node.value ?? '')
            .trim()
            .slice(0, 40)}}; nếu cần dấu ngoặc nhọn, hãy viết \\{ và \\}.`,
        },
      ];
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      return elementProblems(node, allowed);
    case 'html':
      return htmlProblems(String(node.value ?? ''), line);
    case 'link':
    case 'image':
    case 'definition':
      return node.url && isScriptUrl(node.url)
        ? [
            {
              line,
              message:
                'liên kết "javascript:" không được phép; chỉ dùng địa chỉ trang web (https://…) hoặc đường dẫn của trang.',
            },
          ]
        : [];
    default:
      return [];
  }
}

/** Every problem in a whole tree, in document order. */
export function treeProblems(root: ContentNode, allowed: Iterable<string>): Problem[] {
  const set = new Set(allowed);
  const out: Problem[] = [];
  const walk = (node: ContentNode) => {
    out.push(...nodeProblems(node, set));
    node.children?.forEach(walk);
  };
  walk(root);
  return out;
}

/** One message for the build log: the file, then one line per problem as `file:line: …`. */
export function formatProblems(file: string, problems: Problem[]): string {
  const sorted = [...problems].sort((a, b) => a.line - b.line);
  return [
    `${file}: nội dung có ${problems.length} chỗ không an toàn, cần sửa trước khi dựng trang:`,
    ...sorted.map((p) => `- ${file}:${p.line}: ${p.message}`),
  ].join('\n');
}

/** The component names exported by src/components/content/index.ts as `contentComponents = { A, B }`. Read from the
 * source because astro.config.mjs cannot import .astro files. Throws when the file no longer has that shape, so the
 * allowlist can never silently become empty. */
export function parseAllowedComponents(indexSource: string): string[] {
  const body = /export\s+const\s+contentComponents\s*=\s*\{([^}]*)\}/.exec(indexSource)?.[1];
  if (body === undefined) {
    throw new Error('src/components/content/index.ts: không tìm thấy "export const contentComponents = { … }".');
  }
  const names = body
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = names.filter((n) => !/^[A-Z][A-Za-z0-9]*$/.test(n));
  if (names.length === 0 || bad.length > 0) {
    throw new Error(
      `src/components/content/index.ts: contentComponents phải là danh sách tên thành phần viết hoa (gặp: ${bad.join(', ') || 'rỗng'}).`,
    );
  }
  return names;
}
