/** Audio figures written the Vietnamese way (decimal comma). Pure. */
import { formatBytes, formatDuration } from '../format.ts';

/** 12.345 → "12,3"; -Infinity/null → "–". */
export function decimal(x: number | null, digits = 1): string {
  if (x === null || !Number.isFinite(x)) return '–';
  return x
    .toFixed(digits)
    .replace('.', ',')
    .replace(/^-(0,0+)$/, '$1');
}

/** "2:31 · 0,6 MB": what a resident weighs before pressing download. */
export function sizeLabel(seconds: number, bytes: number): string {
  return `${formatDuration(seconds)} · ${formatBytes(bytes)}`;
}

/** 64000 → "64 kbit/s". */
export function kbps(bitsPerSecond: number): string {
  return `${Math.round(bitsPerSecond / 1000)} kbit/s`;
}

/** 22050 → "22,05 kHz". */
export function khz(hz: number): string {
  return `${String(hz / 1000).replace('.', ',')} kHz`;
}
