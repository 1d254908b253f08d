/** Formatting for residents: Vietnamese conventions (dd/mm/yyyy, decimal comma). Pure, UTC-based so a build
 * server's time zone never shifts a date. */

const pad = (n: number) => String(n).padStart(2, '0');

/** 2024-07-01 → "01/07/2024". */
export function formatDate(d: Date): string {
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** ISO day for <time datetime>: "2024-07-01". */
export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Seconds → "2:31" (or "1:02:03" past an hour). */
export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = pad(s % 60);
  return h > 0 ? `${h}:${pad(m)}:${rest}` : `${m}:${rest}`;
}

/** Bytes → "0,6 MB" / "85 KB": one decimal under 10 MB, decimal comma. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000 * 1000) return `${Math.max(1, Math.round(bytes / 1000))} KB`;
  const mb = bytes / 1_000_000;
  const text = mb < 10 ? mb.toFixed(1) : String(Math.round(mb));
  return `${text.replace('.', ',')} MB`;
}

/** "kinh tế - xã hội" split so the spaced dash and the words beside it can be kept on one line (odd segments, for a
 * `white-space: nowrap` span): a line of large print that ends with a lone dash reads as a word broken in two, and
 * Chromium breaks after a hyphen even between no-break spaces. */
export function dashSegments(text: string): string[] {
  return text.split(/(\S+ [-–] \S+)/);
}

/** "phê duyệt Chương trình…" → "Phê duyệt Chương trình…": a title quoted from after "V/v" or "về việc" starts a line. */
export function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}
