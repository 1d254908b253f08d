/** Walks the MPEG audio frames of a file to prove it is a complete MP3 (MPEG-1/2/2.5 Layer III): tag parsers accept
 * a truncated or renamed file and guess a duration from its size, so the build checks the frames themselves.
 * Problems are returned in plain Vietnamese for the editor. Pure. */

export interface Mp3Scan {
  /** Number of audio frames (including a Xing/Info frame, which decodes to silence). */
  frames: number;
  /** Offset of the first frame (after an ID3v2 tag). */
  firstFrame: number;
  /** Bytes occupied by frames. */
  audioBytes: number;
  /** 1, 2 or 2.5. */
  version: 1 | 2 | 2.5;
  sampleRate: number;
  channels: 1 | 2;
  /** Samples per channel per frame (1152 or 576). */
  samplesPerFrame: number;
  /** Bytes of garbage between frames that were skipped to find the next frame. */
  junkBytes: number;
}

export class Mp3FormatError extends Error {
  override name = 'Mp3FormatError';
}

const BITRATES_V1_L3 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
const BITRATES_V2_L3 = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
const RATES: Record<string, number[]> = {
  '1': [44100, 48000, 32000],
  '2': [22050, 24000, 16000],
  '2.5': [11025, 12000, 8000],
};

interface Header {
  version: 1 | 2 | 2.5;
  layer: number;
  bitrate: number;
  sampleRate: number;
  channels: 1 | 2;
  length: number;
  samplesPerFrame: number;
}

/** The frame header at `o`, or undefined when those 4 bytes are not a valid MPEG audio header. */
export function parseHeader(b: Uint8Array, o: number): Header | undefined {
  if (o + 4 > b.length || b[o] !== 0xff || (b[o + 1]! & 0xe0) !== 0xe0) return undefined;
  const v = (b[o + 1]! >> 3) & 3;
  const l = (b[o + 1]! >> 1) & 3;
  const bi = b[o + 2]! >> 4;
  const si = (b[o + 2]! >> 2) & 3;
  if (v === 1 || l === 0 || bi === 0 || bi === 15 || si === 3) return undefined;
  const version = v === 3 ? 1 : v === 2 ? 2 : 2.5;
  const layer = 4 - l;
  const padding = (b[o + 2]! >> 1) & 1;
  const channels = b[o + 3]! >> 6 === 3 ? 1 : 2;
  const sampleRate = RATES[String(version)]![si]!;
  if (layer !== 3) {
    // Layer I/II: only the length matters, so the caller can name the codec.
    return { version, layer, bitrate: 0, sampleRate, channels, length: 0, samplesPerFrame: 0 };
  }
  const bitrate = (version === 1 ? BITRATES_V1_L3 : BITRATES_V2_L3)[bi]! * 1000;
  const samplesPerFrame = version === 1 ? 1152 : 576;
  const length = Math.floor(((samplesPerFrame / 8) * bitrate) / sampleRate) + padding;
  return { version, layer, bitrate, sampleRate, channels, length, samplesPerFrame };
}

const ascii = (b: Uint8Array, o: number, n: number) => String.fromCharCode(...b.subarray(o, o + n));

/** What a non-MP3 file most likely is, from its first bytes. */
export function sniffOtherFormat(b: Uint8Array): string | undefined {
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WAVE') return 'WAV';
  if (ascii(b, 0, 4) === 'fLaC') return 'FLAC';
  if (ascii(b, 0, 4) === 'OggS') return 'OGG';
  if (ascii(b, 4, 4) === 'ftyp') return 'MP4/M4A';
  if (ascii(b, 0, 4) === 'FORM') return 'AIFF';
  if (ascii(b, 0, 4) === '#!AM') return 'AMR';
  if (ascii(b, 0, 5) === '%PDF-') return 'PDF';
  if (b[0] === 0x50 && b[1] === 0x4b) return 'ZIP';
  return undefined;
}

/** Size of the ID3v2 tag at the start (0 if none). */
function id3v2Size(b: Uint8Array): number {
  if (b.length < 10 || ascii(b, 0, 3) !== 'ID3') return 0;
  const size = ((b[6]! & 0x7f) << 21) | ((b[7]! & 0x7f) << 14) | ((b[8]! & 0x7f) << 7) | (b[9]! & 0x7f);
  return 10 + size + (b[5]! & 0x10 ? 10 : 0);
}

