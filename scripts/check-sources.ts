/**
 * Checks the figures and titles the documents list (content/documents/) against a folder of the official texts, the
 * seed files named NNN_<hash>.txt (a document's `text` is its NNN). Figures are compared normalised, as the build's
 * citation check compares pages: "01/7/2024" in a list finds "ngày 01 tháng 7 năm 2024" in the text.
 *
 * Run: npm run check:sources -- <folder>       (e.g. ../shared/seeds)
 * Names every figure or title it cannot find and exits 1; exits 2 when the folder holds no seed file.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import yaml from 'js-yaml';
import { contentDir, contentFiles } from '../src/lib/paths.ts';
import { checkAgainstTexts, seedNumber, type SourceText } from '../src/lib/sources.ts';
import { idFromPath } from '../src/lib/validate.ts';

const folder = process.argv[2];
if (!folder) {
  console.error('Cách dùng: npm run check:sources -- <thư mục văn bản nguồn>');
  process.exit(2);
}
if (!existsSync(resolve(folder))) {
  console.error(`${folder}: không có thư mục này.`);
  process.exit(2);
}
const texts = new Map<string, SourceText>();
for (const name of readdirSync(resolve(folder))) {
  const seed = seedNumber(name);
  if (seed) texts.set(seed, { name, text: readFileSync(join(resolve(folder), name), 'utf8') });
}
if (texts.size === 0) {
  console.error(`${folder}: không có tệp văn bản nguồn nào (tên dạng NNN_<mã>.txt).`);
  process.exit(2);
}
const base = join(contentDir, 'documents');
const documents = contentFiles(base, /\.ya?ml$/).map((f) => ({
  id: idFromPath(f),
  file: `content/documents/${f}`,
  data: (yaml.load(readFileSync(join(base, f), 'utf8')) ?? {}) as Record<string, unknown>,
}));
const report = checkAgainstTexts(documents, texts);
const summary = `${report.figures} số liệu và ${report.titles} trích yếu của ${documents.length} văn bản, đối chiếu với ${texts.size} văn bản nguồn`;
if (report.errors.length === 0) {
  console.log(`Đã kiểm tra ${summary}: tất cả đều có trong văn bản.`);
} else {
  for (const e of report.errors) console.log(`- ${e}`);
  console.log(`\n${report.errors.length} chỗ không tìm thấy (${summary}).`);
  process.exitCode = 1;
}
