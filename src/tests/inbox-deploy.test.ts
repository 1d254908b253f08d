/** The inbox's deployment files: the systemd unit is valid for systemd and runs the service's entry point, and the
 * example settings file starts the real service. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startInboxService } from '../../scripts/lib/inbox-service';
import { root } from './helpers/paths';

const unit = readFileSync(join(root, 'scripts/deploy/loa-ban-hop-thu.service'), 'utf8');
const envFile = readFileSync(join(root, 'scripts/deploy/hop-thu.env'), 'utf8');
const analyze = ['/usr/bin/systemd-analyze', '/bin/systemd-analyze'].find((p) => existsSync(p));

describe('scripts/deploy/loa-ban-hop-thu.service', () => {
  it('runs src/inbox/main.ts (what `npm run inbox` runs) on Node 24, with the settings file', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(pkg.scripts.inbox).toBe('node src/inbox/main.ts');
    expect(unit).toMatch(/^ExecStart=\/opt\/loa-ban-node24\/node_modules\/\.bin\/node src\/inbox\/main\.ts$/m);
    expect(unit).toMatch(/^EnvironmentFile=\/etc\/loa-ban\/hop-thu\.env$/m);
    expect(existsSync(join(root, 'src/inbox/main.ts'))).toBe(true);
  });

  it('is found by the test (systemd is installed by .ci/run)', () => {
    expect(analyze, 'systemd-analyze (apt-get install systemd)').toBeDefined();
  });

  it.runIf(analyze)('passes systemd-analyze verify', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'loa-ban-unit-'));
    try {
      // verify checks that the program exists: point it at this machine's Node.
      const file = join(dir, 'loa-ban-hop-thu.service');
      await writeFile(file, unit.replace('/opt/loa-ban-node24/node_modules/.bin/node', process.execPath));
      const r = spawnSync(analyze!, ['verify', file], { encoding: 'utf8' });
      expect(r.stderr.split('\n').filter((l) => l.includes('loa-ban-hop-thu'))).toEqual([]);
      expect(r.status).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('scripts/deploy/hop-thu.env', () => {
  const settings = Object.fromEntries(
    envFile
      .split('\n')
      .filter((l) => /^[A-Z_]+=/.test(l))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );

  it('names only settings the service reads, each documented in the README', () => {
    const config = readFileSync(join(root, 'src/inbox/config.ts'), 'utf8');
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const read = [...config.matchAll(/env\['(LOA_BAN_INBOX\w*)'\]/g)].map((m) => m[1]!);
    expect(Object.keys(settings).filter((k) => !read.includes(k))).toEqual([]);
    expect([...new Set(read)].filter((k) => !readme.includes(`\`${k}\``))).toEqual([]);
  });

  it('starts the real service (paths moved to a temporary folder)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'loa-ban-env-'));
    try {
      const service = await startInboxService({
        ...settings,
        LOA_BAN_INBOX_DB: join(dir, 'hop-thu.sqlite'),
        LOA_BAN_INBOX_GIT_DIR: join(dir, 'site'),
        LOA_BAN_INBOX_PORT: '0',
      });
      expect(service.output()).toContain('xoá dữ liệu cá nhân sau 90 ngày');
      expect((await fetch(`${service.url}/api/cau-hoi/`)).status).toBe(200);
      await service.stop();
      expect(service.child.exitCode).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
