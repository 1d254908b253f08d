/** Every URL the site prints or links, in one place. These are printed in QR codes: change none of them. */
export const urls = {
  home: () => '/',
  topic: (id: string) => `/chu-de/${id}/`,
  topics: () => '/chu-de/',
  qaIndex: () => '/hoi-dap/',
  qa: (id: string) => `/hoi-dap/${id}/`,
  explainers: () => '/chinh-sach/',
  explainer: (id: string) => `/chinh-sach/${id}/`,
  documents: () => '/van-ban/',
  document: (id: string) => `/van-ban/#${id}`,
  languages: () => '/ngon-ngu/',
  language: (slug: string) => `/ngon-ngu/${slug}/`,
  audioLibrary: () => '/ban-nghe/',
  audio: (id: string) => `/ban-nghe/${id}/`,
  stations: () => '/dai-truyen-thanh/',
  contact: () => '/lien-he/',
  search: () => '/tim-kiem/',
  print: () => '/in/',
} as const;

/** Absolute URL for a site path, for canonical links, feeds and QR codes. */
export function absolute(path: string, site: URL | string): string {
  return new URL(path, site).href;
}

/** The share picture (og:image) every page advertises; drawn by src/pages/chia-se.png.ts. */
export const SHARE_IMAGE = { path: '/chia-se.png', width: 1200, height: 630 } as const;
