/** The whole Decap CMS configuration, generated from the collections' zod schemas (fields.ts) plus what only the
 * editing app needs to know: where each collection's files live, which field names an entry, Vietnamese labels, and
 * the git backend the deployment chose. Pure: the schemas and the environment come in as arguments. */
import type { z } from 'astro/zod';
import { objectFields, type CmsField, type FieldOptions, type RelationDisplay } from './fields';

/** One content collection as the editing app sees it. */
export interface CollectionSpec {
  name: string;
  label: string;
  label_singular: string;
  description?: string;
  schema: z.ZodType;
  /** Folder collections: the folder (relative to the repository root) and file format. */
  folder?: string;
  extension?: 'md' | 'mdx' | 'yaml';
  /** Sub-folders from entry fields, e.g. `{{topic}}/{{slug}}` for content/qa/<topic>/<slug>.md. */
  path?: string;
  /** The field new file names are made from (tone marks removed). */
  identifier_field?: string;
  /** Decap's file-name template, when the identifier alone is not enough. */
  slug?: string;
  summary?: string;
  sortable_fields?: string[];
  /** The Markdown body below the front matter. `raw`: edited as text only, for MDX whose components must survive. */
  body?: { label: string; hint: string; required: boolean; raw?: boolean };
  /** A single-file collection: the file and the key the schema's data sits under (`site:` in settings.yaml). */
  file?: { path: string; key: string; label: string };
  /** Widgets the editing app swaps in for a field (e.g. the MP3 upload-or-record widget). */
  widgets?: Record<string, Partial<CmsField>>;
  /** Where uploads for this collection go, relative to its folder, and how the field refers to them. */
  media?: { folder: string; public: string };
  /** What a reference to this collection shows in the picker. */
  display: RelationDisplay;
  create?: boolean;
}

/** The git host the deployment publishes through. */
export type Backend =
  | { name: 'forgejo'; repo: string; branch: string; api_root: string; app_id: string }
  | { name: 'github'; repo: string; branch: string; base_url?: string; auth_endpoint?: string }
  | {
      name: 'gitlab';
      repo: string;
      branch: string;
      auth_type: 'pkce';
      app_id: string;
      api_root?: string;
      base_url?: string;
    }
  | { name: 'gitea'; repo: string; branch: string; api_root: string; app_id: string }
  | { name: 'proxy'; proxy_url: string; branch: string };

/** Backends whose Decap implementation has the editorial workflow (draft → review → ready). Decap's `gitea`
 * backend refuses it; its newer `forgejo` backend has it. */
export const WORKFLOW_BACKENDS = new Set(['forgejo', 'github', 'gitlab', 'proxy']);

export interface ConfigInput {
  collections: CollectionSpec[];
  backend: Backend;
  /** Draft → review → ready, where the backend has it (false for decap-server's plain file mode). */
  workflow: boolean;
  siteUrl: string;
  messages: FieldOptions['messages'];
  label?: FieldOptions['label'];
}

/** Environment variables a deployment sets to choose its git host (documented in the README). */
export function backendFromEnv(env: Record<string, string | undefined>): Backend {
  const name = env['LOA_BAN_CMS_BACKEND'] ?? 'forgejo';
  const repo = env['LOA_BAN_CMS_REPO'] ?? 'so-tttt/loa-ban';
  const branch = env['LOA_BAN_CMS_BRANCH'] ?? 'main';
  const optional = (key: string, value: string | undefined) => (value ? { [key]: value } : {});
  switch (name) {
    case 'forgejo':
    case 'gitea':
      return {
        name,
        repo,
        branch,
        api_root: env['LOA_BAN_CMS_API_ROOT'] ?? 'https://git.loa-ban.example/api/v1',
        app_id: env['LOA_BAN_CMS_APP_ID'] ?? '',
      };
    case 'github':
      return {
        name,
        repo,
        branch,
        ...optional('base_url', env['LOA_BAN_CMS_AUTH_URL']),
        ...optional('auth_endpoint', env['LOA_BAN_CMS_AUTH_ENDPOINT']),
      };
    case 'gitlab':
      return {
        name,
        repo,
        branch,
        auth_type: 'pkce',
        app_id: env['LOA_BAN_CMS_APP_ID'] ?? '',
        ...optional('api_root', env['LOA_BAN_CMS_API_ROOT']),
        ...optional('base_url', env['LOA_BAN_CMS_AUTH_URL']),
      };
    default:
      throw new Error(
        `LOA_BAN_CMS_BACKEND="${name}": chỉ dùng forgejo, github, gitlab hoặc gitea (xem README, mục "Biên tập trên trình duyệt").`,
      );
  }
}

/** The Decap configuration object (written out as /bien-tap/config.yml). */
export function cmsConfig(input: ConfigInput): Record<string, unknown> {
  const options: FieldOptions = {
    relations: Object.fromEntries(input.collections.map((c) => [c.name, c.display])),
    messages: input.messages,
    ...(input.label && { label: input.label }),
  };
  const workflow = input.workflow && WORKFLOW_BACKENDS.has(input.backend.name);
  return {
    locale: 'vi',
    backend: input.backend,
    ...(workflow && { publish_mode: 'editorial_workflow' }),
    site_url: input.siteUrl,
    display_url: input.siteUrl,
    // Decap requires a global media folder; each collection names its own below.
    media_folder: 'content/audio/files',
    public_folder: 'files',
    // File names from titles: Vietnamese without tone marks, lowercase, hyphens, as the URLs are.
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    collections: input.collections.map((c) => collection(c, options)),
  };
}

function collection(spec: CollectionSpec, options: FieldOptions): Record<string, unknown> {
  const swap = (fields: CmsField[]) =>
    fields.map((f) => (spec.widgets?.[f.name] ? { ...f, ...spec.widgets[f.name] } : f));
  const fields = swap(objectFields(spec.schema, options));
  const common = {
    name: spec.name,
    label: spec.label,
    label_singular: spec.label_singular,
    ...(spec.description && { description: spec.description }),
  };
  if (spec.file) {
    return {
      ...common,
      files: [
        {
          name: spec.file.key,
          label: spec.file.label,
          file: spec.file.path,
          fields: [{ name: spec.file.key, label: spec.file.label, widget: 'object', collapsed: false, fields }],
        },
      ],
    };
  }
  const body: CmsField[] = spec.body
    ? [
        {
          name: 'body',
          label: spec.body.label,
          hint: spec.body.hint,
          widget: 'markdown',
          required: spec.body.required,
          ...(spec.body.raw && { modes: ['raw'] }),
        },
      ]
    : [];
  const markdown = spec.extension === 'md' || spec.extension === 'mdx';
  return {
    ...common,
    folder: spec.folder,
    extension: spec.extension,
    format: markdown ? 'frontmatter' : 'yml',
    create: spec.create ?? true,
    // Sub-folders from fields; Decap lists entries as deep as the path goes.
    ...(spec.path && { path: spec.path }),
    ...(spec.identifier_field && { identifier_field: spec.identifier_field }),
    ...(spec.slug && { slug: spec.slug }),
    ...(spec.summary && { summary: spec.summary }),
    ...(spec.sortable_fields && { sortable_fields: spec.sortable_fields }),
    ...(spec.media && { media_folder: spec.media.folder, public_folder: spec.media.public }),
    fields: [...fields, ...body],
  };
}
