/** Where a campaign stands on a given day. Periods keep their source's precision ("2021"–"2025", "2024-06"–"2024-08",
 * or days): a year or month end counts whole, so a campaign "to 2025" runs through 31 December 2025. */
import { firstDay, lastDay, parsePreciseDate } from './precise-date.ts';

export type PeriodStatus = 'upcoming' | 'active' | 'ended';

/** A campaign period as written in a topic (see src/schemas/topics.ts). */
export interface PeriodText {
  start: string;
  end: string;
}

/** Status of a period on `today` (UTC days); the first and last day count as active. */
export function periodStatus(period: PeriodText, today: Date): PeriodStatus {
  const day = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  if (day < firstDay(parsePreciseDate(period.start)).getTime()) return 'upcoming';
  if (day > lastDay(parsePreciseDate(period.end)).getTime()) return 'ended';
  return 'active';
}
