/** What an MP3 file holds, read from the file itself: music-metadata for the stream format, our frame walk
 * (mp3-frames.ts) to prove the file is a complete MP3 and for the duration. music-metadata estimates a CBR file's
 * frame count from the first frame's size, which is one byte off whenever frames alternate padding (32 kbit/s at
 * 22.05 kHz does), so it reported a 53.3 s file as 53.1 s; counting frames is exact. */
import { parseBuffer } from 'music-metadata';
import { Mp3FormatError, scanMp3 } from './mp3-frames.ts';

export interface AudioMetadata {
  /** Seconds. */
  duration: number;
  /** Average bits per second of the audio stream. */
  bitrate: number;
  sampleRate: number;
  channels: 1 | 2;
  /** File size in bytes. */
  bytes: number;
  /** "CBR" or "VBR". */
  mode: string;
  /** e.g. "MPEG 2 Layer 3". */
  codec: string;
}

/** Metadata of a complete, valid MP3; throws Mp3FormatError with a Vietnamese reason otherwise. */
export async function readMetadata(bytes: Uint8Array): Promise<AudioMetadata> {
  const scan = scanMp3(bytes);
  let format;
  try {
    ({ format } = await parseBuffer(
      bytes,
      { mimeType: 'audio/mpeg', size: bytes.length },
      { duration: true, skipCovers: true },
    ));
  } catch (error) {
    throw new Mp3FormatError(`không đọc được thông tin MP3 (${(error as Error).message})`);
  }
  if (!format.duration || !format.sampleRate || !format.numberOfChannels) {
    throw new Mp3FormatError('không đọc được thời lượng, tần số lấy mẫu hoặc số kênh');
  }
  if (format.sampleRate !== scan.sampleRate) {
    throw new Mp3FormatError(
      `thông tin mâu thuẫn: tần số ${format.sampleRate} Hz nhưng các khung ghi ${scan.sampleRate} Hz`,
    );
  }
  return {
    duration: (scan.frames * scan.samplesPerFrame) / scan.sampleRate,
    bitrate: Math.round(format.bitrate ?? (scan.audioBytes * 8) / format.duration),
    sampleRate: format.sampleRate,
    channels: format.numberOfChannels === 1 ? 1 : 2,
    bytes: bytes.length,
    mode: format.codecProfile ?? 'CBR',
    codec: format.codec ?? 'MPEG Layer 3',
  };
}
