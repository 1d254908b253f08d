/** The phone recorder (/bien-tap/ghi-am/): pick a Q&A and a language, record, listen, re-record, send. Sends the MP3
 * and its entry (transcript, speaker, producer, language, `machineRead: false`) as one commit through Decap's own
 * backend, a draft for review where the editorial workflow is on. */
import strings from '../../i18n/editor.vi.json';
import { parseEntry, recordingEntry, type RecorderLists } from '../../lib/cms/recorder';
import { connect, loadConfig, type Session } from './backend';
import { startRecording, toMp3, type Recording } from './record';

// Decap must not draw its own app on this page: we only use its backends.
(window as unknown as { CMS_MANUAL_INIT: boolean }).CMS_MANUAL_INIT = true;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const say = (text: string) => ($('recorder-status').textContent = text);
const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');
const clock = (s: number) => `${Math.floor(s / 60)}:${String(Math.round(s % 60)).padStart(2, '0')}`;

let session: Session | undefined;
let lists: RecorderLists | undefined;
let recording: Recording | undefined;
let take: { mp3: Blob; seconds: number; url: string } | undefined;

async function start() {
  const [config, data] = await Promise.all([
    loadConfig(),
    fetch('/bien-tap/danh-sach.json').then((r) => r.json() as Promise<RecorderLists>),
  ]);
  lists = data;
  const qa = $<HTMLSelectElement>('qa');
  for (const topic of data.topics) {
    const group = document.createElement('optgroup');
    group.label = topic.title;
    for (const q of data.qa.filter((q) => q.topic === topic.id && q.lang === 'vi'))
      group.append(new Option(q.question, q.id));
    qa.append(group);
  }
  const lang = $<HTMLSelectElement>('lang');
  for (const l of data.languages) lang.append(new Option(l.name, l.id));
  session = await connect(config);
  $('recorder-login').textContent = session ? '' : strings['recorder.login'];
}

async function toggleRecording() {
  const button = $<HTMLButtonElement>('record');
  if (!recording) {
    try {
      recording = await startRecording();
    } catch {
      say(strings['recorder.noMic']);
      return;
    }
    button.textContent = strings['recorder.stop'];
    button.dataset['state'] = 'recording';
    say(strings['recorder.recording']);
    return;
  }
  const finished = recording;
  recording = undefined;
  button.disabled = true;
  say(strings['recorder.encoding']);
  const { mp3, seconds } = await toMp3(await finished.stop());
  if (take) URL.revokeObjectURL(take.url);
  take = { mp3, seconds, url: URL.createObjectURL(mp3) };
  const audio = $<HTMLAudioElement>('take');
  audio.src = take.url;
  audio.hidden = false;
  button.disabled = false;
  button.textContent = strings['recorder.again'];
  button.dataset['state'] = 'recorded';
  say(fill(strings['recorder.recorded'], { time: clock(seconds) }));
}

async function send(event: Event) {
  event.preventDefault();
  if (!session || !lists) {
    say(strings['recorder.login']);
    return;
  }
  const value = (id: string) => $<HTMLInputElement>(id).value.trim();
  const missing = [
    ...(['speaker', 'producer', 'transcript'] as const)
      .filter((id) => !value(id))
      .map((id) => strings[`recorder.${id}`]),
    ...(take ? [] : [strings['recorder.noTake']]),
  ];
  if (missing.length) {
    say(fill(strings['recorder.missing'], { fields: missing.join('; ') }));
    return;
  }
  const qa = lists.qa.find((q) => q.id === value('qa'))!;
  say(strings['recorder.sending']);
  try {
    const existing = (await session.list('content/audio', 'md', 1)).map((f) => {
      const { data } = parseEntry(f.data);
      return {
        id: f.path.replace(/^.*\//, '').replace(/\.md$/, ''),
        topic: data['topic'],
        lang: data['lang'],
        order: data['order'],
      };
    });
    const entry = recordingEntry(
      {
        qa,
        lang: value('lang'),
        speaker: value('speaker'),
        producer: value('producer'),
        transcript: value('transcript'),
        at: new Date(),
      },
      existing,
    );
    await session.save(
      'audio',
      entry.id,
      { path: entry.path, content: entry.raw },
      [{ path: `content/audio/files/${entry.mp3}`, content: take!.mp3 }],
      `Ghi âm "${qa.question}" (${value('lang')})`,
    );
    say(fill(strings[session.workflow ? 'recorder.sent' : 'recorder.sentDirect'], { id: entry.id }));
  } catch (error) {
    say(fill(strings['recorder.failed'], { error: error instanceof Error ? error.message : String(error) }));
  }
}

window.addEventListener('DOMContentLoaded', () => {
  $('record').addEventListener('click', () => void toggleRecording());
  $('recorder').addEventListener('submit', (e) => void send(e));
  start().catch((error: unknown) => say(fill(strings['recorder.failed'], { error: String(error) })));
});
