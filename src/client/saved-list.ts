/** The offline page: lists what this phone has saved (opened pages, saved recordings), read from the caches. */
export {};

const list = async (cacheName: string, target: HTMLElement, label: (url: URL, res: Response) => Promise<string>) => {
  const cache = await caches.open(cacheName);
  const keys = await cache.keys();
  for (const request of keys) {
    const url = new URL(request.url);
    const res = await cache.match(request);
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = url.pathname;
    a.textContent = res ? await label(url, res) : url.pathname;
    li.append(a);
    target.append(li);
  }
  if (keys.length === 0) target.hidden = true;
  return keys.length;
};

const titleOf = async (_: URL, res: Response) =>
  (/<title>([^<]*)<\/title>/.exec(await res.clone().text())?.[1] ?? '').replace(/ · .*$/, '').replace(/&amp;/g, '&');
const fileName = async (url: URL) => decodeURIComponent(url.pathname.split('/').at(-1) ?? url.pathname);

const pages = document.getElementById('saved-pages');
const audio = document.getElementById('saved-audio');
const empty = document.getElementById('saved-empty');
if ('caches' in window && pages && audio && empty) {
  void Promise.all([list('loa-ban-pages', pages, titleOf), list('loa-ban-audio', audio, fileName)]).then(([p, a]) => {
    empty.hidden = p + a > 0;
  });
}
