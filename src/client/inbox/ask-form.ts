/** The question form, enhanced (loaded by boot.ts on first interaction): a message is kept on the phone first, then
 * sent (ask-outbox.ts), so no signal, a dropped connection or a double press never loses or doubles it; and a spoken
 * question of up to 60 s recorded with MediaRecorder, kept and sent the same way. */
import { flush, isKept, keep, settle, type Result } from './ask-outbox';

export { flush };

const MAX_SECONDS = 60;

function newKey(): string {
  if (crypto.randomUUID) return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The voice page's form says which page the resident came from, not its own address: its hidden fields name the
 * query parameter that carries their value (voiceQuestionUrls.from in lib/urls.ts, not imported here so the form's
 * script stays one file). */
function fillOrigin(form: HTMLFormElement): void {
  const query = new URLSearchParams(location.search);
  for (const input of form.querySelectorAll<HTMLInputElement>('input[data-from]')) {
    const value = query.get(input.dataset['from']!);
    if (value) input.value = value;
  }
}

export function enhance(form: HTMLFormElement): void {
  if (form.dataset['enhanced']) return;
  form.dataset['enhanced'] = '1';
  const msg = (name: string, values: Record<string, string | number> = {}) =>
    (
      form.dataset[
        `msg${name[0]!.toUpperCase()}${name.slice(1).replace(/-(\w)/g, (_, c: string) => c.toUpperCase())}`
      ] ?? ''
    ).replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
  const status = form.querySelector<HTMLElement>('[data-ask-status]')!;
  const question = form.querySelector<HTMLTextAreaElement>('textarea[name="question"]')!;
  const statusUrl = (code: string) => (form.dataset['statusUrl'] ?? '').replace('{code}', code);
  let voice: Blob | undefined;
  let busy = false;
  fillOrigin(form);
  /** Keys of messages written on this page, to tell the resident when theirs has arrived. */
  const mine = new Set<string>();

  const say = (text: string, code?: string) => {
    status.textContent = text;
    if (code) {
      const link = document.createElement('a');
      link.href = statusUrl(code);
      link.textContent = ` ${msg('status')}`;
      status.append(link);
    }
  };
  const report = (r: Result) => {
    if (!mine.delete(r.key)) return;
    if ('code' in r) say(msg('sent', { code: r.code }), r.code);
    else say(msg('rejected', { error: r.error }));
  };
  const send = async () => {
    await flush(report);
    for (const key of mine) if (await isKept(key)) say(msg('queued'));
  };
  // Background Sync may deliver first: the service worker then tells the page the code.
  navigator.serviceWorker?.addEventListener('message', (e: MessageEvent) => {
    if (!e.data?.hopThu) return;
    report(e.data.hopThu as Result);
    void settle();
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    // One press, one message: a second press while the first is being kept does nothing.
    if (busy) return;
    if (!voice && question.value.trim().length < 3) {
      say(msg('empty'));
      question.focus();
      return;
    }
    busy = true;
    try {
      const fields: Record<string, string> = {};
      for (const [k, v] of new FormData(form)) if (typeof v === 'string' && v !== '') fields[k] = v;
      const key = newKey();
      mine.add(key);
      await keep({ key, fields, audio: voice, queued: Date.now() });
      form.reset();
      clearVoice();
      say(msg('saved'));
    } finally {
      busy = false;
    }
    await send();
  });
  addEventListener('online', () => void send());

  // ——— Voice (the voice-question page only: other pages link there) ———
  const box = form.querySelector<HTMLElement>('[data-voice]');
  let preview: HTMLElement | undefined;
  function clearVoice() {
    voice = undefined;
    preview?.remove();
    preview = undefined;
    question.required = true;
  }
  if (!box || typeof MediaRecorder === 'undefined' || !navigator.mediaDevices?.getUserMedia) return;
  const button = box.querySelector<HTMLButtonElement>('[data-record]')!;
  box.hidden = false;
  let recorder: MediaRecorder | undefined;
  button.addEventListener('click', async () => {
    if (recorder) return recorder.stop();
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch {
      return say(msg('no-mic'));
    }
    const type = ['audio/webm;codecs=opus', 'audio/ogg;codecs=opus', 'audio/mp4'].find((t) =>
      MediaRecorder.isTypeSupported(t),
    );
    // 24 kbit/s Opus: a clear voice, and 60 s is about 180 KB to send on a weak link.
    const rec = new MediaRecorder(stream, { audioBitsPerSecond: 24_000, ...(type ? { mimeType: type } : {}) });
    recorder = rec;
    const chunks: Blob[] = [];
    const started = Date.now();
    const seconds = () => Math.min(MAX_SECONDS, Math.round((Date.now() - started) / 1000));
    const tick = setInterval(() => say(msg('recording', { s: seconds() })), 1000);
    const limit = setTimeout(() => rec.stop(), MAX_SECONDS * 1000);
    rec.ondataavailable = (e) => e.data.size > 0 && chunks.push(e.data);
    rec.onstop = () => {
      clearInterval(tick);
      clearTimeout(limit);
      for (const track of stream.getTracks()) track.stop();
      recorder = undefined;
      button.textContent = msg('record');
      clearVoice();
      voice = new Blob(chunks, { type: rec.mimeType || type || 'audio/webm' });
      question.required = false;
      preview = document.createElement('p');
      const audio = document.createElement('audio');
      audio.controls = true;
      audio.src = URL.createObjectURL(voice);
      const discard = document.createElement('button');
      discard.type = 'button';
      discard.className = 'button';
      discard.textContent = msg('discard');
      discard.addEventListener('click', () => {
        clearVoice();
        say('');
      });
      preview.append(audio, discard);
      box.append(preview);
      say(msg('recorded', { s: seconds() }));
    };
    rec.start();
    button.textContent = msg('stop');
    say(msg('recording', { s: 0 }));
  });
}
