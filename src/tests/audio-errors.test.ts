/** Bad audio files fail `astro build` naming the entry (content/audio/<id>.md), the field `file` and the problem;
 * a file outside the broadcast loudness range builds with a warning that names it. Fixtures are generated here. */
import { cp, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { toneMp3 } from '../../scripts/lib/audio-fixtures';
import { sine, writeWav } from '../lib/audio/wav';
import { build, scratchOut } from './helpers/build';
import { root } from './helpers/paths';

const made: string[] = [];
afterAll(() => Promise.all(made.map((d) => rm(d, { recursive: true, force: true }))));

const entry = (id: string, order: number) =>
  `---\ntitle: "Bản thử ${id}"\nlang: vi\ntopic: dieu-tra-53-dan-toc\norder: ${order}\nfile: files/${id}.mp3\nspeaker: "Người thử"\nproducer: "Kiểm thử"\nrecorded: 2024-06-01\n---\n\nLời đọc thử.\n`;

/** Real content plus the given recordings. The copy stays inside the project: MDX explainers do not render from a
 * content folder outside it (copyContent() puts it in the system temp folder), and the warning test needs a build
 * that succeeds. */
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
  made.push(outDir);
  return build({ contentDir: dir, outDir });
}

describe.concurrent('bad audio', () => {
  it('a corrupt MP3, a WAV renamed .mp3 and a truncated MP3 fail the build, each named', async () => {
    const good = toneMp3({ seconds: 4, level: -20 });
    const corrupt = good.slice();
    let seed = 7;
    for (let i = 1500; i < corrupt.length - 1500; i++) corrupt[i] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
    const wav = writeWav(sine({ frequency: 440, amplitude: 0.1, seconds: 1, sampleRate: 22050 }));
    const truncated = good.subarray(0, good.length - 100);
    const r = await buildWith({ 'thu-hong': corrupt, 'thu-wav': wav, 'thu-cat-cut': truncated });
    expect(r.code).not.toBe(0);
    expect(r.output).toContain('content/audio/thu-hong.md: trường "file" ("files/thu-hong.mp3"): tệp hỏng');
    expect(r.output).toContain(
      'content/audio/thu-wav.md: trường "file" ("files/thu-wav.mp3"): tệp này là WAV, không phải MP3',
    );
    expect(r.output).toContain('content/audio/thu-cat-cut.md: trường "file" ("files/thu-cat-cut.mp3"): tệp bị cắt cụt');
  }, 600_000);

  it('an empty MP3 fails the build, named', async () => {
    const r = await buildWith({ 'thu-rong': new Uint8Array() });
    expect(r.code).not.toBe(0);
    expect(r.output).toContain('thu-rong.md');
    expect(r.output).toContain('"file"');
    expect(r.output).toContain('files/thu-rong.mp3');
  }, 600_000);

  it('a file far louder than -23 LUFS builds with a warning naming it', async () => {
    // A tone driven 6 dB past full scale (clipped square-ish): about 0 LUFS, true peak above 0 dBTP.
    const r = await buildWith({ 'thu-qua-to': toneMp3({ seconds: 3, level: 6, frequency: 1000 }) });
    expect(r.code, r.output.slice(-3000)).toBe(0);
    expect(r.output).toMatch(
      /Cảnh báo âm lượng: content\/audio\/thu-qua-to\.md, tệp "files\/thu-qua-to\.mp3": độ lớn -\d+\.\d LUFS, lệch quá 3 LU/,
    );
    expect(r.output).toMatch(/thu-qua-to\.mp3": đỉnh thực -?\d+\.\d dBTP, vượt mức tối đa -1 dBTP/);
  }, 600_000);
});
