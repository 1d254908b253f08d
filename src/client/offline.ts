/** Offline reading, as a progressive enhancement: registers the service worker (public/sw.js) and turns on the
 * "save to listen offline" buttons. Without JavaScript the site reads and plays exactly the same, online. The offline
 * copy (a ZIM file read in Kiwix) is offline already and ships no service worker: nothing happens there. */
import { copyRoot } from '../lib/copy-marks';
import { SEARCH_SETTLED, SETTLED_MARK } from '../lib/search/events';
import { SERVICE_WORKER } from '../lib/urls';

const AUDIO = 'loa-ban-audio';
const PAGES = 'loa-ban-pages';

if (copyRoot() === undefined && 'serviceWorker' in navigator && 'caches' in window) {
  // The worker's install downloads the offline page (and the question form's script): on the search page that
  // would compete with the first results on a slow link, so there it waits until they are on screen.
  const register = () => void navigator.serviceWorker.register(SERVICE_WORKER);
  const { page, [SETTLED_MARK]: settled } = document.body.dataset;
  if (page === 'search' && settled === undefined) addEventListener(SEARCH_SETTLED, register, { once: true });
  else register();

  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-save-audio]')) {
    const file = button.dataset['saveAudio']!;
    const done = () => {
      button.textContent = button.dataset['savedLabel'] ?? '';
      button.disabled = true;
    };
    void caches.match(file, { cacheName: AUDIO }).then((hit) => hit && done());
    button.hidden = false;
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        // The recording and the page that explains it, so both open with no signal.
        await (await caches.open(AUDIO)).add(file);
        await (await caches.open(PAGES)).add(location.pathname);
        done();
      } catch {
        button.disabled = false;
        button.textContent = button.dataset['failedLabel'] ?? '';
      }
    });
  }
}
