/** Writes a draft Q&A into a git working copy of the site and commits it (and pushes, when configured), so it reaches
 * the git host the site is built from like any editor's change. The service runs as its own user with a deploy key
 * allowed to push; the build skips `_` files, so a draft is never published by accident. */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { load } from 'js-yaml';
import { draftFile, draftQa, type DraftQa } from './draft.ts';
import type { Submission } from './store.ts';

const run = promisify(execFile);

const frontMatter = (file: string): Record<string, unknown> => {
  const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(file, 'utf8'));
  const data = m ? load(m[1]!) : undefined;
  return data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
};

export class DraftError extends Error {}

/** One draft at a time: git's index is not shared safely between two commits at once. */
let queue: Promise<unknown> = Promise.resolve();

export function commitDraft(
  gitDir: string,
  s: Submission,
  edited: { question: string; topic: string },
  opts: { push: boolean; today: Date },
): Promise<DraftQa> {
  const next = queue.then(() => write(gitDir, s, edited, opts));
  queue = next.catch(() => undefined);
  return next;
}

async function write(
  gitDir: string,
  s: Submission,
  edited: { question: string; topic: string },
  opts: { push: boolean; today: Date },
): Promise<DraftQa> {
  if (!/^[a-z0-9-]+$/.test(edited.topic)) throw new DraftError('Chủ đề không hợp lệ.');
  const topicFile = join(gitDir, 'content/topics', `${edited.topic}.md`);
  if (!existsSync(topicFile)) throw new DraftError(`Không có chủ đề "${edited.topic}" trong content/topics/.`);
  const legalBasis = frontMatter(topicFile)['legalBasis'];
  const sources = Array.isArray(legalBasis) ? legalBasis.map(String) : [];
  if (sources.length === 0) throw new DraftError(`Chủ đề "${edited.topic}" chưa có văn bản căn cứ (legalBasis).`);
  const folder = join(gitDir, 'content/qa', edited.topic);
  const usedOrders = existsSync(folder)
    ? readdirSync(folder)
        .filter((f) => /\.mdx?$/.test(f))
        .map((f) => Number(frontMatter(join(folder, f))['order']))
        .filter(Number.isInteger)
    : [];
  const draft = draftQa({
    code: s.code,
    question: edited.question,
    topic: edited.topic,
    usedOrders,
    sources,
    person: { name: s.name, phone: s.phone },
    today: opts.today,
  });
  if ([...draft.question].length < 5) throw new DraftError('Câu hỏi của bản nháp cần ít nhất 5 ký tự.');
  const file = join(gitDir, 'content', draft.path);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, draftFile(draft, s.code));
  const git = (...args: string[]) => run('git', ['-C', gitDir, ...args]);
  await git('add', '--', join('content', draft.path));
  await git(
    '-c',
    'user.name=Hộp thư Loa Bản',
    '-c',
    'user.email=hop-thu@loa-ban.invalid',
    'commit',
    '--quiet',
    '-m',
    `Bản nháp hỏi đáp từ hộp thư (${s.code})`,
    '--',
    join('content', draft.path),
  );
  if (opts.push) await git('push', '--quiet');
  return draft;
}
