import { addDays, startOfDay, wallTime, zonedInstant } from './format';

export type CalendarView = 'month' | 'week' | 'day';

const WEEK_STARTS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];

/**
 * The days a view shows and the window to fetch. Weeks start on the organisation's
 * `weekStart` (a day's name as the settings hold it, Monday when unknown).
 */
export function rangeOf(view: CalendarView, anchor: Date, timeZone: string, weekStart = 'MONDAY'): { from: Date; to: Date; days: Date[] } {
  const index = WEEK_STARTS.indexOf(weekStart.toUpperCase());
  const first = index >= 0 ? index : 1;
  const sinceWeekStart = (utcDay: number) => (utcDay - first + 7) % 7;
  const day = startOfDay(anchor, timeZone);
  const weekday = sinceWeekStart(new Date(Date.UTC(wallTime(day, timeZone).year, wallTime(day, timeZone).month - 1, wallTime(day, timeZone).day)).getUTCDay());
  let from: Date;
  let count: number;
  if (view === 'day') {
    from = day;
    count = 1;
  } else if (view === 'week') {
    from = addDays(day, -weekday, timeZone);
    count = 7;
  } else {
    const w = wallTime(day, timeZone);
    const firstOfMonth = zonedInstant({ year: w.year, month: w.month, day: 1 }, timeZone);
    const firstWeekday = sinceWeekStart(new Date(Date.UTC(w.year, w.month - 1, 1)).getUTCDay());
    from = addDays(firstOfMonth, -firstWeekday, timeZone);
    count = 42;
  }
  const days = Array.from({ length: count }, (_, i) => addDays(from, i, timeZone));
  return { from, to: addDays(from, count, timeZone), days };
}