/** Bytes at the end that belong to tags (ID3v1, APEv2), not audio. */
function trailingTagSize(b: Uint8Array): number {
  let end = b.length;
  if (end >= 128 && ascii(b, end - 128, 3) === 'TAG') end -= 128;
  if (end >= 32 && ascii(b, end - 32, 8) === 'APETAGEX') {
    const size = b[end - 20]! | (b[end - 19]! << 8) | (b[end - 18]! << 16) | (b[end - 17]! << 24);
    const hasHeader = (b[end - 9]! & 0x80) !== 0;
    end -= size + (hasHeader ? 32 : 0);
  }
  return b.length - Math.max(0, end);
}

/** Frame count declared by a Xing/Info header in the first frame, if any. */
function declaredFrames(b: Uint8Array, frame: number, length: number): number | undefined {
  for (let o = frame + 4; o < frame + Math.min(length, 64); o++) {
    const tag = ascii(b, o, 4);
    if (tag === 'Xing' || tag === 'Info') {
      const flags = b[o + 7]!;
      if (!(flags & 1)) return undefined;
      return ((b[o + 8]! << 24) | (b[o + 9]! << 16) | (b[o + 10]! << 8) | b[o + 11]!) >>> 0;
    }
  }
  return undefined;
}

/** Finds the next offset from `o` where two consecutive Layer III headers agree (a real frame, not a stray 0xFF). */
function resync(b: Uint8Array, o: number, end: number): number | undefined {
  for (let i = o; i + 4 <= end; i++) {
    const h = parseHeader(b, i);
    if (!h || h.layer !== 3) continue;
    const next = i + h.length;
    if (next === end) return i;
    const h2 = parseHeader(b, next);
    if (h2 && h2.layer === 3 && h2.sampleRate === h.sampleRate) return i;
  }
  return undefined;
}

/** Scans `bytes` frame by frame. Throws Mp3FormatError (Vietnamese) for an empty, non-MP3, truncated or corrupt file. */
export function scanMp3(bytes: Uint8Array): Mp3Scan {
  if (bytes.length === 0) throw new Mp3FormatError('tệp rỗng (0 byte)');
  const other = sniffOtherFormat(bytes);
  if (other)
    throw new Mp3FormatError(
      `tệp này là ${other}, không phải MP3 (chỉ đổi đuôi thành .mp3 thì không đổi được định dạng; cần xuất lại tệp dạng MP3)`,
    );
  const start = id3v2Size(bytes);
  if (start > bytes.length) throw new Mp3FormatError('tệp bị cắt cụt: thẻ ID3 dài hơn cả tệp');
  const end = bytes.length - trailingTagSize(bytes);
  const first = resync(bytes, start, end);
  if (first === undefined) {
    const h = parseHeader(bytes, start);
    if (h && h.layer !== 3)
      throw new Mp3FormatError(`tệp là MPEG Layer ${h.layer === 2 ? 'II (MP2)' : 'I'}, không phải MP3 (Layer III)`);
    throw new Mp3FormatError('không tìm thấy khung âm thanh MP3 nào: tệp hỏng hoặc không phải MP3');
  }
  const head = parseHeader(bytes, first)!;
  let o = first;
  let frames = 0;
  let junk = first - start;
  let audioBytes = 0;
  while (o < end) {
    const h = parseHeader(bytes, o);
    if (h && h.layer === 3 && h.sampleRate === head.sampleRate) {
      if (o + h.length > end) {
        throw new Mp3FormatError(
          `tệp bị cắt cụt: khung thứ ${frames + 1} thiếu ${o + h.length - end} byte ở cuối tệp (tải lên chưa xong?)`,
        );
      }
      frames++;
      audioBytes += h.length;
      o += h.length;
      continue;
    }
    const next = resync(bytes, o + 1, end);
    if (next === undefined) {
      junk += end - o;
      break;
    }
    junk += next - o;
    o = next;
  }
  // A few stray bytes happen in real files; more than 1 % means damage (a bad copy or a partial overwrite).
  if (junk > Math.max(512, (end - start) * 0.01)) {
    throw new Mp3FormatError(`tệp hỏng: ${junk} byte không phải dữ liệu MP3 giữa các khung âm thanh`);
  }
  const declared = declaredFrames(bytes, first, head.length);
  if (declared !== undefined && frames < declared) {
    throw new Mp3FormatError(`tệp bị cắt cụt: đầu tệp ghi ${declared} khung nhưng chỉ có ${frames}`);
  }
  if (frames < 2) throw new Mp3FormatError('tệp quá ngắn: chưa đủ hai khung âm thanh MP3');
  return {
    frames,
    firstFrame: first,
    audioBytes,
    version: head.version,
    sampleRate: head.sampleRate,
    channels: head.channels,
    samplesPerFrame: head.samplesPerFrame,
    junkBytes: junk,
  };
}
