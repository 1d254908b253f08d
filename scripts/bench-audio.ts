/**
 * `npm run bench:audio`: time and peak memory to process one hour of audio the way the build does (metadata, frame
 * check, decode, BS.1770 loudness and true peak, phone copy encode), cold (empty cache) and warm (cache hit).
 * Target (issue 3): cold < 60 s per hour of audio on 2 cores; a warm rebuild adds < 1 s.
 *
 * The hour is 12 five-minute MP3s of espeak-ng speech (64 kbit/s mono, like the shipped recordings), each at a
 * slightly different level so no two files share a hash; without espeak-ng a speech-like tone is used. They are
 * generated once into a temp folder (not timed). Each measured run is a fresh Node process, so peak memory
 * (maxRSS, worker threads included) is that run's alone. The machine's load is printed: on a shared machine wall
 * times are only meaningful next to it.
 *
 * Options: --minutes N (default 60), --files N (default 12), --keep (leave the temp folder).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeMp3, toInt16 } from '../src/lib/audio/encode.ts';
import { processMany } from '../src/lib/audio/pool.ts';
import { parseWav } from '../src/lib/audio/wav.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};

/** Child mode: process every MP3 in `dir` with the cache in `cache`; print one JSON line. */
async function run(dir: string, cache: string) {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.mp3'))
    .sort();
  const start = performance.now();
  let seconds = 0;
  let hits = 0;
  // The same call the build makes (src/data/audio.ts): cache hits here, misses on worker threads.
  const outcomes = await processMany(
    files.map((f) => new Uint8Array(readFileSync(join(dir, f)))),
    cache,
    { workerFile: new URL('../src/lib/audio/worker.ts', import.meta.url) },
  );
  for (const o of outcomes) {
    if (!o.ok) throw o.error;
    seconds += o.value.analysis.metadata.duration;
    if (o.value.cached) hits++;
  }
  const ms = performance.now() - start;
  console.log(
    JSON.stringify({ ms, seconds, files: files.length, hits, maxRssMb: process.resourceUsage().maxRSS / 1024 }),
  );
}

/** About five minutes of Vietnamese speech from the shipped transcripts, as 22.05 kHz mono samples. */
function speech(minutes: number, work: string): Float32Array {
  const rate = 22050;
  const want = Math.round(minutes * 60 * rate);
  const texts = existsSync('content/audio')
    ? readdirSync('content/audio')
        .filter((f) => f.endsWith('.md'))
        .map((f) => readFileSync(join('content/audio', f), 'utf8').split(/^---$/m)[2] ?? '')
    : [];
  let voice: Float32Array | undefined;
  try {
    const txt = join(work, 'speech.txt');
    writeFileSync(txt, texts.join('\n\n') || 'Cuộc điều tra diễn ra từ ngày 1 tháng 7 năm 2024.');
    execFileSync('espeak-ng', ['-v', 'vi', '-s', '140', '-b', '1', '-f', txt, '-w', join(work, 'speech.wav')]);
    voice = parseWav(new Uint8Array(readFileSync(join(work, 'speech.wav')))).channels[0]!;
  } catch {
    console.warn('espeak-ng not found: using a speech-like tone instead');
  }
  const out = new Float32Array(want);
  for (let i = 0; i < want; i++) {
    out[i] = voice
      ? voice[i % voice.length]!
      : 0.2 * Math.sin((2 * Math.PI * 180 * i) / rate) * (0.5 + 0.5 * Math.sin((2 * Math.PI * 3 * i) / rate)) +
        0.01 * (Math.random() - 0.5);
  }
  return out;
}

function child(dir: string, cache: string) {
  const r = spawnSync(process.execPath, [import.meta.filename, '--run', dir, cache], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as {
    ms: number;
    seconds: number;
    files: number;
    hits: number;
    maxRssMb: number;
  };
}

async function main() {
  if (args[0] === '--run') return run(args[1]!, args[2]!);
  const minutes = option('minutes', 60);
  const count = option('files', 12);
  const work = mkdtempSync(join(tmpdir(), 'loa-ban-bench-audio-'));
  const dir = join(work, 'mp3');
  const cache = join(work, 'cache');
  mkdirSync(dir);
  try {
    console.log(`Generating ${minutes} min of audio as ${count} MP3s in ${work} (not timed)…`);
    const source = speech(minutes / count, work);
    for (let i = 0; i < count; i++) {
      const mp3 = encodeMp3([toInt16(source, 1 - i * 0.01)], 22050, 64);
      writeFileSync(join(dir, `bai-${String(i + 1).padStart(2, '0')}.mp3`), mp3);
    }
    const cold = child(dir, cache);
    const warm = child(dir, cache);
    const perHour = (ms: number) => (ms / 1000) * (3600 / cold.seconds);
    console.log(
      `\nAudio: ${(cold.seconds / 60).toFixed(1)} min in ${cold.files} files; CPU: ${cpus().length} × ${cpus()[0]?.model ?? '?'}; load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    console.log(
      `Cold (empty cache): ${(cold.ms / 1000).toFixed(1)} s (${perHour(cold.ms).toFixed(1)} s per hour of audio), peak RSS ${cold.maxRssMb.toFixed(0)} MB`,
    );
    console.log(
      `Warm (cache hit ${warm.hits}/${warm.files}): ${(warm.ms / 1000).toFixed(2)} s, peak RSS ${warm.maxRssMb.toFixed(0)} MB`,
    );
    console.log(
      `Targets: cold < 60 s per hour ${perHour(cold.ms) < 60 ? 'met' : 'NOT met'}; warm < 1 s ${warm.ms < 1000 ? 'met' : 'NOT met'}.`,
    );
  } finally {
    if (!args.includes('--keep')) rmSync(work, { recursive: true, force: true });
  }
}

await main();
