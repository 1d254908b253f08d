import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { file, glob } from 'astro/loaders';
import { audioSchema } from './schemas/audio';
import { documentSchema } from './schemas/documents';
import { explainerSchema } from './schemas/explainers';
import { languageSchema } from './schemas/languages';
import { qaSchema } from './schemas/qa';
import { settingsSchema } from './schemas/settings';
import { topicSchema } from './schemas/topics';
import { contentDir } from './lib/paths';
import { vietnameseError } from './lib/zod-vi';

// Editors read schema errors in Vietnamese; messages we wrote ourselves pass through unchanged.
z.config({ customError: (issue) => vietnameseError(issue) });

// Markdown by default, MDX only where an entry uses a component: .md builds ~4.5x faster (ARCHITECTURE.md).
const pages = '**/[^_]*.{md,mdx}';
const data = '**/[^_]*.{yaml,yml}';
// The id is the file path without extension, always: Astro's default would let a `slug` field override it, and ids
// are printed URLs that must only change when a file is renamed.
const generateId = ({ entry }: { entry: string }) => entry.replace(/\.[^./]+$/, '');
const from = (folder: string, pattern: string) => glob({ base: `${contentDir}/${folder}`, pattern, generateId });

export const collections = {
  topics: defineCollection({ loader: from('topics', pages), schema: topicSchema }),
  qa: defineCollection({ loader: from('qa', pages), schema: qaSchema }),
  explainers: defineCollection({ loader: from('explainers', pages), schema: explainerSchema }),
  audio: defineCollection({ loader: from('audio', pages), schema: audioSchema }),
  documents: defineCollection({ loader: from('documents', data), schema: documentSchema }),
  languages: defineCollection({ loader: from('languages', data), schema: languageSchema }),
  settings: defineCollection({ loader: file(`${contentDir}/settings.yaml`), schema: settingsSchema }),
};
