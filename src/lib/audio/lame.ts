/** PCM to MP3 with lamejs, the one encoder of the project: the build's phone copies, the test fixtures and the
 * editors' in-browser recorder all use it. No Node or browser API, so it bundles for either. */
import { Mp3Encoder } from '@breezystack/lamejs';

/** Float samples → 16-bit PCM, clamped. */
export function toInt16(x: Float32Array, gain = 1): Int16Array {
  const out = new Int16Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const v = x[i]! * gain;
    out[i] = v >= 1 ? 32767 : v <= -1 ? -32768 : Math.round(v * 32767);
  }
  return out;
}

/** Encodes 16-bit PCM (1 or 2 channels) to constant-bitrate MP3. */
export function encodeMp3(channels: Int16Array[], sampleRate: number, kbps: number): Uint8Array {
  const encoder = new Mp3Encoder(channels.length, sampleRate, kbps);
  const parts: Uint8Array[] = [];
  const chunk = 1152 * 32;
  const [left, right] = channels;
  for (let i = 0; i < left!.length; i += chunk) {
    parts.push(encoder.encodeBuffer(left!.subarray(i, i + chunk), right?.subarray(i, i + chunk)));
  }
  parts.push(encoder.flush());
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
