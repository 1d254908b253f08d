/** Bad audio files fail `astro build` naming the entry (content/audio/<id>.md), the field `file` and the problem;
 * a file outside the broadcast loudness range builds with a warning that names it. Fixtures are generated here. */
import { cp, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toneMp3 } from '../../scripts/lib/audio-fixtures';
import { sine, writeWav } from '../lib/audio/wav';
import { build, scratchOut, type BuildResult } from './helpers/build';
import { FIXTURE, fixtureSite } from './helpers/fixture-site';
import { root } from './helpers/paths';

const made: string[] = [];
afterAll(() => Promise.all(made.map((d) => rm(d, { recursive: true, force: true }))));

const entry = (id: string, order: number) =>
  `---\ntitle: "Bản thử ${id}"\nlang: vi\ntopic: dieu-tra-53-dan-toc\norder: ${order}\nfile: files/${id}.mp3\nspeaker: "Người thử"\nproducer: "Kiểm thử"\nrecorded: 2024-06-01\n---\n\nLời đọc thử.\n`;

/** Real content plus the given recordings, built. The copy stays inside the project, where MDX explainers render. */
async function buildWith(files: Record<string, Uint8Array>) {
  const dir = scratchOut('audio-content');
  await cp(resolve(root, 'content'), dir, { recursive: true });
  made.push(dir);
  let order = 90;
  for (const [id, bytes] of Object.entries(files)) {
    await writeFile(join(dir, 'audio', 'files', `${id}.mp3`), bytes);
    await writeFile(join(dir, 'audio', `${id}.md`), entry(id, order++));
  }
  const outDir = scratchOut('audio');
  made.push(outDir, `${outDir}-cache`);
  return build({ contentDir: dir, outDir });
}

// Builds run in hooks, whose time limit allows for waiting on other test files' builds on a busy machine.
describe('bad audio fails the build, each file named', () => {
  let bad: BuildResult;
  let empty: BuildResult;
  beforeAll(async () => {
    const good = toneMp3({ seconds: 4, level: -20 });
    const corrupt = good.slice();
    let seed = 7;
    for (let i = 1500; i < corrupt.length - 1500; i++) corrupt[i] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
    const wav = writeWav(sine({ frequency: 440, amplitude: 0.1, seconds: 1, sampleRate: 22050 }));
    const truncated = good.subarray(0, good.length - 100);
    bad = await buildWith({ 'thu-hong': corrupt, 'thu-wav': wav, 'thu-cat-cut': truncated });
    empty = await buildWith({ 'thu-rong': new Uint8Array() });
  });

  it('a corrupt MP3, a WAV renamed .mp3 and a truncated MP3, all in one report', () => {
    const r = bad;
    expect(r.code).not.toBe(0);
    expect(r.output).toContain('content/audio/thu-hong.md: trường "file" ("files/thu-hong.mp3"): tệp hỏng');
    expect(r.output).toContain(
      'content/audio/thu-wav.md: trường "file" ("files/thu-wav.mp3"): tệp này là WAV, không phải MP3',
    );
    expect(r.output).toContain('content/audio/thu-cat-cut.md: trường "file" ("files/thu-cat-cut.mp3"): tệp bị cắt cụt');
  });

  // An empty file counts as missing. It is caught with the cross-entry checks (src/lib/validate.ts, unit-tested with
  // every other content mistake), before any audio is read: this build is the one that shows those checks stop a
  // real build, naming the file and the field.
  it('an empty MP3', () => {
    const r = empty;
    expect(r.code).not.toBe(0);
    expect(r.output).toContain(
      'content/audio/thu-rong.md: trường "file": không tìm thấy tệp ghi âm "files/thu-rong.mp3"',
    );
  });
});

describe('loudness', () => {
  let output: string;
  beforeAll(async () => {
    ({ output } = await fixtureSite());
  });

  it('a file far louder than -23 LUFS builds with a warning naming it (fixture site)', () => {
    const id = FIXTURE.loudRecording;
    expect(output).toMatch(
      new RegExp(
        `Cảnh báo âm lượng: content/audio/${id}\\.md, tệp "files/${id}\\.mp3": độ lớn -?\\d+\\.\\d LUFS, lệch quá 3 LU`,
      ),
    );
    expect(output).toMatch(new RegExp(`${id}\\.mp3": đỉnh thực -?\\d+\\.\\d dBTP, vượt mức tối đa -1 dBTP`));
  });
});
