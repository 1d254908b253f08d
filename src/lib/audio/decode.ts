/** MP3 → planar float samples with mpg123 compiled to WebAssembly (no system decoder needed). */
import { MPEGDecoder } from 'mpg123-decoder';

export interface DecodedAudio {
  channels: Float32Array[];
  sampleRate: number;
}

/** Decodes a whole MP3. mpg123 always returns two channels; a mono file keeps only the first, since a duplicated
 * channel would count twice in BS.1770 loudness. Throws when the decoder reports damaged frames. */
export async function decodeMp3(bytes: Uint8Array, channelCount: 1 | 2): Promise<DecodedAudio> {
  const decoder = new MPEGDecoder();
  await decoder.ready;
  try {
    const out = decoder.decode(bytes);
    if (out.errors.length > 0) {
      throw new Error(`giải mã được nhưng có ${out.errors.length} khung hỏng (${out.errors[0]!.message})`);
    }
    if (out.samplesDecoded === 0) throw new Error('giải mã không ra mẫu âm thanh nào');
    return { channels: out.channelData.slice(0, channelCount), sampleRate: out.sampleRate };
  } finally {
    decoder.free();
  }
}
