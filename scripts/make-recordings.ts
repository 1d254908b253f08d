/**
 * Makes the machine-read Vietnamese recordings the site ships until people record them (content/audio/).
 *
 * How: for each Q&A listed below, the question and answer are turned into the words a synthesiser should say
 * (src/lib/audio/spoken.ts: dates and document numbers as words), read by espeak-ng's Vietnamese voice into a WAV,
 * brought to the EBU R128 broadcast level (-23 LUFS, true peak at most -2 dBTP, measured with our own BS.1770 code),
 * and encoded to a 64 kbit/s mono MP3 with lamejs (npm; no ffmpeg). It writes
 *   content/audio/files/<id>.mp3   the recording
 *   content/audio/<id>.md          its entry: machineRead: true, the Q&A it reads, and the exact words read as body
 *                                  (the Q&A's corrections apply to it: the citation check and the page take them)
 * The Q&A pages then show the player by themselves (a recording names its Q&A in `qa`).
 *
 * Needs: espeak-ng (Debian/Ubuntu: `apt-get install espeak-ng`), Node >= 22.18 (runs TypeScript directly).
 * Run:   node scripts/make-recordings.ts            (all)
 *        node scripts/make-recordings.ts <qa-id>…   (some, e.g. dieu-tra-53-dan-toc/thoi-gian-dieu-tra)
 * Re-running overwrites the files with identical output (espeak-ng and lamejs are deterministic), except `recorded`.
 * A human recording replaces a machine one by replacing the MP3, setting machineRead: false, speaker and producer.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { encodeMp3, encoderScale, normalisingGain, toInt16 } from '../src/lib/audio/encode.ts';
import { integratedLoudness, truePeak } from '../src/lib/audio/loudness.ts';
import { spokenText } from '../src/lib/audio/spoken.ts';
import { parseWav } from '../src/lib/audio/wav.ts';

/** Q&A to read, by id (content/qa/<id>.md). Chosen for plain sentences with few document symbols. */
const QA = [
  'dieu-tra-53-dan-toc/muc-dich-cuoc-dieu-tra',
  'dieu-tra-53-dan-toc/vi-sao-nen-tham-gia',
  'dieu-tra-53-dan-toc/thoi-gian-dieu-tra',
  'dieu-tra-53-dan-toc/thoi-gian-tuyen-truyen',
  'dieu-tra-53-dan-toc/ai-duoc-dieu-tra',
  'dieu-tra-53-dan-toc/noi-dung-dieu-tra',
  'dieu-tra-53-dan-toc/nguoi-dan-can-lam-gi',
  'dieu-tra-53-dan-toc/vai-tro-gia-lang-truong-ban',
  'dieu-tra-53-dan-toc/nghe-thong-tin-o-dau',
  'dieu-tra-53-dan-toc/hoi-ai-khi-can',
  'chuong-trinh-1719/chuong-trinh-1719-la-gi',
  'chuong-trinh-1719/phat-thanh-tieng-dan-toc',
];

/** Short id prefixes, so recording URLs (printed as QR codes) stay short. */
const PREFIX: Record<string, string> = {
  'dieu-tra-53-dan-toc': 'dieu-tra',
  'chuong-trinh-1719': 'ct-1719',
  'dan-toc-ton-giao': 'dttg',
};

const root = resolve(import.meta.dirname, '..');
const audioDir = join(root, 'content/audio');
const SAMPLE_RATE = 22050; // espeak-ng's native rate
const KBPS = 64;
/** Words per minute: slower than espeak's default 175, for listeners on village loudspeakers. */
const SPEED = 140;

/** Top-level `key: value` pairs of a YAML front matter (the Q&A files use nothing more for these keys). */
function frontMatter(text: string): { data: Record<string, string>; body: string } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!m) throw new Error('no front matter');
  const data: Record<string, string> = {};
  for (const line of m[1]!.split(/\r?\n/)) {
    const kv = /^([A-Za-z]+):\s*(.*?)\s*$/.exec(line);
    if (kv && kv[2]) data[kv[1]!] = kv[2].replace(/^"(.*)"$/, '$1').replace(/^'(.*)'$/, '$1');
  }
  return { data, body: m[2]! };
}

