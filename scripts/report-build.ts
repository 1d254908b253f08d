/** After `npm run build` in Forgejo Actions or GitHub Actions (scripts/deploy/workflows/publish.yml): shows the
 * editor why the change did or did not publish, where they look.
 * - a commit status on the commit ("Loa Bản: dựng trang"), with the first Vietnamese message as its description and a
 *   link to the run: the git host shows it beside the commit and on the review (pull request) Decap opened;
 * - on a review, a comment listing every message;
 * - the job summary ($GITHUB_STEP_SUMMARY), where the host shows one.
 *
 *   node scripts/report-build.ts build.log success|failure
 *
 * Uses the variables both hosts set (GITHUB_API_URL, GITHUB_REPOSITORY, GITHUB_SHA, GITHUB_SERVER_URL, GITHUB_RUN_ID,
 * GITHUB_EVENT_PATH) and GITHUB_TOKEN from the workflow. Forgejo answers the same API paths under /api/v1. */
import { appendFileSync, readFileSync } from 'node:fs';
import { editorMessages, reportMarkdown, statusDescription } from '../src/lib/build-report.ts';

const [logFile, outcome] = process.argv.slice(2);
if (!logFile || (outcome !== 'success' && outcome !== 'failure')) {
  console.error('Cách dùng: node scripts/report-build.ts build.log success|failure');
  process.exit(2);
}
const env = process.env;
const log = readFileSync(logFile, 'utf8');
const ok = outcome === 'success';
const messages = editorMessages(log);
const runUrl = `${env['GITHUB_SERVER_URL']}/${env['GITHUB_REPOSITORY']}/actions/runs/${env['GITHUB_RUN_ID']}`;
const report = reportMarkdown(messages, log, runUrl);

if (!ok) {
  console.log(report);
  if (env['GITHUB_STEP_SUMMARY']) appendFileSync(env['GITHUB_STEP_SUMMARY'], report);
}

async function api(path: string, body: unknown): Promise<void> {
  const url = `${env['GITHUB_API_URL']}/repos/${env['GITHUB_REPOSITORY']}${path}`;
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      Authorization: `token ${env['GITHUB_TOKEN']}`,
      'Content-Type': 'application/json',
      Accept: 'application/json',
    },
    body: JSON.stringify(body),
  });
  if (!response.ok) console.error(`${url}: ${response.status} ${await response.text()}`);
}

if (env['GITHUB_API_URL'] && env['GITHUB_TOKEN'] && env['GITHUB_REPOSITORY']) {
  const event = env['GITHUB_EVENT_PATH'] ? JSON.parse(readFileSync(env['GITHUB_EVENT_PATH'], 'utf8')) : {};
  const sha: string = event.pull_request?.head?.sha ?? env['GITHUB_SHA'];
  await api(`/statuses/${sha}`, {
    state: ok ? 'success' : 'failure',
    context: 'Loa Bản: dựng trang',
    description: statusDescription(messages, ok),
    target_url: runUrl,
  });
  if (!ok && event.pull_request?.number) await api(`/issues/${event.pull_request.number}/comments`, { body: report });
}
