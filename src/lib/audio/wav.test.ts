import { describe, expect, it } from 'vitest';
import { parseWav, sine, writeWav } from './wav.ts';

describe('wav', () => {
  it('round-trips 16-bit PCM', () => {
    const pcm = sine({ frequency: 440, amplitude: 0.5, seconds: 0.1, sampleRate: 8000, channels: 2 });
    const back = parseWav(writeWav(pcm));
    expect(back.sampleRate).toBe(8000);
    expect(back.channels).toHaveLength(2);
    expect(back.channels[1]![10]).toBeCloseTo(pcm.channels[1]![10]!, 3);
  });
  it('reads a streamed WAV whose sizes say 0x7fffffff', () => {
    const wav = writeWav(sine({ frequency: 440, amplitude: 0.5, seconds: 0.1, sampleRate: 8000 }));
    new DataView(wav.buffer).setUint32(40, 0x7fffffff, true);
    expect(parseWav(wav).channels[0]).toHaveLength(800);
  });
});
