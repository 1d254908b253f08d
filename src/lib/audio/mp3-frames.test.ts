import { describe, expect, it } from 'vitest';
import { toneMp3 } from '../../../scripts/lib/audio-fixtures';
import { scanMp3 } from './mp3-frames.ts';
import { sine, writeWav } from './wav.ts';

const mp3 = toneMp3({ seconds: 3, sampleRate: 22050, kbps: 64 });

describe('scanMp3', () => {
  it('walks every frame of a valid file', () => {
    const scan = scanMp3(mp3);
    expect(scan.sampleRate).toBe(22050);
    expect(scan.channels).toBe(1);
    expect(scan.version).toBe(2);
    expect(scan.junkBytes).toBe(0);
    expect(scan.audioBytes).toBe(mp3.length);
    // 3 s at 576 samples per frame, plus the encoder's delay and padding.
    expect(scan.frames * 576).toBeGreaterThanOrEqual(3 * 22050);
    expect(scan.frames * 576).toBeLessThan(3 * 22050 + 4 * 576);
  });

  it('skips an ID3v2 tag at the start and an ID3v1 tag at the end', () => {
    const id3 = new Uint8Array([0x49, 0x44, 0x33, 3, 0, 0, 0, 0, 0, 20, ...new Array(20).fill(0)]);
    const v1 = new Uint8Array(128);
    v1.set([0x54, 0x41, 0x47]);
    const tagged = new Uint8Array([...id3, ...mp3, ...v1]);
    const scan = scanMp3(tagged);
    expect(scan.firstFrame).toBe(30);
    expect(scan.frames).toBe(scanMp3(mp3).frames);
  });

  it('rejects an empty file', () => {
    expect(() => scanMp3(new Uint8Array())).toThrow(/rỗng/);
  });

  it('names a WAV file renamed .mp3', () => {
    const wav = writeWav(sine({ frequency: 440, amplitude: 0.1, seconds: 0.5, sampleRate: 8000 }));
    expect(() => scanMp3(wav)).toThrow(/là WAV, không phải MP3/);
  });

  it('rejects a truncated file', () => {
    expect(() => scanMp3(mp3.subarray(0, mp3.length - 50))).toThrow(/cắt cụt/);
  });

  it('rejects a file damaged in the middle', () => {
    const damaged = mp3.slice();
    let seed = 1;
    for (let i = 2000; i < damaged.length - 2000; i++) damaged[i] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
    expect(() => scanMp3(damaged)).toThrow(/hỏng/);
  });

  it('rejects random bytes', () => {
    const noise = new Uint8Array(5000).map((_, i) => (i * 7919) % 251);
    expect(() => scanMp3(noise)).toThrow(/không tìm thấy khung/);
  });
});
