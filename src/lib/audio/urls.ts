/** Stable URLs of audio files and station resources. Printed in QR codes and subscribed to by stations: never
 * change one. Files live under the recording's own page folder, named by recording id (which never changes),
 * while the `download` attribute offers the human file name. */
import { urls } from '../urls';

export const audioUrls = {
  /** The recording page, /ban-nghe/<id>/ (same as urls.audio). */
  page: (id: string) => urls.audio(id),
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
