import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { file, glob, type Loader, type LoaderContext } from 'astro/loaders';
import { audioSchema } from './schemas/audio';
import { documentSchema } from './schemas/documents';
import { explainerSchema } from './schemas/explainers';
import { languageSchema } from './schemas/languages';
import { qaSchema } from './schemas/qa';
import { settingsSchema } from './schemas/settings';
import { topicSchema } from './schemas/topics';
import { existsSync, readFileSync } from 'node:fs';
import { contentDir, contentFiles, shownPath } from './lib/paths';
import { impossibleDates } from './lib/raw-dates';
import { astroSchemaMessage, zodVietnamese, type SchemaIssue } from './lib/schema-errors';
import { duplicateIds, idFromPath } from './lib/validate';

// Markdown by default, MDX only where an entry uses a component: .md builds ~4.5x faster and takes ~1/4 of the memory
// (measured on Astro 7 with 10,000 pages; see the README).
// Files whose name starts with "_" are drafts and are skipped.
const pages = { pattern: '**/[^_]*.{md,mdx}', extension: /\.mdx?$/ };
const data = { pattern: '**/[^_]*.{yaml,yml}', extension: /\.ya?ml$/ };

// zod's own messages ("Unrecognized key"…) in Vietnamese; Astro's formatting of them is rewritten in vietnamese().
z.config({ customError: (issue) => zodVietnamese(issue as unknown as SchemaIssue) });

/** A loader whose schema errors reach editors in plain Vietnamese, naming the file and the field. */
function vietnamese(loader: Loader): Loader {
  return {
    ...loader,
    load: (context) => {
      const parseData: LoaderContext['parseData'] = async (props) => {
        try {
          return await context.parseData(props);
        } catch (error) {
          if (error instanceof Error && props.filePath) {
            error.message = astroSchemaMessage(error.message, shownPath(props.filePath));
            if ('hint' in error) error.hint = 'Xem bảng các trường trong content/README.md.';
          }
          throw error;
        }
      };
      return loader.load({ ...context, parseData });
    },
  };
}

/** The glob loader with three rules of ours: the id is always the file path without extension (Astro's default lets a
 * `slug` field override it, and ids are printed URLs), two files with one id fail the build, and so does a date that
 * does not exist (read from the raw text: YAML would roll 2024-02-30 over to 1 March before any schema sees it). */
function from(folder: string, kind: typeof pages): Loader {
  const base = `${contentDir}/${folder}`;
  const inner = glob({ base, pattern: kind.pattern, generateId: ({ entry }) => idFromPath(entry) });
  return vietnamese({
    ...inner,
    load: async (context) => {
      const files = contentFiles(base, kind.extension);
      const errors = [
        ...duplicateIds(`content/${folder}/`, files),
        ...files.flatMap((f) => impossibleDates(`content/${folder}/${f}`, readFileSync(`${base}/${f}`, 'utf8'))),
      ];
      if (errors.length > 0) throw new Error(errors.join('\n'));
      return inner.load(context);
    },
  });
}

/** content/settings.yaml through Astro's file loader, with the same honest-date rule. */
function settingsFile(): Loader {
  const path = `${contentDir}/settings.yaml`;
  const inner = file(path);
  return {
    ...inner,
    load: async (context) => {
      const errors = existsSync(path) ? impossibleDates('content/settings.yaml', readFileSync(path, 'utf8')) : [];
      if (errors.length > 0) throw new Error(errors.join('\n'));
      return inner.load(context);
    },
  };
}

export const collections = {
  topics: defineCollection({ loader: from('topics', pages), schema: topicSchema }),
  qa: defineCollection({ loader: from('qa', pages), schema: qaSchema }),
  explainers: defineCollection({ loader: from('explainers', pages), schema: ({ image }) => explainerSchema(image) }),
  audio: defineCollection({ loader: from('audio', pages), schema: audioSchema }),
  documents: defineCollection({ loader: from('documents', data), schema: documentSchema }),
  languages: defineCollection({ loader: from('languages', data), schema: languageSchema }),
  settings: defineCollection({ loader: vietnamese(settingsFile()), schema: settingsSchema }),
};
