/** Rules for MP3s editors upload or record in the browser: pure, shared by the editing app and the build's check. */
import { formatBytes } from '../format';

/** Largest MP3 accepted: about 25 minutes at 128 kbit/s, small enough for a git host and a village connection. */
export const MAX_MP3_BYTES = 25_000_000;

/** Why a file cannot be used as a recording, in plain Vietnamese, or undefined when it can. */
export function mp3Problem(file: { name: string; size: number; type?: string }): string | undefined {
  if (!/\.mp3$/i.test(file.name) && file.type !== 'audio/mpeg') return 'Chỉ nhận tệp MP3 (đuôi .mp3).';
  if (file.size === 0) return 'Tệp rỗng (0 byte): hãy chọn lại tệp.';
  if (file.size > MAX_MP3_BYTES) {
    return `Tệp quá lớn: ${formatBytes(file.size)}. Tệp MP3 tối đa 25 MB (khoảng 25 phút ở 128 kbit/s). Hãy cắt ngắn hoặc xuất lại ở 128 kbit/s.`;
  }
  return undefined;
}

/** Lowercase ASCII with hyphens, as file names and URLs are (đ → d, tone marks dropped). */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** A new, unique file name for an upload or a recording: from the entry's title and the moment it was attached, so
 * two speakers never overwrite each other's file. */
export function mp3FileName(title: string, at: Date): string {
  const stamp = at.toISOString().replace(/\D/g, '').slice(0, 14);
  return `${slugify(title) || 'ban-ghi'}-${stamp}.mp3`;
}

/** The next free `order` among entries of one group (same topic and language): one past the largest. */
export function nextOrder(orders: unknown[]): number {
  const numbers = orders.filter((o): o is number => typeof o === 'number' && Number.isInteger(o) && o > 0);
  return numbers.length === 0 ? 1 : Math.max(...numbers) + 1;
}
