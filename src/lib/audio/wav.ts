/** Minimal PCM WAV reading and writing (8/16-bit integer, 32-bit float), for espeak-ng output and test fixtures. */

export interface Pcm {
  channels: Float32Array[];
  sampleRate: number;
}

export function parseWav(b: Uint8Array): Pcm {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const tag = (o: number) => String.fromCharCode(b[o]!, b[o + 1]!, b[o + 2]!, b[o + 3]!);
  if (tag(0) !== 'RIFF' || tag(8) !== 'WAVE') throw new Error('not a WAV file');
  let o = 12;
  let format = 0,
    count = 0,
    rate = 0,
    bits = 0;
  while (o + 8 <= b.length) {
    const id = tag(o);
    // espeak-ng writing to a pipe leaves chunk sizes at 0x7fffffff: clamp to the bytes present.
    const size = Math.min(view.getUint32(o + 4, true), b.length - o - 8);
    if (id === 'fmt ') {
      format = view.getUint16(o + 8, true);
      count = view.getUint16(o + 10, true);
      rate = view.getUint32(o + 12, true);
      bits = view.getUint16(o + 22, true);
    } else if (id === 'data') {
      const bytesPer = bits / 8;
      const frames = Math.floor(size / (bytesPer * count));
      const channels = Array.from({ length: count }, () => new Float32Array(frames));
      for (let i = 0; i < frames; i++) {
        for (let c = 0; c < count; c++) {
          const p = o + 8 + (i * count + c) * bytesPer;
          channels[c]![i] =
            format === 3
              ? view.getFloat32(p, true)
              : bits === 16
                ? view.getInt16(p, true) / 32768
                : (b[p]! - 128) / 128;
        }
      }
      return { channels, sampleRate: rate };
    }
    o += 8 + size + (size & 1);
  }
  throw new Error('WAV without a data chunk');
}

/** 16-bit PCM WAV. */
export function writeWav(pcm: Pcm): Uint8Array {
  const count = pcm.channels.length;
  const frames = pcm.channels[0]!.length;
  const data = frames * count * 2;
  const b = new Uint8Array(44 + data);
  const v = new DataView(b.buffer);
  const put = (o: number, s: string) => [...s].forEach((ch, i) => (b[o + i] = ch.charCodeAt(0)));
  put(0, 'RIFF');
  v.setUint32(4, 36 + data, true);
  put(8, 'WAVE');
  put(12, 'fmt ');
  v.setUint32(16, 16, true);
  v.setUint16(20, 1, true);
  v.setUint16(22, count, true);
  v.setUint32(24, pcm.sampleRate, true);
  v.setUint32(28, pcm.sampleRate * count * 2, true);
  v.setUint16(32, count * 2, true);
  v.setUint16(34, 16, true);
  put(36, 'data');
  v.setUint32(40, data, true);
  for (let i = 0; i < frames; i++) {
    for (let c = 0; c < count; c++) {
      const x = Math.max(-1, Math.min(1, pcm.channels[c]![i]!));
      v.setInt16(44 + (i * count + c) * 2, Math.round(x * 32767), true);
    }
  }
  return b;
}

/** A sine tone, for tests and benchmarks: `amplitude` is the peak (1 = full scale). */
export function sine(options: {
  frequency: number;
  amplitude: number;
  seconds: number;
  sampleRate: number;
  channels?: number;
}): Pcm {
  const n = Math.round(options.seconds * options.sampleRate);
  const x = new Float32Array(n);
  const w = (2 * Math.PI * options.frequency) / options.sampleRate;
  for (let i = 0; i < n; i++) x[i] = options.amplitude * Math.sin(w * i);
  return { channels: Array.from({ length: options.channels ?? 1 }, () => x.slice()), sampleRate: options.sampleRate };
}
