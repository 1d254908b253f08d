/** On every page when the site is built with the inbox, and kept to a few hundred bytes: sends questions still kept
 * on the phone (a flag in localStorage says there are some, so nothing is opened otherwise), and loads the question
 * form's script on the first touch, focus or submit. A submit before the script is ready is held and replayed. */
export function bootInbox(): void {
  // PENDING in ask-outbox.ts, written out: importing it would pull the outbox into every page. One lazy chunk for both
  // uses (ask-form re-exports flush), so Vite adds no preload helper to every page's script.
  if (localStorage.getItem('loa-ban-hop-thu')) void import('./ask-form').then((m) => m.flush());

  const form = document.querySelector<HTMLFormElement>('form[data-ask]');
  if (!form) return;
  let started = false;
  const start = (event?: Event) => {
    if (started) return;
    started = true;
    // A submit before the script is ready is replayed once it is: no native POST, so nothing is lost offline.
    const replay = event?.type === 'submit';
    if (replay) event!.preventDefault();
    void import('./ask-form').then(
      (m) => {
        m.enhance(form);
        if (replay) form.requestSubmit();
      },
      () => {
        // The script could not load: let the plain form post as it would without JavaScript.
        if (replay) form.submit();
      },
    );
  };
  for (const type of ['focusin', 'pointerdown', 'submit']) form.addEventListener(type, start);
}