const yamlString = (s: string) => JSON.stringify(s);

function speak(text: string, work: string): Float32Array {
  const txt = join(work, 'in.txt');
  const wav = join(work, 'out.wav');
  writeFileSync(txt, text);
  // -b 1: UTF-8 input; -g: extra pause between words (in 10 ms units), clearer over loudspeakers.
  execFileSync('espeak-ng', ['-v', 'vi', '-s', String(SPEED), '-g', '2', '-b', '1', '-f', txt, '-w', wav]);
  const pcm = parseWav(new Uint8Array(readFileSync(wav)));
  if (pcm.sampleRate !== SAMPLE_RATE) throw new Error(`espeak-ng wrote ${pcm.sampleRate} Hz, expected ${SAMPLE_RATE}`);
  return pcm.channels[0]!;
}

async function main() {
  const wanted = process.argv.slice(2);
  const list = wanted.length > 0 ? wanted : QA;
  const work = mkdtempSync(join(tmpdir(), 'loa-ban-espeak-'));
  mkdirSync(join(audioDir, 'files'), { recursive: true });
  const today = new Date().toISOString().slice(0, 10);
  let total = 0;
  try {
    for (const qaId of list) {
      const [topic, slug] = qaId.split('/') as [string, string];
      const { data, body } = frontMatter(readFileSync(join(root, 'content/qa', `${qaId}.md`), 'utf8'));
      const lang = data['lang'] ?? 'vi';
      if (lang !== 'vi')
        throw new Error(
          `${qaId}: espeak-ng reads only Vietnamese here; minority-language audio must be recorded by a speaker`,
        );
      const id = `${PREFIX[topic] ?? topic}-${slug}-${lang}`;
      const words = spokenText(`${data['question']}\n\n${body}`);
      const voice = speak(words, work);
      // Half a second of silence each side, so playout systems do not clip the first word.
      const pad = Math.round(SAMPLE_RATE / 2);
      const padded = new Float32Array(voice.length + 2 * pad);
      padded.set(voice, pad);
      const gain = normalisingGain(integratedLoudness([padded], SAMPLE_RATE), truePeak([padded], SAMPLE_RATE), -23, -2);
      // LAME scales its input down slightly at these bitrates; make up for it so the file measures -23 LUFS.
      const scale = await encoderScale(SAMPLE_RATE, KBPS);
      const mp3 = encodeMp3([toInt16(padded, 10 ** (gain / 20) / scale)], SAMPLE_RATE, KBPS);
      writeFileSync(join(audioDir, 'files', `${id}.mp3`), mp3);
      const entry = [
        '---',
        `title: ${yamlString(data['question']!)}`,
        `lang: ${lang}`,
        `topic: ${topic}`,
        `order: ${Number(data['order'])}`,
        'qa:',
        `  - ${qaId}`,
        `file: files/${id}.mp3`,
        `speaker: "espeak-ng (giọng đọc máy)"`,
        `producer: "Loa Bản (tạo tự động bằng scripts/make-recordings.ts)"`,
        `recorded: ${today}`,
        'machineRead: true',
        // A note for editors, in a field: the editing app rewrites files and would drop a YAML comment.
        'notes: "Bản đọc máy, tạo bằng scripts/make-recordings.ts (espeak-ng, giọng tiếng Việt). Thay bằng bản ghi âm người đọc khi có."',
        '---',
        '',
        words,
      ].join('\n');
      writeFileSync(join(audioDir, `${id}.md`), entry);
      total += mp3.length;
      console.log(
        `${id}: ${(padded.length / SAMPLE_RATE).toFixed(1)} s, ${mp3.length} bytes, gain ${gain.toFixed(1)} dB`,
      );
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  console.log(`${list.length} recordings, ${(total / 1e6).toFixed(2)} MB`);
}

await main();
