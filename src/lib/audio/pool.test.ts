import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { toneMp3 } from '../../../scripts/lib/audio-fixtures';
import { processMany } from './pool';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

describe('processMany', () => {
  it('processes files on worker threads, keeps order, reports bad files alone, then answers from the cache', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'loa-ban-pool-'));
    dirs.push(dir);
    const files = [
      toneMp3({ seconds: 2, frequency: 300 }),
      new Uint8Array([1, 2, 3]),
      toneMp3({ seconds: 3, frequency: 500 }),
    ];
    const workerFile = new URL('./worker.ts', import.meta.url);
    const cold = await processMany(files, dir, { workerFile, threads: 2 });
    expect(cold.map((o) => o.ok)).toEqual([true, false, true]);
    if (!cold[1]!.ok) expect(cold[1]!.error.name).toBe('Mp3FormatError');
    const durations = cold.map((o) => (o.ok ? Math.round(o.value.analysis.metadata.duration) : null));
    expect(durations).toEqual([2, null, 3]);
    const warm = await processMany(files, dir, { workerFile, threads: 2 });
    expect(warm.map((o) => o.ok && o.value.cached)).toEqual([true, false, true]);
    expect(warm[2]!.ok && warm[2]!.value.dataSaver).toEqual(cold[2]!.ok && cold[2]!.value.dataSaver);
  }, 60_000);
});
