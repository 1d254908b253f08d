/** MP3 encoding with lamejs (pure JavaScript: no ffmpeg or other binary on the build machine), and the steps before
 * it for the phone copy: downmix to mono, resample to a speech rate, normalise loudness. Pure. */
import { decodeMp3 } from './decode.ts';
import { integratedLoudness } from './loudness.ts';
import { encodeMp3, toInt16 } from './lame.ts';

export { encodeMp3, toInt16 };

/** The phone copy: mono speech at ~32 kbit/s, normalised to -16 LUFS (what phone and podcast players expect), with
 * peaks held under -2 dBFS. LAME low-passes 32 kbit/s audio at about 5.5 kHz; we apply that band limit ourselves
 * before measuring, otherwise the encoder would remove loudness we had counted (~0.7 LU on speech). */
export const DATA_SAVER = { kbps: 32, lufs: -16, ceiling: -2, bandwidth: 5500 } as const;

/** 4th-order Butterworth low-pass (two RBJ biquads), in place. */
export function lowpass(x: Float32Array, sampleRate: number, cutoff: number): Float32Array {
  if (cutoff >= sampleRate / 2) return x;
  for (const q of [0.5411961, 1.306563]) {
    const w = (2 * Math.PI * cutoff) / sampleRate;
    const alpha = Math.sin(w) / (2 * q);
    const cos = Math.cos(w);
    const a0 = 1 + alpha;
    const b0 = (1 - cos) / 2 / a0,
      b1 = (1 - cos) / a0,
      b2 = b0;
    const a1 = (-2 * cos) / a0,
      a2 = (1 - alpha) / a0;
    let s1 = 0,
      s2 = 0;
    for (let i = 0; i < x.length; i++) {
      const v = x[i]!;
      const y = b0 * v + s1;
      s1 = b1 * v - a1 * y + s2;
      s2 = b2 * v - a2 * y;
      x[i] = y;
    }
  }
  return x;
}

/** Average of the channels. */
export function toMono(channels: Float32Array[]): Float32Array {
  if (channels.length === 1) return channels[0]!;
  const n = channels[0]!.length;
  const out = new Float32Array(n);
  for (const c of channels) for (let i = 0; i < n; i++) out[i]! += c[i]! / channels.length;
  return out;
}

/** MPEG-2 rate for speech at 32 kbit/s: 22.05 or 24 kHz keeps everything a voice needs (up to ~10 kHz). */
export function speechRate(sourceRate: number): number {
  if (sourceRate <= 24000) return sourceRate;
  return sourceRate % 11025 === 0 ? 22050 : 24000;
}

/** Band-limited resampling (windowed sinc, 16 zero crossings, table-driven), low-passed below the new Nyquist. */
export function resample(x: Float32Array, from: number, to: number): Float32Array {
  if (from === to) return x;
  const ratio = from / to;
  const cutoff = Math.min(1, to / from) * 0.95;
  const half = 16;
  const width = Math.ceil(half / cutoff);
  const resolution = 512;
  // Kernel sampled at 1/resolution of an input sample, so the inner loop only reads a table.
  const table = new Float32Array(width * resolution + 2);
  for (let i = 0; i < table.length; i++) {
    const t = i / resolution;
    const s = t === 0 ? 1 : Math.sin(Math.PI * cutoff * t) / (Math.PI * cutoff * t);
    const w = t >= width ? 0 : 0.5 + 0.5 * Math.cos((Math.PI * t) / width);
    table[i] = cutoff * s * w;
  }
  const out = new Float32Array(Math.floor(x.length / ratio));
  for (let i = 0; i < out.length; i++) {
    const t = i * ratio;
    const centre = Math.floor(t);
    const frac = t - centre;
    let y = 0;
    const lo = Math.max(0, centre - width + 1);
    const hi = Math.min(x.length - 1, centre + width);
    for (let k = lo; k <= hi; k++) {
      const d = Math.abs(k - centre - frac) * resolution;
      const j = d | 0;
      if (j >= table.length - 1) continue;
      const f = d - j;
      y += x[k]! * (table[j]! * (1 - f) + table[j + 1]! * f);
    }
    out[i] = y;
  }
  return out;
}

/** Gain in dB that brings `loudness` to `target` without pushing the true peak above `maxPeak`. Speech with
 * sharp peaks therefore ends up a little under the target rather than clipped; no limiter colours the voice. */
export function normalisingGain(loudness: number, peak: number, target: number, maxPeak: number): number {
  if (!Number.isFinite(loudness)) return 0;
  return Math.min(target - loudness, maxPeak - peak);
}

