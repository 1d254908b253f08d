/** Everything the site needs from one MP3, computed once per file content: metadata, loudness, true peak, and the
 * phone copy with its own metadata. Results are cached on disk by the SHA-256 of the file, so a rebuild with
 * unchanged audio reads two small files instead of decoding and encoding again. */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeMp3 } from './decode.ts';
import { dataSaverCopy } from './encode.ts';
import { sha256 } from './hash.ts';
import { integratedLoudness, truePeak } from './loudness.ts';
import { readMetadata, type AudioMetadata } from './metadata.ts';

/** Bump when the analysis or the phone encoding changes: old cache entries are then ignored. */
export const CACHE_VERSION = 5;

export interface AudioAnalysis {
  sha256: string;
  metadata: AudioMetadata;
  /** Integrated loudness, LUFS. null for silence. */
  loudness: number | null;
  /** True peak, dBTP. null for silence. */
  truePeak: number | null;
  dataSaver: {
    sha256: string;
    metadata: AudioMetadata;
    loudness: number | null;
    /** Gain applied to reach -16 LUFS (before peak limiting), dB. */
    gain: number;
  };
}

export interface ProcessedAudio {
  analysis: AudioAnalysis;
  /** The phone copy's bytes. */
  dataSaver: Uint8Array;
  /** True when read from the cache. */
  cached: boolean;
}

const finite = (x: number) => (Number.isFinite(x) ? Math.round(x * 100) / 100 : null);

/** Decodes, measures and encodes. Throws Mp3FormatError (Vietnamese) for a file that is not a complete MP3. */
export async function analyse(bytes: Uint8Array): Promise<{ analysis: AudioAnalysis; dataSaver: Uint8Array }> {
  const metadata = await readMetadata(bytes);
  const { channels, sampleRate } = await decodeMp3(bytes, metadata.channels);
  const small = await dataSaverCopy(channels, sampleRate);
  const smallMetadata = await readMetadata(small.mp3);
  const smallDecoded = await decodeMp3(small.mp3, 1);
  return {
    analysis: {
      sha256: sha256(bytes),
      metadata,
      loudness: finite(integratedLoudness(channels, sampleRate)),
      truePeak: finite(truePeak(channels, sampleRate)),
      dataSaver: {
        sha256: sha256(small.mp3),
        metadata: smallMetadata,
        loudness: finite(integratedLoudness(smallDecoded.channels, smallDecoded.sampleRate)),
        gain: Math.round(small.gain * 100) / 100,
      },
    },
    dataSaver: small.mp3,
  };
}

const paths = (cacheDir: string, hash: string) => ({
  json: join(cacheDir, `${hash}.v${CACHE_VERSION}.json`),
  mp3: join(cacheDir, `${hash}.v${CACHE_VERSION}.32k.mp3`),
});

/** The cached result for these bytes, or undefined. A damaged entry counts as missing: recomputed, never served. */
export async function fromCache(bytes: Uint8Array, cacheDir: string): Promise<ProcessedAudio | undefined> {
  const { json, mp3 } = paths(cacheDir, sha256(bytes));
  if (!existsSync(json) || !existsSync(mp3)) return undefined;
  try {
    const analysis = JSON.parse(await readFile(json, 'utf8')) as AudioAnalysis;
    const dataSaver = new Uint8Array(await readFile(mp3));
    if (sha256(dataSaver) === analysis.dataSaver.sha256) return { analysis, dataSaver, cached: true };
  } catch {
    // Unreadable entry: fall through and recompute.
  }
  return undefined;
}

/** `analyse` with a disk cache in `cacheDir` keyed by the file's SHA-256. */
export async function processAudio(bytes: Uint8Array, cacheDir: string): Promise<ProcessedAudio> {
  const hit = await fromCache(bytes, cacheDir);
  if (hit) return hit;
  const { json, mp3 } = paths(cacheDir, sha256(bytes));
  const { analysis, dataSaver } = await analyse(bytes);
  await mkdir(cacheDir, { recursive: true });
  // Write then rename, so parallel builds never read a half-written entry.
  const tmp = `.${process.pid}-${Math.random().toString(36).slice(2)}`;
  await writeFile(mp3 + tmp, dataSaver);
  await rename(mp3 + tmp, mp3);
  await writeFile(json + tmp, JSON.stringify(analysis));
  await rename(json + tmp, json);
  return { analysis, dataSaver, cached: false };
}
