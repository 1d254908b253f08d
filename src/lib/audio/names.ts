/** File names people see when they download: topic, number and language, no tone marks, so the file is
 * recognisable in a phone's download folder or on a station's computer ("dieu-tra-53-dan-toc-01-tieng-viet.mp3"). */

const pad = (n: number) => String(n).padStart(2, '0');

/** Lowercase ASCII slug of any Vietnamese text: "Tiếng Việt" → "tieng-viet". */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Base name (no extension) of a recording's downloads. */
export function recordingBaseName(r: { topic: string; order: number; languageSlug: string }): string {
  return `${slugify(r.topic)}-${pad(r.order)}-${slugify(r.languageSlug)}`;
}
