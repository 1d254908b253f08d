/** Generated audio for tests and benchmarks: real MP3s encoded on the spot, so no binary fixture is committed. */
import { encodeMp3, toInt16 } from '../../src/lib/audio/encode.ts';
import { sine } from '../../src/lib/audio/wav.ts';

/** A sine tone encoded as MP3. `level` is the peak in dBFS. */
export function toneMp3(options: {
  seconds: number;
  sampleRate?: number;
  channels?: 1 | 2;
  kbps?: number;
  level?: number;
  frequency?: number;
}): Uint8Array {
  const sampleRate = options.sampleRate ?? 22050;
  const pcm = sine({
    frequency: options.frequency ?? 440,
    amplitude: 10 ** ((options.level ?? -20) / 20),
    seconds: options.seconds,
    sampleRate,
    channels: options.channels ?? 1,
  });
  return encodeMp3(
    pcm.channels.map((c) => toInt16(c)),
    sampleRate,
    options.kbps ?? 64,
  );
}
