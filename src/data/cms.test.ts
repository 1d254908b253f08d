/** The generated editor configuration against the real schemas: complete, labelled in Vietnamese, and following any
 * change to a schema without a second hand-written copy. */
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { audioSchema } from '../schemas/audio';
import { qaSchema } from '../schemas/qa';
import { collectionSpecs, editorConfig } from './cms';
import { backendFromEnv, cmsConfig, type CollectionSpec } from '../lib/cms/config';
import { fieldPaths, schemaPaths, type CmsField } from '../lib/cms/fields';

type Collection = { name: string; fields?: CmsField[]; files?: { fields: CmsField[] }[] };
const collections = (config: Record<string, unknown>) => config['collections'] as Collection[];
/** A collection's schema fields (settings sits under its file's `site:` key). */
const fieldsOf = (c: Collection) => c.fields ?? c.files![0]!.fields[0]!.fields!;
const local = { LOA_BAN_CMS_LOCAL: 'http://127.0.0.1:8081/api/v1', LOA_BAN_CMS_BRANCH: 'main' };

describe('the editing app configuration generated from src/schemas/', () => {
  const config = editorConfig(local, 'https://thu.loa-ban.example/');

  it('has every field of every collection schema, nested ones included, plus the Markdown body', () => {
    const specs = collectionSpecs();
    expect(specs.map((s) => s.name).sort()).toEqual(
      ['audio', 'documents', 'explainers', 'languages', 'qa', 'settings', 'topics'].sort(),
    );
    for (const spec of specs) {
      const generated = collections(config).find((c) => c.name === spec.name)!;
      const paths = fieldPaths(fieldsOf(generated));
      expect(paths.filter((p) => p !== 'body').sort(), spec.name).toEqual(schemaPaths(spec.schema).sort());
      expect(paths.includes('body'), `${spec.name} body`).toBe(!!spec.body);
    }
  });

  it('gives every field a Vietnamese label (a new field fails here until src/i18n/editor.vi.json names it)', () => {
    const unlabelled = collections(config).flatMap((c) =>
      fieldPaths(fieldsOf(c))
        .filter((path) => {
          const name = path.split(/\.|\[\]\./).at(-1)!;
          const find = (fields: CmsField[], parts: string[]): CmsField | undefined => {
            const f = fields.find((x) => x.name === parts[0]!.replace('[]', ''));
            return parts.length === 1 || !f ? f : find(f.fields ?? [], parts.slice(1));
          };
          const f = find(fieldsOf(c), path.split('.'));
          return !f || f.label === name;
        })
        .map((p) => `${c.name}.${p}`),
    );
    expect(unlabelled).toEqual([]);
  });

  it('follows a field added to a schema, with its type, status and help text, without other changes', () => {
    const extended = qaSchema.extend({
      reviewer: z.string().min(1).optional().describe('Người duyệt câu trả lời'),
    });
    const specs = collectionSpecs().map((s): CollectionSpec => (s.name === 'qa' ? { ...s, schema: extended } : s));
    const next = cmsConfig({
      collections: specs,
      backend: { name: 'proxy', proxy_url: local.LOA_BAN_CMS_LOCAL, branch: 'main' },
      workflow: true,
      siteUrl: 'https://thu.loa-ban.example/',
      messages: { pattern: 'x', integer: 'y' },
    });
    const qa = collections(next).find((c) => c.name === 'qa')!;
    expect(qa.fields!.find((f) => f.name === 'reviewer')).toMatchObject({
      widget: 'text',
      required: false,
      hint: 'Người duyệt câu trả lời',
    });
    expect(
      collections(config)
        .find((c) => c.name === 'qa')!
        .fields!.some((f) => f.name === 'reviewer'),
    ).toBe(false);
  });

  it('offers every reference (topic, sources, lang, audio, qa) as a picker over the real entries', () => {
    const byName = (c: string, f: string) =>
      fieldsOf(collections(config).find((x) => x.name === c)!).find((x) => x.name === f)!;
    expect(byName('qa', 'topic')).toMatchObject({ widget: 'relation', collection: 'topics' });
    expect(byName('qa', 'sources')).toMatchObject({ widget: 'relation', collection: 'documents', multiple: true });
    expect(byName('qa', 'lang')).toMatchObject({ widget: 'relation', collection: 'languages', default: 'vi' });
    expect(byName('qa', 'audio')).toMatchObject({ widget: 'relation', collection: 'audio' });
    expect(byName('audio', 'qa')).toMatchObject({ widget: 'relation', collection: 'qa', multiple: true });
    expect(byName('topics', 'legalBasis')).toMatchObject({ widget: 'relation', collection: 'documents' });
    // Q&A live in content/qa/<topic>/: the id a reference holds is that path.
    expect(collections(config).find((c) => c.name === 'qa')).toMatchObject({ path: '{{topic}}/{{slug}}' });
  });

  it('swaps in the upload-or-record widget for a recording file, uploads into content/audio/files/', () => {
    const audio = collections(config).find((c) => c.name === 'audio') as Collection & Record<string, unknown>;
    expect(audio.fields!.find((f) => f.name === 'file')!.widget).toBe('mp3');
    expect(audio).toMatchObject({ folder: 'content/audio', media_folder: 'files', public_folder: 'files' });
    expect(audioSchema.shape.file.safeParse(`files/ban-ghi-20261202.mp3`).success).toBe(true);
  });

  it('uses Vietnamese and the editorial workflow where the backend has it', () => {
    expect(config).toMatchObject({ locale: 'vi', publish_mode: 'editorial_workflow' });
    const gitea = editorConfig({ LOA_BAN_CMS_BACKEND: 'gitea' }, 'https://thu.loa-ban.example/');
    expect(gitea['publish_mode']).toBeUndefined();
    const fs = editorConfig({ ...local, LOA_BAN_CMS_WORKFLOW: '0' }, 'https://thu.loa-ban.example/');
    expect(fs['publish_mode']).toBeUndefined();
  });
});

describe('backendFromEnv', () => {
  it('reads each production backend from LOA_BAN_CMS_* variables', () => {
    expect(
      backendFromEnv({
        LOA_BAN_CMS_REPO: 'stttt/loa-ban',
        LOA_BAN_CMS_API_ROOT: 'https://git.tinh.example/api/v1',
        LOA_BAN_CMS_APP_ID: 'abc',
      }),
    ).toEqual({
      name: 'forgejo',
      repo: 'stttt/loa-ban',
      branch: 'main',
      api_root: 'https://git.tinh.example/api/v1',
      app_id: 'abc',
    });
    expect(backendFromEnv({ LOA_BAN_CMS_BACKEND: 'github', LOA_BAN_CMS_AUTH_URL: 'https://auth.example' })).toEqual({
      name: 'github',
      repo: 'so-tttt/loa-ban',
      branch: 'main',
      base_url: 'https://auth.example',
    });
    expect(backendFromEnv({ LOA_BAN_CMS_BACKEND: 'gitlab', LOA_BAN_CMS_APP_ID: 'x' })).toMatchObject({
      name: 'gitlab',
      auth_type: 'pkce',
      app_id: 'x',
    });
    expect(() => backendFromEnv({ LOA_BAN_CMS_BACKEND: 'svn' })).toThrow(/chỉ dùng forgejo, github, gitlab hoặc gitea/);
  });
});
