/** The editing app's view of the content collections: each collection's schema (the same one Astro validates with),
 * its folder, labels and the widgets it swaps in. The Decap configuration is generated from this at build
 * (src/pages/bien-tap/config.yml.ts), so a field added to a schema appears in the editor without a second copy. */
import { z } from 'astro/zod';
import { audioSchema } from '../schemas/audio';
import { documentSchema } from '../schemas/documents';
import { explainerSchema } from '../schemas/explainers';
import { languageSchema } from '../schemas/languages';
import { qaSchema } from '../schemas/qa';
import { settingsSchema } from '../schemas/settings';
import { topicSchema } from '../schemas/topics';
import strings from '../i18n/editor.vi.json';
import { backendFromEnv, cmsConfig, type Backend, type CollectionSpec } from '../lib/cms/config';

export type EditorKey = keyof typeof strings;
export const e = (key: EditorKey): string => strings[key];

/** `order` offers the next free number as soon as the topic (and language) is known. Decap validates a field that a
 * widget filled by itself against the value it had when the form opened (3.16), so it would refuse to save the number
 * it shows: the field is not marked required in the editor; the build still requires it. */
const nextOrder = { widget: 'next-order', required: false };

/** Explainer images are files next to the entry; in the editor they are uploaded like any image. */
const imageField = () => z.string().meta({ cms: { widget: 'image' } });

const fieldLabel = (name: string) => (strings as Record<string, string>)[`fields.${name}`];

/** The collections, in the order the editor's menu shows them. */
export function collectionSpecs(): CollectionSpec[] {
  return [
    {
      name: 'qa',
      label: e('collections.qa'),
      label_singular: e('collections.qa.one'),
      description: e('collections.qa.description'),
      schema: qaSchema,
      folder: 'content/qa',
      extension: 'md',
      path: '{{topic}}/{{slug}}',
      identifier_field: 'question',
      // File names come from the question without tone marks; a question in Khmer script leaves nothing of itself, so
      // a translation's name also says it is one ("…-ban-dich", numbered if taken).
      slug: "{{slug}}{{translationOf | ternary('-ban-dich', '')}}",
      summary: '{{order}}. {{question}} ({{lang}})',
      sortable_fields: ['topic', 'order', 'updated'],
      body: { label: e('body.qa'), hint: e('body.qa.hint'), required: true },
      widgets: { order: nextOrder },
      display: { search_fields: ['question'], display_fields: ['question'] },
    },
    {
      name: 'audio',
      label: e('collections.audio'),
      label_singular: e('collections.audio.one'),
      description: e('collections.audio.description'),
      schema: audioSchema,
      folder: 'content/audio',
      extension: 'md',
      identifier_field: 'title',
      summary: '{{title}} ({{lang}})',
      body: { label: e('body.audio'), hint: e('body.audio.hint'), required: true },
      widgets: { file: { widget: 'mp3' }, order: nextOrder },
      media: { folder: 'files', public: 'files' },
      display: { search_fields: ['title'], display_fields: ['title'] },
    },
    {
      name: 'topics',
      label: e('collections.topics'),
      label_singular: e('collections.topics.one'),
      description: e('collections.topics.description'),
      schema: topicSchema,
      folder: 'content/topics',
      extension: 'md',
      identifier_field: 'shortTitle',
      summary: '{{title}}',
      body: { label: e('body.topics'), hint: e('body.topics.hint'), required: false },
      widgets: { order: nextOrder },
      display: { search_fields: ['title', 'shortTitle'], display_fields: ['title'] },
    },
    {
      name: 'explainers',
      label: e('collections.explainers'),
      label_singular: e('collections.explainers.one'),
      schema: explainerSchema(imageField as never),
      folder: 'content/explainers',
      extension: 'mdx',
      identifier_field: 'title',
      summary: '{{title}}',
      body: { label: e('body.explainers'), hint: e('body.explainers.hint'), required: true, raw: true },
      media: { folder: 'anh', public: './anh' },
      display: { search_fields: ['title'], display_fields: ['title'] },
    },
    {
      name: 'documents',
      label: e('collections.documents'),
      label_singular: e('collections.documents.one'),
      schema: documentSchema,
      folder: 'content/documents',
      extension: 'yaml',
      identifier_field: 'title',
      summary: '{{kind}} {{number}} ({{year}})',
      display: {
        search_fields: ['number', 'title', 'about', 'kind', 'issuer'],
        display_fields: ['kind', 'number', 'year', 'issuer'],
      },
    },
    {
      name: 'languages',
      label: e('collections.languages'),
      label_singular: e('collections.languages.one'),
      schema: languageSchema,
      folder: 'content/languages',
      extension: 'yaml',
      identifier_field: 'slug',
      summary: '{{name}} ({{nativeName}})',
      display: { search_fields: ['name', 'nativeName'], display_fields: ['name'] },
    },
    {
      name: 'settings',
      label: e('collections.settings'),
      label_singular: e('collections.settings'),
      schema: settingsSchema,
      file: { path: 'content/settings.yaml', key: 'site', label: e('collections.settings.file') },
      display: { search_fields: ['siteName'], display_fields: ['siteName'] },
    },
  ];
}

/** The configuration for this build: the backend from LOA_BAN_CMS_* variables, and during `npm run edit` the local
 * proxy (scripts/edit.ts sets LOA_BAN_CMS_LOCAL). */
export function editorConfig(env: Record<string, string | undefined>, siteUrl: string) {
  const local = env['LOA_BAN_CMS_LOCAL'];
  const backend: Backend = local
    ? { name: 'proxy', proxy_url: local, branch: env['LOA_BAN_CMS_BRANCH'] ?? 'main' }
    : backendFromEnv(env);
  return cmsConfig({
    collections: collectionSpecs(),
    backend,
    workflow: env['LOA_BAN_CMS_WORKFLOW'] !== '0',
    siteUrl,
    messages: { pattern: e('messages.pattern'), integer: e('messages.integer') },
    label: fieldLabel,
  });
}
