import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inChild } from './in-child';

let dir: string;
let module: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'loa-ban-in-child-'));
  module = join(dir, 'step.mjs');
  await writeFile(
    module,
    `export async function speaks({ dir, logger, cacheDir }) {
  for (let i = 0; i < 200; i++) logger.info('dòng ' + i);
  logger.warn(dir + ' ' + cacheDir + ' ' + process.pid);
}
export async function fails({ logger }) {
  logger.info('trước lỗi');
  throw new Error('Bước này hỏng: tệp x.html thiếu thẻ <main>.');
}
export async function exits() {
  process.exit(3);
}
`,
  );
});

afterAll(() => rm(dir, { recursive: true, force: true }));

function recorder() {
  const lines: string[] = [];
  return {
    lines,
    logger: { info: (m: string) => lines.push(`info ${m}`), warn: (m: string) => lines.push(`warn ${m}`) },
  };
}

describe('inChild', () => {
  it('runs the step in another process and delivers every log line, in order, before it resolves', async () => {
    const { lines, logger } = recorder();
    const site = pathToFileURL(`${dir}/`);
    await inChild(module, 'speaks', { dir: site, logger, cacheDir: '/tmp/cache' });
    expect(lines).toHaveLength(201);
    expect(lines.slice(0, 200)).toEqual(Array.from({ length: 200 }, (_, i) => `info dòng ${i}`));
    const [, href, cache, pid] = lines[200]!.split(' ');
    expect([href, cache]).toEqual([site.href, '/tmp/cache']);
    expect(Number(pid)).not.toBe(process.pid);
  });

  it("rejects with the step's own message, after the lines logged before it", async () => {
    const { lines, logger } = recorder();
    await expect(inChild(module, 'fails', { dir: pathToFileURL(`${dir}/`), logger, cacheDir: dir })).rejects.toThrow(
      'Bước này hỏng: tệp x.html thiếu thẻ <main>.',
    );
    expect(lines).toEqual(['info trước lỗi']);
  });

  it('rejects when the process ends without finishing, naming the module and the exit code', async () => {
    const { logger } = recorder();
    await expect(inChild(module, 'exits', { dir: pathToFileURL(`${dir}/`), logger, cacheDir: dir })).rejects.toThrow(
      /step\.mjs: tiến trình con dừng với mã 3/,
    );
  });
});
