import { describe, expect, it } from 'vitest';
import { integratedLoudness, kWeighting, loudnessProblems, truePeak } from './loudness.ts';
import { sine } from './wav.ts';

const db = (x: number) => 10 ** (x / 20);

describe('integrated loudness (BS.1770-4)', () => {
  it('matches the tabulated 48 kHz K-weighting coefficients', () => {
    const [shelf, highPass] = kWeighting(48000);
    expect(shelf.b0).toBeCloseTo(1.53512485958697, 8);
    expect(shelf.b1).toBeCloseTo(-2.69169618940638, 8);
    expect(shelf.b2).toBeCloseTo(1.19839281085285, 8);
    expect(shelf.a1).toBeCloseTo(-1.69065929318241, 8);
    expect(shelf.a2).toBeCloseTo(0.73248077421585, 8);
    expect(highPass.a1).toBeCloseTo(-1.99004745483398, 8);
    expect(highPass.a2).toBeCloseTo(0.99007225036621, 8);
  });

  // EBU Tech 3341 case 1: a 1 kHz stereo sine at -23 dBFS reads -23 LUFS.
  it.each([48000, 44100, 22050, 16000])('reads a stereo 1 kHz sine at -23 dBFS as -23 LUFS at %i Hz', (sampleRate) => {
    const { channels } = sine({ frequency: 1000, amplitude: db(-23), seconds: 10, sampleRate, channels: 2 });
    expect(Math.abs(integratedLoudness(channels, sampleRate) - -23)).toBeLessThan(0.5);
  });

  it('reads a mono sine 3 dB lower than the same sine in stereo', () => {
    const { channels } = sine({ frequency: 997, amplitude: db(-20), seconds: 5, sampleRate: 44100 });
    expect(integratedLoudness(channels, 44100)).toBeCloseTo(-23.0, 0);
  });

  it('ignores silence (absolute gate) and passages more than 10 LU quieter (relative gate)', () => {
    const sampleRate = 48000;
    const loud = sine({ frequency: 1000, amplitude: db(-20), seconds: 10, sampleRate }).channels[0]!;
    const quiet = sine({ frequency: 1000, amplitude: db(-45), seconds: 10, sampleRate }).channels[0]!;
    const withSilence = new Float32Array(loud.length * 3);
    withSilence.set(loud, loud.length);
    const withQuiet = new Float32Array(loud.length * 2);
    withQuiet.set(loud);
    withQuiet.set(quiet, loud.length);
    const reference = integratedLoudness([loud], sampleRate);
    // Blocks straddling an edge are partly silent but pass the gates, so a fraction of an LU is expected.
    expect(Math.abs(integratedLoudness([withSilence], sampleRate) - reference)).toBeLessThan(0.3);
    expect(Math.abs(integratedLoudness([withQuiet], sampleRate) - reference)).toBeLessThan(0.3);
    // Without the relative gate the quiet half would pull the figure down by ~3 LU.
    const halfQuiet = sine({ frequency: 1000, amplitude: db(-26), seconds: 10, sampleRate }).channels[0]!;
    const mixed = new Float32Array(loud.length * 2);
    mixed.set(loud);
    mixed.set(halfQuiet, loud.length);
    expect(integratedLoudness([mixed], sampleRate)).toBeLessThan(reference - 2);
  });

  it('returns -Infinity for silence', () => {
    expect(integratedLoudness([new Float32Array(48000)], 48000)).toBe(-Infinity);
  });
});

describe('true peak', () => {
  it('finds the peak between samples that a sample meter misses', () => {
    // A sine at a quarter of the sample rate, 45° out of phase: every sample is ±0.707, the wave reaches 1.0.
    const n = 48000;
    const x = new Float32Array(n);
    for (let i = 0; i < n; i++) x[i] = Math.sin((Math.PI / 2) * i + Math.PI / 4);
    const samplePeak = 20 * Math.log10(Math.max(...x.map(Math.abs)));
    expect(samplePeak).toBeCloseTo(-3.01, 1);
    expect(truePeak([x], 48000)).toBeGreaterThan(-0.5);
    expect(truePeak([x], 48000)).toBeLessThan(0.3);
  });

  it('equals the sample peak for a slow sine', () => {
    const { channels } = sine({ frequency: 100, amplitude: db(-6), seconds: 1, sampleRate: 44100 });
    expect(truePeak(channels, 44100)).toBeCloseTo(-6, 1);
  });
});

describe('broadcast warnings', () => {
  it('flags a hot peak and a level far from -23 LUFS, and nothing for a compliant file', () => {
    expect(loudnessProblems({ integrated: -23.4, truePeak: -2 })).toEqual([]);
    const problems = loudnessProblems({ integrated: -14, truePeak: 0.4 });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('0.4 dBTP');
    expect(problems[1]).toContain('-14.0 LUFS');
  });
});
