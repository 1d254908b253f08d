/**
 * npm run bench:inbox: the residents' inbox service under load, on loopback only. Starts the real service
 * (`node src/inbox/main.ts`) on a fresh SQLite file and sends BENCH_COUNT submissions (default 2,000) with
 * BENCH_CONCURRENCY at once (default 50), one in ten with a 100 KB voice file, from 400 simulated addresses
 * (X-Real-IP, believed from loopback as from nginx) so every request passes through the rate limiter without
 * tripping it. Stops after BENCH_SECONDS (default 120) whatever the count. Prints throughput, latency percentiles, the
 * service's peak memory and the database size. BENCH_STORE=postgres runs the same load on a throwaway PostgreSQL
 * (Debian's postgresql, on loopback) instead of SQLite. A benchmark: it prints, it asserts nothing.
 */
import { readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startInboxService } from './lib/inbox-service.ts';
import { postgresBin, startPostgres } from './lib/postgres.ts';

const count = Number(process.env['BENCH_COUNT'] ?? 2000);
const concurrency = Number(process.env['BENCH_CONCURRENCY'] ?? 50);
const seconds = Number(process.env['BENCH_SECONDS'] ?? 120);
const addresses = 400;

const dir = await mkdtemp(join(tmpdir(), 'loa-ban-bench-inbox-'));
const onPostgres = process.env['BENCH_STORE'] === 'postgres';
const bin = postgresBin();
if (onPostgres && !bin) throw new Error("BENCH_STORE=postgres: install Debian's postgresql");
const postgres = onPostgres ? await startPostgres(bin!) : undefined;
const database = postgres ? await postgres.database() : join(dir, 'hop-thu.sqlite');
const service = await startInboxService({ LOA_BAN_INBOX_DB: database });
const pid = service.child.pid!;
const memory = (field: 'VmRSS' | 'VmHWM') =>
  Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
const idleRss = memory('VmRSS');

// A WebM header then filler: the service checks the first bytes, not the codec.
const voice = new Uint8Array(100_000).fill(0x42);
voice.set([0x1a, 0x45, 0xdf, 0xa3]);

const latencies: number[] = [];
const statuses = new Map<number, number>();
let next = 0;
let failed = 0;
const deadline = Date.now() + seconds * 1000;
const started = performance.now();

async function worker() {
  while (next < count && Date.now() < deadline) {
    const i = next++;
    const body = new FormData();
    body.append('question', `Câu hỏi thử số ${i}: điều tra có mất tiền không, cán bộ có đến tận bản không?`);
    body.append('commune', `Xã ${i % 37}`);
    body.append('topic', 'dieu-tra-53-dan-toc');
    body.append('lang', 'vi');
    body.append('page', '/hoi-dap/dieu-tra-53-dan-toc/ai-duoc-dieu-tra/');
    body.append('key', `bench-${String(i).padStart(16, '0')}`);
    if (i % 10 === 0) body.append('audio', new Blob([voice], { type: 'audio/webm' }), 'cau-hoi');
    const t = performance.now();
    try {
      const r = await fetch(`${service.url}/api/cau-hoi/`, {
        method: 'POST',
        body,
        headers: { accept: 'application/json', 'x-real-ip': `10.20.${(i % addresses) >> 8}.${(i % addresses) & 255}` },
      });
      await r.arrayBuffer();
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
    } catch {
      failed++;
    }
    latencies.push(performance.now() - t);
  }
}

await Promise.all(Array.from({ length: concurrency }, worker));
const elapsed = (performance.now() - started) / 1000;
const peak = memory('VmHWM');
await service.stop();
await postgres?.stop();
const size = ['', '-wal'].reduce((sum, suffix) => {
  try {
    return sum + statSync(database + suffix).size;
  } catch {
    return sum;
  }
}, 0);
await rm(dir, { recursive: true, force: true });

latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!;
console.log(`inbox service: ${latencies.length} submissions (1 in 10 with 100 KB of voice), ${concurrency} at once`);
console.log(`  statuses: ${JSON.stringify(Object.fromEntries(statuses))}, network failures: ${failed}`);
console.log(`  throughput: ${(latencies.length / elapsed).toFixed(0)} submissions/s over ${elapsed.toFixed(1)} s`);
console.log(
  `  latency: p50 ${pct(50).toFixed(1)} ms, p90 ${pct(90).toFixed(1)} ms, p99 ${pct(99).toFixed(1)} ms, max ${latencies.at(-1)!.toFixed(1)} ms`,
);
console.log(`  service memory: ${idleRss.toFixed(0)} MB at start, peak ${peak.toFixed(0)} MB`);
if (!postgres) console.log(`  database: ${(size / 1e6).toFixed(1)} MB (SQLite, WAL, synchronous=FULL)`);
else console.log('  database: PostgreSQL (synchronous_commit on), on this machine');
