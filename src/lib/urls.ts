/** Every URL the site prints or links, in one place. These are printed in QR codes: change none of them. */
export const urls = {
  home: () => '/',
  topic: (id: string) => `/chu-de/${id}/`,
  /** Page `page` of a topic's Q&A list (src/lib/pagination.ts); page 1 is the topic page itself. */
  topicPage: (id: string, page: number) => (page <= 1 ? `/chu-de/${id}/` : `/chu-de/${id}/trang-${page}/`),
  topics: () => '/chu-de/',
  qaIndex: () => '/hoi-dap/',
  qa: (id: string) => `/hoi-dap/${id}/`,
  explainers: () => '/chinh-sach/',
  explainer: (id: string) => `/chinh-sach/${id}/`,
  documents: () => '/van-ban/',
  document: (id: string) => `/van-ban/${id}/`,
  languages: () => '/ngon-ngu/',
  language: (slug: string) => `/ngon-ngu/${slug}/`,
  audioLibrary: () => '/ban-nghe/',
  audio: (id: string) => `/ban-nghe/${id}/`,
  stations: () => '/dai-truyen-thanh/',
  contact: () => '/lien-he/',
  search: () => '/tim-kiem/',
  print: () => '/in/',
  offline: () => '/ngoai-tuyen/',
} as const;

/** A phone number as a link that dials it: digits only (the shown number keeps its spaces and dots). */
export const telUrl = (number: string) => `tel:${number.replace(/\D/g, '')}`;

/** The published offline copy of the whole site (a ZIM file for Kiwix), beside the offline page. */
export const offlineCopyUrl = (fileName: string) => `${urls.offline()}${fileName}`;

/** Files the browser code asks for. Plain constants, so a client bundle takes only the one it uses. */
export const SERVICE_WORKER = '/sw.js';
export const SEARCH_INDEX = '/pagefind/';
export const FAVICON = '/favicon.svg';

/** Audio files and station resources. Files live under the recording's own page folder, named by recording id
 * (which never changes), while the `download` attribute offers the human file name. Stations subscribe to these. */
export const audioUrls = {
  /** The original MP3 (broadcast quality). */
  original: (id: string) => `${urls.audio(id)}${id}.mp3`,
  /** The phone copy: mono, ~32 kbit/s, -16 LUFS. */
  dataSaver: (id: string) => `${urls.audio(id)}${id}-tiet-kiem.mp3`,
  /** The transcript as plain UTF-8 text. */
  transcript: (id: string) => `${urls.audio(id)}${id}.txt`,
  /** Library filtered by language / topic. */
  byLanguage: (slug: string) => `${urls.audioLibrary()}ngon-ngu/${slug}/`,
  byTopic: (topic: string) => `${urls.audioLibrary()}chu-de/${topic}/`,
  /** Station resources per language. */
  station: (slug: string) => `${urls.stations()}${slug}/`,
  feed: (slug: string) => `${urls.stations()}${slug}/podcast.xml`,
  playlist: (slug: string) => `${urls.stations()}${slug}/danh-sach-phat.m3u`,
  bundle: (slug: string) => `${urls.stations()}${slug}/ban-nghe-${slug}.zip`,
  transcripts: (slug: string) => `${urls.stations()}${slug}/loi-doc-${slug}.txt`,
} as const;

/** The printable pages, all under urls.print(), and the PDF the build prints of each, inside the page's own folder
 * and named so a file passed on over Zalo or a USB stick still says what it is. */
