/**
 * The build's truth checks on the content folder, without a build (seconds instead of minutes): impossible dates,
 * documents' figure lists, corrections, and the citation check of every Q&A, explainer, topic and recording. It runs
 * the same functions the build runs (src/lib/raw-dates.ts, validate.ts, citations.ts); the build adds the schemas and
 * the reference checks on top.
 *
 * Run: npm run check:citations            (content/, or LOA_BAN_CONTENT)
 *      npm run check:citations -- <dir>   (another content folder)
 * Exits 1 and lists every problem when there is one.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import yaml from 'js-yaml';
import { checkSiteCitations, CITATION_HINT, type SiteEntry } from '../src/lib/citations.ts';
import { contentDir, contentFiles } from '../src/lib/paths.ts';
import { impossibleDates, yamlOf } from '../src/lib/raw-dates.ts';
import { checkCorrections, checkDocuments, idFromPath } from '../src/lib/validate.ts';

const dir = resolve(process.argv[2] ?? contentDir);

/** Every entry of a collection folder, parsed as Astro parses it (js-yaml's default schema: dates become Dates). */
function load(folder: string, extension: RegExp): SiteEntry[] {
  const base = join(dir, folder);
  return contentFiles(base, extension).map((f) => {
    const raw = readFileSync(join(base, f), 'utf8');
    const file = `content/${folder}/${f}`;
    const front = yamlOf(file, raw) ?? '';
    const data = (yaml.load(front) ?? {}) as Record<string, unknown>;
    const body = /\.ya?ml$/.test(f) ? '' : raw.replace(/^\uFEFF?---\r?\n[\s\S]*?\r?\n---\r?\n?/, '');
    return { id: idFromPath(f), file, raw, body, data };
  });
}

const pages = /\.mdx?$/;
const collections = {
  topics: load('topics', pages),
  qa: load('qa', pages),
  explainers: load('explainers', pages),
  audio: load('audio', pages),
  documents: load('documents', /\.ya?ml$/),
};
const asEntries = (list: SiteEntry[]) => list.map((e) => ({ id: e.id, filePath: e.file, data: e.data }));
const errors = [
  ...Object.values(collections).flatMap((list) => list.flatMap((e) => impossibleDates(e.file, e.raw))),
  ...checkDocuments(asEntries(collections.documents)),
  ...checkCorrections(Object.fromEntries(Object.entries(collections).map(([k, v]) => [k, asEntries(v)]))),
];
const citations = checkSiteCitations(collections);

const counted = Object.entries(collections)
  .map(([k, v]) => `${v.length} ${k}`)
  .join(', ');
if (errors.length + citations.length === 0) {
  console.log(`Đã kiểm tra ${counted}: không có lỗi.`);
} else {
  for (const e of [...errors, ...citations]) console.log(`- ${e}`);
  if (citations.length > 0) console.log(`\n${CITATION_HINT}`);
  console.log(`\n${errors.length + citations.length} lỗi (${counted}).`);
  process.exitCode = 1;
}
