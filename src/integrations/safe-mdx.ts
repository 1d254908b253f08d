/** Fails the build on unsafe content (see src/lib/safe-mdx.ts), naming the file and line. Two layers:
 * - a Sätteri mdast plugin on Astro 7's markdown processor, which every .md and .mdx compile runs;
 * - a check of the whole content folder before a build, because the content layer only logs a render error of a .md
 *   entry (the page would ship without its body) and, with a warm cache, does not re-render an unchanged file. */
import type { AstroIntegration } from 'astro';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { markdownToMdast, mdxToMdast, type MdastPluginDefinition, type MdastVisitorContext } from 'satteri';
import { contentDir, contentFiles, fromRoot, shownPath } from '../lib/paths';
import {
  formatProblems,
  nodeProblems,
  parseAllowedComponents,
  treeProblems,
  type ContentNode,
  type Problem,
} from '../lib/safe-mdx';

const problemsKey = 'loaBanSafeContentProblems';
const pluginName = 'loa-ban-safe-content';

/** How the editor knows the file: `content/…` for content (wherever LOA_BAN_CONTENT points), else project-relative. */
export function displayPath(fileURL: URL | undefined): string {
  return fileURL ? shownPath(fileURLToPath(fileURL)) : '(nội dung không rõ tệp)';
}

/** The Sätteri plugin. `allowed` is the list of component names content may use. */
export function safeContentPlugin(allowed: readonly string[]): MdastPluginDefinition {
  const allowedSet = new Set(allowed);
  const visit = (node: unknown, ctx: MdastVisitorContext): undefined => {
    const found = nodeProblems(node as ContentNode, allowedSet);
    if (found.length > 0) ((ctx.data[problemsKey] ??= []) as Problem[]).push(...found);
    return undefined;
  };
  return {
    name: pluginName,
    // Positions are off by default in Sätteri; the error must name the line.
    options: { position: true },
    before: (_root, ctx) => {
      ctx.data[problemsKey] = [];
    },
    mdxjsEsm: visit,
    mdxFlowExpression: visit,
    mdxTextExpression: visit,
    mdxJsxFlowElement: visit,
    mdxJsxTextElement: visit,
    html: visit,
    link: visit,
    image: visit,
    definition: visit,
    after: (_root, ctx) => {
      const problems = (ctx.data[problemsKey] ?? []) as Problem[];
      if (problems.length > 0) throw new Error(formatProblems(displayPath(ctx.fileURL), problems));
    },
  };
}

/** The allowlist: the names exported by src/components/content/index.ts. */
export function readAllowedComponents(): string[] {
  return parseAllowedComponents(readFileSync(fromRoot('src/components/content/index.ts'), 'utf8'));
}

/** Every unsafe spot in a content folder, one formatted block per file; empty when all is safe. */
export function checkContentFolder(dir: string, allowed: readonly string[]): string[] {
  const reports: string[] = [];
  for (const name of contentFiles(dir, /\.mdx?$/)) {
    const file = join(dir, name);
    const source = readFileSync(file, 'utf8');
    const parse = file.endsWith('.mdx') ? mdxToMdast : markdownToMdast;
    let tree: ContentNode;
    try {
      tree = parse(source, { position: true }) as ContentNode;
    } catch {
      // Unparseable MDX is reported by the MDX compiler itself, with its own position.
      continue;
    }
    const problems = treeProblems(tree, allowed);
    if (problems.length > 0) reports.push(formatProblems(displayPath(pathToFileURL(file)), problems));
  }
  return reports;
}

interface SatteriProcessor {
  name: string;
  options: { mdastPlugins?: unknown[] };
}

/** Registers the plugin on the configured markdown processor. Refuses to run with a processor it cannot guard, rather
 * than building an unchecked site. */
export default function safeMdx(): AstroIntegration {
  return {
    name: 'loa-ban:safe-mdx',
    hooks: {
      'astro:config:setup': ({ config, command }) => {
        const allowed = readAllowedComponents();
        const processor = (config.markdown as { processor?: SatteriProcessor }).processor;
        if (!processor || processor.name !== 'satteri' || !Array.isArray(processor.options.mdastPlugins)) {
          throw new Error(
            `loa-ban:safe-mdx cần bộ xử lý Markdown "satteri" của Astro 7 (đang là "${processor?.name ?? 'không rõ'}"); ` +
              'không dựng trang khi nội dung chưa được kiểm tra.',
          );
        }
        const plugins = processor.options.mdastPlugins as { name?: string }[];
        if (!plugins.some((p) => p.name === pluginName)) plugins.push(safeContentPlugin(allowed));
        if (command === 'build') {
          const reports = checkContentFolder(contentDir, allowed);
          if (reports.length > 0) throw new Error(reports.join('\n'));
        }
      },
    },
  };
}
