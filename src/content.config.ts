import { defineCollection } from 'astro:content';
import { file, glob, type Loader } from 'astro/loaders';
import { audioSchema } from './schemas/audio';
import { documentSchema } from './schemas/documents';
import { explainerSchema } from './schemas/explainers';
import { languageSchema } from './schemas/languages';
import { qaSchema } from './schemas/qa';
import { settingsSchema } from './schemas/settings';
import { topicSchema } from './schemas/topics';
import { contentDir, contentFiles } from './lib/paths';
import { duplicateIds, idFromPath } from './lib/validate';

// Markdown by default, MDX only where an entry uses a component: .md builds ~4.5x faster and takes ~1/4 of the memory
// (measured on Astro 7 with 10,000 pages; see the README).
// Files whose name starts with "_" are drafts and are skipped.
const pages = { pattern: '**/[^_]*.{md,mdx}', extension: /\.mdx?$/ };
const data = { pattern: '**/[^_]*.{yaml,yml}', extension: /\.ya?ml$/ };

/** The glob loader with two rules of ours: the id is always the file path without extension (Astro's default lets a
 * `slug` field override it, and ids are printed URLs), and two files with one id fail the build. */
function from(folder: string, kind: typeof pages): Loader {
  const base = `${contentDir}/${folder}`;
  const inner = glob({ base, pattern: kind.pattern, generateId: ({ entry }) => idFromPath(entry) });
  return {
    ...inner,
    load: async (context) => {
      const files = contentFiles(base, kind.extension);
      const errors = duplicateIds(`content/${folder}/`, files);
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
  settings: defineCollection({ loader: file(`${contentDir}/settings.yaml`), schema: settingsSchema }),
};
