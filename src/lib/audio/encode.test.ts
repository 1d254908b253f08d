import { describe, expect, it } from 'vitest';
import { decodeMp3 } from './decode.ts';
import {
  dataSaverCopy,
  encodeMp3,
  encoderScale,
  limit,
  lowpass,
  normalisingGain,
  resample,
  speechRate,
  toInt16,
  toMono,
} from './encode.ts';
import { integratedLoudness } from './loudness.ts';
import { readMetadata } from './metadata.ts';
import { sine } from './wav.ts';

const rms = (x: Float32Array, from = 0, to = x.length) => {
  let s = 0;
  for (let i = from; i < to; i++) s += x[i]! ** 2;
  return Math.sqrt(s / (to - from));
};

const peak = (x: Float32Array) => x.reduce((m, v) => Math.max(m, Math.abs(v)), 0);

describe('resample', () => {
  it('keeps a 1 kHz tone and removes content above the new Nyquist', () => {
    const low = sine({ frequency: 1000, amplitude: 0.5, seconds: 1, sampleRate: 48000 }).channels[0]!;
    const high = sine({ frequency: 15000, amplitude: 0.5, seconds: 1, sampleRate: 48000 }).channels[0]!;
    const lowOut = resample(low, 48000, 24000);
    const highOut = resample(high, 48000, 24000);
    expect(lowOut.length).toBe(24000);
    expect(rms(lowOut, 1000, 23000) / rms(low)).toBeCloseTo(1, 1);
    expect(rms(highOut, 1000, 23000) / rms(high)).toBeLessThan(0.01);
  });

  it('handles 44.1 → 22.05 kHz', () => {
    const x = sine({ frequency: 440, amplitude: 0.5, seconds: 1, sampleRate: 44100 }).channels[0]!;
    expect(rms(resample(x, 44100, 22050), 500, 21500)).toBeCloseTo(rms(x), 2);
  });
});

describe('lowpass', () => {
  it('passes speech and removes what the 32 kbit/s encoder would drop anyway', () => {
    const at = (f: number) => {
      const x = sine({ frequency: f, amplitude: 0.5, seconds: 0.5, sampleRate: 22050 }).channels[0]!;
      return rms(lowpass(x.slice(), 22050, 5500), 2000) / rms(x, 2000);
    };
    expect(at(1000)).toBeCloseTo(1, 2);
    expect(at(5500)).toBeCloseTo(Math.SQRT1_2, 1);
    expect(at(9000)).toBeLessThan(0.1);
  });
});

describe('encoderScale', () => {
  it('measures the level change LAME applies, so targets can be met after encoding', async () => {
    const scale = await encoderScale(22050, 64);
    expect(scale).toBeGreaterThan(0.9);
    expect(scale).toBeLessThanOrEqual(1.001);
    const x = sine({ frequency: 700, amplitude: 0.2, seconds: 3, sampleRate: 22050 }).channels[0]!;
    const back = await decodeMp3(encodeMp3([toInt16(x, 1 / scale)], 22050, 64), 1);
    expect(integratedLoudness(back.channels, 22050)).toBeCloseTo(integratedLoudness([x], 22050), 1);
  });
});

describe('helpers', () => {
  it('picks an MPEG-2 speech rate', () => {
    expect(speechRate(44100)).toBe(22050);
    expect(speechRate(48000)).toBe(24000);
    expect(speechRate(22050)).toBe(22050);
    expect(speechRate(16000)).toBe(16000);
  });
  it('averages channels', () => {
    expect([...toMono([new Float32Array([1, 0]), new Float32Array([0, 0])])]).toEqual([0.5, 0]);
  });
  it('limits gain by the true peak', () => {
    expect(normalisingGain(-23, -10, -16, -1.5)).toBe(7);
    expect(normalisingGain(-Infinity, -10, -16, -1.5)).toBe(0);
    expect(normalisingGain(-23, -5, -16, -1.5)).toBe(3.5);
  });
});

describe('limit', () => {
  it('holds every sample under the ceiling and leaves audio far from the peaks alone', () => {
    const sampleRate = 22050;
    const x = sine({ frequency: 200, amplitude: 0.3, seconds: 2, sampleRate }).channels[0]!;
    for (let i = 30000; i < 30100; i++) x[i]! *= 3; // a loud burst at ~1.36 s
    const before = x.slice();
    limit(x, sampleRate, -2);
    const ceiling = 10 ** (-2 / 20);
    expect(peak(x)).toBeLessThanOrEqual(ceiling + 1e-6);
    // 0.5 s before the burst nothing changed; the burst is turned down, not clipped flat.
    expect(x[10000]).toBeCloseTo(before[10000]!, 6);
    expect(new Set(x.subarray(30000, 30100).map((v) => Math.round(v * 1000))).size).toBeGreaterThan(20);
  });
});

describe('data-saver copy', () => {
  it('reaches -16 LUFS on peaky audio by limiting, not clipping', async () => {
    const sampleRate = 22050;
    // A -23 LUFS tone with a short loud click every half second: +7 dB of plain gain would clip the clicks.
    const x = sine({ frequency: 250, amplitude: 0.1, seconds: 8, sampleRate }).channels[0]!;
    for (let t = 0; t < 8; t += 0.5) for (let i = 0; i < 40; i++) x[Math.round(t * sampleRate) + i] = 0.9 * Math.sin(i);
    const copy = await dataSaverCopy([x], sampleRate);
    const back = await decodeMp3(copy.mp3, 1);
    expect(Math.abs(integratedLoudness(back.channels, back.sampleRate) - -16)).toBeLessThan(0.5);
  }, 60_000);

  it('is mono, 32 kbit/s, about -16 LUFS, and decodes', async () => {
    const stereo = sine({ frequency: 300, amplitude: 0.05, seconds: 6, sampleRate: 44100, channels: 2 });
    const original = encodeMp3(
      stereo.channels.map((c) => toInt16(c)),
      44100,
      128,
    );
    const decoded = await decodeMp3(original, 2);
    const copy = await dataSaverCopy(decoded.channels, decoded.sampleRate);
    const m = await readMetadata(copy.mp3);
    expect(m.channels).toBe(1);
    expect(m.bitrate).toBeLessThanOrEqual(40000);
    expect(m.sampleRate).toBe(22050);
    expect(copy.mp3.length).toBeLessThan(original.length / 3);
    const back = await decodeMp3(copy.mp3, 1);
    expect(back.channels[0]!.length).toBeGreaterThan(6 * 22050 - 1);
    expect(Math.abs(integratedLoudness(back.channels, back.sampleRate) - -16)).toBeLessThan(0.5);
  }, 60_000);
});
