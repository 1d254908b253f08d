import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { toneMp3 } from '../../../scripts/lib/audio-fixtures';
import { sha256 } from './hash.ts';
import { processAudio } from './process.ts';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

describe('processAudio', () => {
  it('measures the file, makes the phone copy, then serves both from the cache', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'loa-ban-audio-cache-'));
    dirs.push(dir);
    // A mono 1 kHz tone peaking at -20 dBFS reads -23 LUFS.
    const mp3 = toneMp3({ seconds: 5, sampleRate: 44100, kbps: 128, level: -20, frequency: 1000 });
    const cold = await processAudio(mp3, dir);
    expect(cold.cached).toBe(false);
    expect(cold.analysis.sha256).toBe(sha256(mp3));
    expect(Math.abs(cold.analysis.loudness! - -23)).toBeLessThan(0.5);
    expect(Math.abs(cold.analysis.truePeak! - -20)).toBeLessThan(0.5);
    expect(cold.analysis.dataSaver.metadata.channels).toBe(1);
    expect(cold.analysis.dataSaver.metadata.bitrate).toBeLessThanOrEqual(40000);
    expect(Math.abs(cold.analysis.dataSaver.loudness! - -16)).toBeLessThan(0.5);
    const warm = await processAudio(mp3, dir);
    expect(warm.cached).toBe(true);
    expect(warm.analysis).toEqual(cold.analysis);
    expect(warm.dataSaver).toEqual(cold.dataSaver);
  }, 60_000);

  it('recomputes a damaged cache entry', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'loa-ban-audio-cache-'));
    dirs.push(dir);
    const mp3 = toneMp3({ seconds: 1 });
    const first = await processAudio(mp3, dir);
    const copy = (await readdir(dir)).find((f) => f.endsWith('.mp3'))!;
    await writeFile(join(dir, copy), 'broken');
    const again = await processAudio(mp3, dir);
    expect(again.cached).toBe(false);
    expect(again.dataSaver).toEqual(first.dataSaver);
  }, 60_000);
});
