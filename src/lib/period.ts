/** Where a campaign stands on a given day. */
export type PeriodStatus = 'upcoming' | 'active' | 'ended';

export interface Span {
  start: Date;
  end: Date;
}

/** Status of a period on `today`; the end day counts as active. */
export function periodStatus(period: Span, today: Date): PeriodStatus {
  const day = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  if (day < period.start.getTime()) return 'upcoming';
  if (day > period.end.getTime()) return 'ended';
  return 'active';
}
