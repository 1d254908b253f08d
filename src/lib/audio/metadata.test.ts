import { describe, expect, it } from 'vitest';
import { toneMp3 } from '../../../scripts/lib/audio-fixtures';
import { readMetadata } from './metadata.ts';

describe('readMetadata', () => {
  it.each([
    { sampleRate: 22050, channels: 1 as const, kbps: 64 },
    { sampleRate: 44100, channels: 2 as const, kbps: 128 },
    { sampleRate: 16000, channels: 1 as const, kbps: 32 },
  ])('reads what was encoded: $sampleRate Hz, $channels ch, $kbps kbit/s', async ({ sampleRate, channels, kbps }) => {
    const bytes = toneMp3({ seconds: 4, sampleRate, channels, kbps });
    const m = await readMetadata(bytes);
    expect(m.sampleRate).toBe(sampleRate);
    expect(m.channels).toBe(channels);
    expect(m.bitrate).toBe(kbps * 1000);
    expect(m.bytes).toBe(bytes.length);
    expect(m.mode).toBe('CBR');
    // Encoder delay and padding add at most a few frames.
    expect(Math.abs(m.duration - 4)).toBeLessThan((3 * (sampleRate > 24000 ? 1152 : 576)) / sampleRate);
  });

  it('refuses a file that is not a complete MP3, with a reason', async () => {
    const bytes = toneMp3({ seconds: 1 });
    await expect(readMetadata(bytes.subarray(0, bytes.length - 10))).rejects.toThrow(/cắt cụt/);
  });
});
