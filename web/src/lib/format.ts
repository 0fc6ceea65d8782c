/** Dates and numbers through Intl, in the user's locale and time zone. */
export interface Locale {
  locale: string;
  timeZone: string;
}

export function formatDateTime(iso: string | Date, { locale, timeZone }: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
}

export function formatDate(iso: string | Date, { locale, timeZone }: Locale, style: 'full' | 'long' | 'medium' = 'medium'): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: style, timeZone }).format(new Date(iso));
}

export function formatTime(iso: string | Date, { locale, timeZone }: Locale): string {
  return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone }).format(new Date(iso));
}

export function formatMonth(date: Date, { locale, timeZone }: Locale): string {
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone }).format(date);
}

export function formatWeekday(date: Date, { locale, timeZone }: Locale, width: 'short' | 'long' = 'short'): string {
  return new Intl.DateTimeFormat(locale, { weekday: width, timeZone }).format(date);
}

export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** A file's size in bytes, kB or MB (decimal units, as the files library's limits are written). */
export function formatSize(bytes: number, locale: string): string {
  const [value, unit] = bytes < 1000 ? [bytes, 'byte'] : bytes < 1_000_000 ? [bytes / 1000, 'kilobyte'] : [bytes / 1_000_000, 'megabyte'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
}

/** "in 5 minutes", "3 hours ago" */
export function formatRelative(iso: string, now: Date, locale: string): string {
  const seconds = Math.round((new Date(iso).getTime() - now.getTime()) / 1000);
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (abs < 60) return rtf.format(seconds, 'second');
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86400) return rtf.format(Math.round(seconds / 3600), 'hour');
  return rtf.format(Math.round(seconds / 86400), 'day');
}

/** The wall-clock fields of an instant in a zone. */
export interface WallTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const partsCache = new Map<string, Intl.DateTimeFormat>();

export function wallTime(instant: Date, timeZone: string): WallTime {
  let format = partsCache.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsCache.set(timeZone, format);
  }
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(instant)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour % 24, minute: parts.minute, second: parts.second };
}

/** The instant at which the zone's clock shows the given wall time (the earlier one in a fold). */
export function zonedInstant(wall: Partial<WallTime> & Pick<WallTime, 'year' | 'month' | 'day'>, timeZone: string): Date {
  const w = { hour: 0, minute: 0, second: 0, ...wall };
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  let guess = asUtc;
  for (let i = 0; i < 3; i++) {
    const seen = wallTime(new Date(guess), timeZone);
    const seenUtc = Date.UTC(seen.year, seen.month - 1, seen.day, seen.hour, seen.minute, seen.second);
    const diff = asUtc - seenUtc;
    if (diff === 0) break;
    guess += diff;
  }
  return new Date(guess);
}

export function startOfDay(instant: Date, timeZone: string): Date {
  const w = wallTime(instant, timeZone);
  return zonedInstant({ year: w.year, month: w.month, day: w.day }, timeZone);
}

/** Adds calendar days in the zone (23- and 25-hour days included). */
export function addDays(instant: Date, days: number, timeZone: string): Date {
  const w = wallTime(instant, timeZone);
  const shifted = new Date(Date.UTC(w.year, w.month - 1, w.day + days));
  return zonedInstant(
    { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate(), hour: w.hour, minute: w.minute, second: w.second },
    timeZone,
  );
}

/** `YYYY-MM-DDTHH:mm` for a datetime-local input, in the zone. */
export function toLocalInput(instant: Date | string, timeZone: string): string {
  const w = wallTime(new Date(instant), timeZone);
  const p = (n: number) => String(n).padStart(2, '0');
  const base = `${w.year}-${p(w.month)}-${p(w.day)}T${p(w.hour)}:${p(w.minute)}`;
  return w.second ? `${base}:${p(w.second)}` : base;
}

/** The instant a datetime-local value means in the zone. */
export function fromLocalInput(value: string, timeZone: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(value);
  if (!m) throw new Error(`not a date-time: ${value}`);
  return zonedInstant(
    { year: +m[1], month: +m[2], day: +m[3], hour: +m[4], minute: +m[5], second: m[6] ? +m[6] : 0 },
    timeZone,
  );
}

export function dayKey(instant: Date | string, timeZone: string): string {
  return toLocalInput(instant, timeZone).slice(0, 10);
}

/** A money amount (a decimal string, never a float) in the locale, with its currency. */
export function formatMoney(value: string, currency: string, locale: string): string {
  try {
    // Intl formats a decimal string exactly
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(value as unknown as number);
  } catch {
    return `${value} ${currency}`;
  }
}
