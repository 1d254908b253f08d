import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sample, storeContract } from '../tests/helpers/store-contract';
import { openSqliteStore } from './store';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true }))));
const file = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'store-'));
  dirs.push(dir);
  return join(dir, 'hop-thu.sqlite');
};

storeContract('SQLite', async () => openSqliteStore(await file()));

describe('SQLite store', () => {
  it('keeps data across reopening, in WAL mode', async () => {
    const path = await file();
    const s = openSqliteStore(path);
    const { code } = await s.add(sample, new Date());
    await s.close();
    const reopened = openSqliteStore(path);
    expect(await reopened.byCode(code)).toMatchObject({ question: 'Câu hỏi' });
    await reopened.close();
  });
});