export const printUrls = {
  /** Volume 1 of a topic's booklet is /in/<topic>/ (the address printed since the first booklets); volume n,
   * /in/<topic>/tap-<n>/ (src/lib/pagination.ts, BOOKLET_VOLUME_SIZE). */
  booklet: (topicId: string, volume = 1) => `${urls.print()}${topicId}/${volume > 1 ? `tap-${volume}/` : ''}`,
  leaflet: (topicId: string) => `${urls.print()}${topicId}/to-roi/`,
  slogans: () => `${urls.print()}khau-hieu/`,
  bookletPdf: (topicId: string, volume = 1) =>
    `${printUrls.booklet(topicId, volume)}tap-hoi-dap-${topicId}${volume > 1 ? `-tap-${volume}` : ''}.pdf`,
  leafletPdf: (topicId: string) => `${printUrls.leaflet(topicId)}to-roi-${topicId}.pdf`,
  slogansPdf: () => `${printUrls.slogans()}khau-hieu.pdf`,
} as const;

/** The residents' inbox service (src/inbox/), on the site's own origin: nginx proxies these two prefixes to it, and the
 * service worker leaves them alone. */
export const INBOX_PREFIXES = ['/api/', '/bien-tap/hop-thu/'] as const;
export const inboxUrls = {
  /** Where the question form posts; GET with ?ma=CODE looks a code up. */
  submit: '/api/cau-hoi/',
  /** A question's status page, by reference code. */
  status: (code: string) => `/api/cau-hoi/${code}/`,
  stylesheet: '/api/kieu.css',
  /** Editors' side. */
  inbox: '/bien-tap/hop-thu/',
  login: '/bien-tap/hop-thu/dang-nhap',
  logout: '/bien-tap/hop-thu/dang-xuat',
  answer: '/bien-tap/hop-thu/tra-loi',
  draft: '/bien-tap/hop-thu/ban-nhap',
  csv: '/bien-tap/hop-thu/hop-thu.csv',
  audio: (id: number) => `/bien-tap/hop-thu/ghi-am/${id}`,
} as const;

/** The first page of a numbered list page (`/chu-de/x/trang-3/` → `/chu-de/x/`), or the path itself: the sitemap
 * dates a list's later pages like its first. */
export function firstPageOf(path: string): string {
  return path.replace(/^(\/chu-de\/[^/]+\/)trang-\d+\/$/, '$1');
}

/** The one resident page that may use the microphone (a spoken question; built only with the inbox). Content pages
 * keep `microphone=()` and link here with the page they were on, so the question still carries its topic. */
export const voiceQuestionUrls = {
  page: '/hoi-bang-giong-noi/',
  /** Query parameters the voice page reads back into the form's hidden fields. */
  params: { topic: 'chu-de', lang: 'ngon-ngu', page: 'trang' },
  from(origin: { topic?: string | undefined; lang: string; page: string }): string {
    const query = new URLSearchParams();
    if (origin.topic) query.set(voiceQuestionUrls.params.topic, origin.topic);
    query.set(voiceQuestionUrls.params.lang, origin.lang);
    query.set(voiceQuestionUrls.params.page, origin.page);
    return `${voiceQuestionUrls.page}?${query}`;
  },
} as const;

/** Absolute URL for a site path, for canonical links, feeds and QR codes. */
export function absolute(path: string, site: URL | string): string {
  return new URL(path, site).href;
}

/** The share picture (og:image) every page advertises; drawn by src/pages/chia-se.png.ts. */
export const SHARE_IMAGE = { path: '/chia-se.png', width: 1200, height: 630 } as const;

/** The editing app for editors (never linked from resident pages, never in the sitemap or the search index). */
export const editorUrls = {
  app: () => '/bien-tap/',
  file: (name: string) => `/bien-tap/${name}`,
  worklist: () => '/bien-tap/viec-can-lam/',
  worklistCsv: () => '/bien-tap/viec-can-lam.csv',
  recorder: () => '/bien-tap/ghi-am/',
  /** The residents' questions inbox (issue 14), served by its own service. */
  inbox: () => '/bien-tap/hop-thu/',
} as const;

/** Editor pages that are plain HTML files rather than Astro pages (see src/integrations/editor.ts). */
export const EDITOR_SHELLS: readonly string[] = [editorUrls.app(), editorUrls.recorder()];