/** Look-ahead peak limiter: no sample leaves above `ceiling` (dBFS). The gain reaches its lowest point exactly at
 * each peak (sliding minimum over the look-ahead, then a moving average of the same length, which can only be lower),
 * and recovers with an 80 ms release, so speech is turned down around peaks instead of clipped. In place. */
export function limit(x: Float32Array, sampleRate: number, ceiling: number): Float32Array {
  const c = 10 ** (ceiling / 20);
  const look = Math.max(1, Math.round(sampleRate * 0.005));
  const release = 1 - Math.exp(-1 / (0.08 * sampleRate));
  const n = x.length;
  // Sliding minimum of the needed gain over [i, i + look], with a monotonic deque.
  const need = (i: number) => {
    const a = Math.abs(x[i]!);
    return a > c ? c / a : 1;
  };
  const held = new Float32Array(n);
  const deque = new Int32Array(n + look + 1);
  const needs = new Float32Array(n);
  for (let i = 0; i < n; i++) needs[i] = need(i);
  let head = 0,
    tail = 0,
    prev = 1;
  for (let j = 0; j < n + look; j++) {
    if (j < n) {
      while (tail > head && needs[deque[tail - 1]!]! >= needs[j]!) tail--;
      deque[tail++] = j;
    }
    const i = j - look;
    if (i < 0) continue;
    while (deque[head]! < i) head++;
    const min = needs[deque[head]!]!;
    prev = Math.min(min, prev + (1 - prev) * release);
    held[i] = prev;
  }
  // Moving average over look + 1 samples ending at i: every window averaged contains i's own minimum.
  const out = x;
  const ring = new Float32Array(look + 1).fill(1);
  let sum = look + 1;
  for (let i = 0; i < n; i++) {
    sum += held[i]! - ring[i % (look + 1)]!;
    ring[i % (look + 1)] = held[i]!;
    out[i] = x[i]! * Math.min(1, sum / (look + 1));
  }
  return out;
}

const scales = new Map<string, Promise<number>>();

/** LAME's bitrate presets scale the input down (about 0.95, -0.46 dB, at 32–64 kbit/s) to leave headroom. Measured
 * once per rate and bitrate by encoding a tone and decoding it, so loudness targets still hold after encoding. */
export function encoderScale(sampleRate: number, kbps: number): Promise<number> {
  const key = `${sampleRate}/${kbps}`;
  let found = scales.get(key);
  if (!found) {
    found = (async () => {
      const n = sampleRate;
      const tone = new Float32Array(n);
      for (let i = 0; i < n; i++) tone[i] = 0.25 * Math.sin((2 * Math.PI * 1000 * i) / sampleRate);
      const back = (await decodeMp3(encodeMp3([toInt16(tone)], sampleRate, kbps), 1)).channels[0]!;
      const rms = (x: Float32Array, from: number, to: number) => {
        let sum = 0;
        for (let i = from; i < to; i++) sum += x[i]! ** 2;
        return Math.sqrt(sum / (to - from));
      };
      // Skip the encoder delay and the fade at both ends.
      const [from, to] = [Math.floor(n / 4), Math.floor((3 * n) / 4)];
      return rms(back, from, to) / rms(tone, from, to);
    })();
    scales.set(key, found);
  }
  return found;
}

export interface DataSaverResult {
  mp3: Uint8Array;
  sampleRate: number;
  /** Gain applied before limiting, dB. */
  gain: number;
}

/** The phone copy of decoded audio: mono, speech rate, -16 LUFS, peaks limited, 32 kbit/s. Limiting lowers the
 * loudness a little, so the shortfall is measured and made up again, at most four passes (speech needs one or two). */
export async function dataSaverCopy(channels: Float32Array[], sampleRate: number): Promise<DataSaverResult> {
  const rate = speechRate(sampleRate);
  const source = resample(toMono(channels), sampleRate, rate);
  const mono = lowpass(source === channels[0] ? source.slice() : source, rate, DATA_SAVER.bandwidth);
  let gain = 0;
  for (let pass = 0; pass < 4; pass++) {
    const loudness = integratedLoudness([mono], rate);
    if (!Number.isFinite(loudness)) break;
    const step = DATA_SAVER.lufs - loudness;
    if (pass > 0 && Math.abs(step) < 0.1) break;
    const g = 10 ** (step / 20);
    for (let i = 0; i < mono.length; i++) mono[i]! *= g;
    gain += step;
    limit(mono, rate, DATA_SAVER.ceiling);
  }
  const scale = await encoderScale(rate, DATA_SAVER.kbps);
  const mp3 = encodeMp3([toInt16(mono, 1 / scale)], rate, DATA_SAVER.kbps);
  return { mp3, sampleRate: rate, gain };
}
