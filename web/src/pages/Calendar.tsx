import { useState } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useHub } from '../app';
import { useOrganisation } from '../shell';
import type { Page } from '../api/client';
import type { Occurrence } from '../api/types';
import { addDays, dayKey, formatDate, formatMonth, formatTime, formatWeekday, fromLocalInput, wallTime, zonedInstant } from '../lib/format';
import { Button, Failed, Loading, PageHeader } from '../ui/ui';
import { EventDialog } from './EventDialog';
import { rangeOf, type CalendarView } from '../lib/calendar';

type View = CalendarView;

/** Month, week and day views of the occurrences in the user's time zone. */
export default function Calendar() {
  const { api, t, fmt, can } = useHub();
  const location = useLocation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const view: View = location.pathname.endsWith('/week') ? 'week' : location.pathname.endsWith('/day') ? 'day' : 'month';
  const anchor = params.get('date') ? fromLocalInput(`${params.get('date')}T12:00`, fmt.timeZone) : new Date();
  const organisation = useOrganisation();
  const range = rangeOf(view, anchor, fmt.timeZone, organisation.data?.weekStart);
  const occurrences = useQuery({
    queryKey: ['occurrences', range.from.toISOString(), range.to.toISOString()],
    queryFn: () => api.get<Page<Occurrence>>('/api/scheduler/occurrences', { from: range.from.toISOString(), to: range.to.toISOString() }),
  });
  const [editing, setEditing] = useState<{ occurrence?: Occurrence; start?: Date } | null>(null);
  const queries = useQueryClient();
  const go = (days: number) => {
    const next = view === 'month' ? shiftMonth(anchor, days, fmt.timeZone) : addDays(anchor, days * (view === 'week' ? 7 : 1), fmt.timeZone);
    setParams({ date: dayKey(next, fmt.timeZone) });
  };
  const byDay = new Map<string, Occurrence[]>();
  for (const o of occurrences.data?.items ?? []) {
    const key = dayKey(o.startsAt, fmt.timeZone);
    byDay.set(key, [...(byDay.get(key) ?? []), o]);
  }
  const title = view === 'month' ? formatMonth(anchor, fmt) : view === 'week' ? `${formatDate(range.from, fmt)} – ${formatDate(addDays(range.to, -1, fmt.timeZone), fmt)}` : formatDate(anchor, fmt, 'full');
  const search = params.toString() ? `?${params}` : '';
  return (
    <>
      <PageHeader title={t('calendar')}>
        {can('scheduler:write') && <Button variant="primary" onClick={() => setEditing({ start: nextHour(anchor) })}>{t('newEvent')}</Button>}
      </PageHeader>
      <div className="toolbar">
        <div className="segmented" role="group" aria-label={t('calendar')}>
          {(['month', 'week', 'day'] as View[]).map((v) => (
            <Link key={v} to={`/calendar${v === 'month' ? '' : `/${v}`}${search}`} aria-current={v === view ? 'page' : undefined} className="btn btn-secondary">{t(v)}</Link>
          ))}
        </div>
        <div className="nav-buttons">
          <Button onClick={() => go(-1)} aria-label={t('previous')}><span className="flip" aria-hidden="true">‹</span></Button>
          <Button onClick={() => setParams({})}>{t('today')}</Button>
          <Button onClick={() => go(1)} aria-label={t('next')}><span className="flip" aria-hidden="true">›</span></Button>
        </div>
        <h2 className="range-title" aria-live="polite">{title}</h2>
      </div>
      {occurrences.isPending ? <Loading /> : occurrences.isError ? <Failed error={occurrences.error} retry={() => void occurrences.refetch()} /> : (
        <div className={`cal cal-${view}`}>
          {view === 'month' && (
            <div className="cal-weekdays" aria-hidden="true">
              {range.days.slice(0, 7).map((d) => <div key={d.toISOString()}>{formatWeekday(d, fmt)}</div>)}
            </div>
          )}
          <ol className="cal-days">
            {range.days.map((day) => {
              const key = dayKey(day, fmt.timeZone);
              const items = byDay.get(key) ?? [];
              const outside = view === 'month' && wallTime(day, fmt.timeZone).month !== wallTime(anchor, fmt.timeZone).month;
              return (
                <li key={key} className={`cal-day${outside ? ' outside' : ''}${key === dayKey(new Date(), fmt.timeZone) ? ' today' : ''}`} aria-label={formatDate(day, fmt, 'full')}>
                  <button type="button" className="cal-date" onClick={() => navigate(`/calendar/day?date=${key}`)}>
                    {view === 'month' ? wallTime(day, fmt.timeZone).day.toLocaleString(fmt.locale) : `${formatWeekday(day, fmt)} ${formatDate(day, fmt)}`}
                  </button>
                  <ul>
                    {items.map((o) => (
                      <li key={o.eventId + o.startsAt}>
                        <button type="button" className="cal-event" onClick={() => setEditing({ occurrence: o })} data-testid="occurrence">
                          <time dateTime={o.startsAt}>{formatTime(o.startsAt, fmt)}</time> {o.title}
                          {o.recurring && <span className="visually-hidden"> ({t('recurring')})</span>}
                          {o.recurring && <span aria-hidden="true"> ↻</span>}
                        </button>
                      </li>
                    ))}
                  </ul>
                </li>
              );
            })}
          </ol>
        </div>
      )}
      {editing && (
        <EventDialog
          occurrence={editing.occurrence}
          start={editing.start}
          onClose={(changed) => {
            setEditing(null);
            if (changed) void queries.invalidateQueries({ queryKey: ['occurrences'] });
          }}
        />
      )}
    </>
  );
}


function nextHour(anchor: Date): Date {
  const d = new Date(Math.max(anchor.getTime(), Date.now()));
  d.setUTCMinutes(0, 0, 0);
  return new Date(d.getTime() + 3_600_000);
}

function shiftMonth(anchor: Date, months: number, timeZone: string): Date {
  const w = wallTime(anchor, timeZone);
  const first = new Date(Date.UTC(w.year, w.month - 1 + months, 1));
  return zonedInstant({ year: first.getUTCFullYear(), month: first.getUTCMonth() + 1, day: 1, hour: 12 }, timeZone);
}

