/** Recording from the phone's microphone and encoding to MP3 in the browser (lamejs, the encoder the build uses). */
import { encodeMp3, toInt16 } from '../../lib/audio/lame';

/** A running recording: stop() resolves to the recorded audio, undecoded (WebM/Opus or MP4/AAC, as the browser
 * records). */
export interface Recording {
  stop(): Promise<Blob>;
}

export async function startRecording(): Promise<Recording> {
  const stream = await navigator.mediaDevices.getUserMedia({
    audio: { echoCancellation: false, noiseSuppression: true },
  });
  const recorder = new MediaRecorder(stream);
  const chunks: Blob[] = [];
  recorder.addEventListener('dataavailable', (e) => chunks.push(e.data));
  recorder.start();
  return {
    stop: () =>
      new Promise((done) => {
        recorder.addEventListener('stop', () => {
          for (const track of stream.getTracks()) track.stop();
          done(new Blob(chunks, { type: recorder.mimeType }));
        });
        recorder.stop();
      }),
  };
}

/** Speech at broadcast quality: mono, 128 kbit/s, at the rate the phone recorded (44.1 or 48 kHz). */
const KBPS = 128;

/** Decodes what MediaRecorder made and encodes it as MP3, yielding to the page between chunks so it stays responsive. */
export async function toMp3(recorded: Blob): Promise<{ mp3: Blob; seconds: number }> {
  const context = new AudioContext();
  try {
    const audio = await context.decodeAudioData(await recorded.arrayBuffer());
    const mono = new Float32Array(audio.length);
    for (let c = 0; c < audio.numberOfChannels; c++) {
      const data = audio.getChannelData(c);
      for (let i = 0; i < data.length; i++) mono[i]! += data[i]! / audio.numberOfChannels;
    }
    // lamejs accepts 8–48 kHz; browsers record at 44.1 or 48 kHz.
    await new Promise((r) => setTimeout(r, 0));
    const bytes = encodeMp3([toInt16(mono)], audio.sampleRate, KBPS);
    return { mp3: new Blob([bytes as BlobPart], { type: 'audio/mpeg' }), seconds: audio.duration };
  } finally {
    void context.close();
  }
}
