/** Building, reading and editing RFC 5545 RRULEs as the event form needs them. */
export type Frequency = 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface Repeat {
  freq: Frequency;
  interval: number;
  byDay: Weekday[];
  end: { kind: 'never' } | { kind: 'count'; count: number } | { kind: 'until'; until: string /* YYYYMMDDTHHMMSSZ */ };
}

export function toRrule(repeat: Repeat | null): string | null {
  if (!repeat) return null;
  const parts = [`FREQ=${repeat.freq}`];
  if (repeat.interval > 1) parts.push(`INTERVAL=${Math.floor(repeat.interval)}`);
  if (repeat.freq === 'WEEKLY' && repeat.byDay.length) {
    parts.push(`BYDAY=${WEEKDAYS.filter((d) => repeat.byDay.includes(d)).join(',')}`);
  }
  if (repeat.end.kind === 'count') parts.push(`COUNT=${Math.max(1, Math.floor(repeat.end.count))}`);
  if (repeat.end.kind === 'until') parts.push(`UNTIL=${repeat.end.until}`);
  return parts.join(';');
}

export function fromRrule(rrule: string | null | undefined): Repeat | null {
  if (!rrule) return null;
  const fields = new Map<string, string>();
  for (const part of rrule.replace(/^RRULE:/i, '').split(';')) {
    const [key, value] = part.split('=');
    if (key && value) fields.set(key.toUpperCase(), value.toUpperCase());
  }
  const freq = fields.get('FREQ') as Frequency | undefined;
  if (!freq || !['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'].includes(freq)) return null;
  const byDay = (fields.get('BYDAY') ?? '')
    .split(',')
    .filter((d): d is Weekday => (WEEKDAYS as readonly string[]).includes(d));
  const count = fields.get('COUNT');
  const until = fields.get('UNTIL');
  return {
    freq,
    interval: Number(fields.get('INTERVAL') ?? 1) || 1,
    byDay,
    end: count ? { kind: 'count', count: Number(count) } : until ? { kind: 'until', until } : { kind: 'never' },
  };
}

/** `UNTIL` for the end of a local date, as UTC basic format. */
export function untilOf(instant: Date): string {
  return instant.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

export type Scope = 'this' | 'following' | 'all';

export interface EventTimes {
  startsAt: string;
  endsAt: string;
}

/**
 * The PATCH for an edit made on one occurrence. `this` and `following` take the occurrence's
 * new times as they are; `all` moves the whole series by the same shift (the series starts at
 * its own first occurrence, not at the one being edited), and keeps the duration the user chose.
 */
export function timesForScope(scope: Scope, series: EventTimes, occurrence: EventTimes, edited: EventTimes): EventTimes {
  if (scope !== 'all') return edited;
  const shift = Date.parse(edited.startsAt) - Date.parse(occurrence.startsAt);
  const duration = Date.parse(edited.endsAt) - Date.parse(edited.startsAt);
  const startsAt = new Date(Date.parse(series.startsAt) + shift);
  return { startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + duration).toISOString() };
}

/** The query of a PATCH or DELETE on an occurrence: no occurrence for `all`. */
export function scopeQuery(scope: Scope, occurrenceStartsAt: string): Record<string, string> {
  return scope === 'all' ? { scope } : { scope, occurrence: occurrenceStartsAt };
}

/** Only the fields that changed (PATCH sends only what changes; `""` clears a recurrence). */
export function changedFields<T extends Record<string, unknown>>(before: T, after: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) out[key] = after[key];
  }
  return out;
}
