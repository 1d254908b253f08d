/** Loudness as stations measure it: ITU-R BS.1770-4 integrated loudness (LUFS, with EBU R128 gating) and true peak
 * (dBTP, 4x oversampling). Implemented here rather than through a package so the maths is visible and tested.
 * Pure: takes planar float samples in [-1, 1]. */

/** EBU R128 broadcast target. */
export const BROADCAST_TARGET_LUFS = -23;
/** EBU R128 maximum true peak. */
export const BROADCAST_MAX_TRUE_PEAK = -1;

interface Biquad {
  b0: number;
  b1: number;
  b2: number;
  a1: number;
  a2: number;
}

/** The two K-weighting stages (high shelf, then high pass) for any sample rate. BS.1770 tabulates them for 48 kHz
 * only; these are the analogue prototypes behind that table, mapped with the bilinear transform. */
export function kWeighting(sampleRate: number): [Biquad, Biquad] {
  let f0 = 1681.974450955533;
  const gainDb = 3.999843853973347;
  let q = 0.7071752369554196;
  let k = Math.tan((Math.PI * f0) / sampleRate);
  const vh = 10 ** (gainDb / 20);
  const vb = vh ** 0.4996667741545416;
  let a0 = 1 + k / q + k * k;
  const shelf: Biquad = {
    b0: (vh + (vb * k) / q + k * k) / a0,
    b1: (2 * (k * k - vh)) / a0,
    b2: (vh - (vb * k) / q + k * k) / a0,
    a1: (2 * (k * k - 1)) / a0,
    a2: (1 - k / q + k * k) / a0,
  };
  f0 = 38.13547087602444;
  q = 0.5003270373238773;
  k = Math.tan((Math.PI * f0) / sampleRate);
  a0 = 1 + k / q + k * k;
  const highPass: Biquad = { b0: 1, b1: -2, b2: 1, a1: (2 * (k * k - 1)) / a0, a2: (1 - k / q + k * k) / a0 };
  return [shelf, highPass];
}

/** Squared K-weighted samples summed per 100 ms step, per channel: the 400 ms gating blocks are sums of 4 steps. */
function stepEnergies(channel: Float32Array, sampleRate: number, step: number): Float64Array {
  const [s, h] = kWeighting(sampleRate);
  const steps = Math.floor(channel.length / step);
  const out = new Float64Array(steps);
  // Direct form II transposed, two stages inlined: this loop runs over every sample of an hour of audio.
  let s1 = 0,
    s2 = 0,
    h1 = 0,
    h2 = 0;
  for (let n = 0, i = 0; i < steps; i++) {
    let sum = 0;
    for (const stop = n + step; n < stop; n++) {
      const x = channel[n]!;
      const y = s.b0 * x + s1;
      s1 = s.b1 * x - s.a1 * y + s2;
      s2 = s.b2 * x - s.a2 * y;
      const z = h.b0 * y + h1;
      h1 = h.b1 * y - h.a1 * z + h2;
      h2 = h.b2 * y - h.a2 * z;
      sum += z * z;
    }
    out[i] = sum;
  }
  return out;
}

const lufs = (meanSquare: number) => -0.691 + 10 * Math.log10(meanSquare);

/** Integrated loudness in LUFS (BS.1770-4: 400 ms blocks, 75 % overlap, -70 LUFS absolute gate, -10 LU relative
 * gate). Channel weights are 1 (mono, stereo). Returns -Infinity for silence or audio shorter than one block. */
export function integratedLoudness(channels: Float32Array[], sampleRate: number): number {
  const step = Math.round(sampleRate / 10);
  const perChannel = channels.map((c) => stepEnergies(c, sampleRate, step));
  const steps = perChannel[0]?.length ?? 0;
  const blocks: number[] = [];
  for (let i = 0; i + 4 <= steps; i++) {
    let energy = 0;
    for (const c of perChannel) energy += c[i]! + c[i + 1]! + c[i + 2]! + c[i + 3]!;
    blocks.push(energy / (4 * step));
  }
  const gated = (threshold: number) => blocks.filter((z) => lufs(z) > threshold);
  const absolute = gated(-70);
  if (absolute.length === 0) return -Infinity;
  const relative = lufs(absolute.reduce((a, z) => a + z, 0) / absolute.length) - 10;
  const kept = absolute.filter((z) => lufs(z) > relative);
  return lufs(kept.reduce((a, z) => a + z, 0) / kept.length);
}

/** Interpolation filter for 4x oversampling: a Kaiser-windowed sinc, 12 taps per phase (48 in all, as in the
 * BS.1770 Annex 2 example), split into its 4 polyphase branches. */
function oversamplingPhases(factor: number, tapsPerPhase: number): Float64Array[] {
  const length = factor * tapsPerPhase;
  const centre = (length - 1) / 2;
  const beta = 7;
  const bessel = (x: number) => {
    let sum = 1,
      term = 1;
    for (let k = 1; k < 30; k++) {
      term *= (x / (2 * k)) ** 2;
      sum += term;
    }
    return sum;
  };
  const phases = Array.from({ length: factor }, () => new Float64Array(tapsPerPhase));
  for (let n = 0; n < length; n++) {
    const t = (n - centre) / factor;
    const sinc = t === 0 ? 1 : Math.sin(Math.PI * t) / (Math.PI * t);
    const r = (2 * n) / (length - 1) - 1;
    const w = bessel(beta * Math.sqrt(Math.max(0, 1 - r * r))) / bessel(beta);
    phases[n % factor]![Math.floor(n / factor)] = sinc * w;
  }
  return phases;
}

/** True peak in dBTP: the highest absolute value of the signal oversampled 4x (2x from 96 kHz up), or the highest
 * sample if that is higher. -Infinity for silence. */
export function truePeak(channels: Float32Array[], sampleRate: number): number {
  const factor = sampleRate >= 96000 ? 2 : 4;
  const taps = 12;
  const phases = oversamplingPhases(factor, taps);
  let peak = 0;
  for (const x of channels) {
    for (let n = 0; n < x.length; n++) {
      const a = Math.abs(x[n]!);
      if (a > peak) peak = a;
    }
    for (const h of phases) {
      for (let n = taps - 1; n < x.length; n++) {
        let y = 0;
        for (let k = 0; k < taps; k++) y += h[k]! * x[n - k]!;
        if (y > peak) peak = y;
        else if (-y > peak) peak = -y;
      }
    }
  }
  return peak === 0 ? -Infinity : 20 * Math.log10(peak);
}

export interface LoudnessReport {
  /** Integrated loudness, LUFS. */
  integrated: number;
  /** True peak, dBTP. */
  truePeak: number;
}

/** Broadcast problems with a measured file, in Vietnamese, for build warnings and the station table. */
export function loudnessProblems(report: LoudnessReport): string[] {
  const problems: string[] = [];
  if (report.truePeak > BROADCAST_MAX_TRUE_PEAK) {
    problems.push(
      `đỉnh thực ${report.truePeak.toFixed(1)} dBTP, vượt mức tối đa ${BROADCAST_MAX_TRUE_PEAK} dBTP (EBU R128)`,
    );
  }
  const off = report.integrated - BROADCAST_TARGET_LUFS;
  if (!Number.isFinite(report.integrated) || Math.abs(off) > 3) {
    problems.push(
      `độ lớn ${Number.isFinite(report.integrated) ? report.integrated.toFixed(1) : 'không đo được (im lặng)'} LUFS, lệch quá 3 LU so với mức phát sóng ${BROADCAST_TARGET_LUFS} LUFS (EBU R128)`,
    );
  }
  return problems;
}
