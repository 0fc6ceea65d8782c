import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useHub } from '../app';
import { ApiError } from '../api/client';
import type { CalendarEvent, Occurrence } from '../api/types';
import { fromLocalInput, toLocalInput } from '../lib/format';
import { fromRrule, scopeQuery, timesForScope, toRrule, untilOf, WEEKDAYS, type Frequency, type Repeat, type Scope, type Weekday } from '../lib/recurrence';
import { Button, Dialog, ErrorText, Loading, SelectField, TextArea, TextField } from '../ui/ui';

interface Props {
  occurrence?: Occurrence;
  start?: Date;
  onClose: (changed: boolean) => void;
}

/** Create an event, or edit or delete one occurrence, the following ones, or the whole series. */
export function EventDialog({ occurrence, start, onClose }: Props) {
  const { api, t } = useHub();
  const event = useQuery({
    queryKey: ['event', occurrence?.eventId],
    queryFn: () => api.get<CalendarEvent>(`/api/scheduler/events/${occurrence!.eventId}`),
    enabled: !!occurrence,
    staleTime: 0,
  });
  return (
    <Dialog title={occurrence ? t('editEvent') : t('newEvent')} open onClose={() => onClose(false)}>
      {occurrence && event.isPending ? <Loading /> : occurrence && event.isError ? <ErrorText error={event.error} /> : (
        <EventForm event={event.data} occurrence={occurrence} start={start} onClose={onClose} />
      )}
    </Dialog>
  );
}

function EventForm({ event, occurrence, start, onClose }: Props & { event?: CalendarEvent }) {
  const { api, t, fmt, can } = useHub();
  const zone = event?.timeZone ?? fmt.timeZone;
  const initialStart = occurrence?.startsAt ?? start?.toISOString() ?? new Date().toISOString();
  const initialEnd = occurrence?.endsAt ?? new Date(Date.parse(initialStart) + 3_600_000).toISOString();
  const [title, setTitle] = useState(event?.title ?? '');
  const [description, setDescription] = useState(event?.description ?? '');
  const [location, setLocation] = useState(event?.location ?? '');
  const [starts, setStarts] = useState(toLocalInput(initialStart, fmt.timeZone));
  const [ends, setEnds] = useState(toLocalInput(initialEnd, fmt.timeZone));
  const [repeat, setRepeat] = useState<Repeat | null>(fromRrule(event?.recurrence));
  const [reminders, setReminders] = useState<number[]>(event?.reminders.map((r) => r.minutesBefore) ?? [15]);
  const recurring = !!event?.recurrence;
  const [scope, setScope] = useState<Scope>(recurring ? 'this' : 'all');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function save(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setError(null);
    try {
      const edited = { startsAt: fromLocalInput(starts, fmt.timeZone).toISOString(), endsAt: fromLocalInput(ends, fmt.timeZone).toISOString() };
      const body: Record<string, unknown> = {
        title,
        description: description || (event?.description ? '' : undefined),
        location: location || (event?.location ? '' : undefined),
        reminders: reminders.filter((m) => Number.isFinite(m)).map((minutesBefore) => ({ minutesBefore })),
      };
      if (!event) {
        await api.post('/api/scheduler/events', { ...body, ...edited, timeZone: zone, recurrence: toRrule(repeat) });
      } else {
        const times = timesForScope(scope, event, occurrence!, edited);
        const rrule = toRrule(repeat) ?? '';
        const patch = { ...body, ...times, ...(scope === 'this' ? {} : { recurrence: rrule === (event.recurrence ?? '') ? undefined : rrule }) };
        await api.patch(`/api/scheduler/events/${event.id}`, patch, recurring ? scopeQuery(scope, occurrence!.startsAt) : undefined);
      }
      onClose(true);
    } catch (err) {
      if (err instanceof ApiError) setErrors(err.fieldErrors());
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    if (!event || !window.confirm(t('confirmDelete', { name: event.title }))) return;
    setBusy(true);
    try {
      await api.delete(`/api/scheduler/events/${event.id}`, recurring ? scopeQuery(scope, occurrence!.startsAt) : undefined);
      onClose(true);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  return (
    <form onSubmit={save} className="form">
      <TextField label={t('title')} required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} error={errors.title} />
      <div className="row">
        <TextField label={t('starts')} type="datetime-local" step={1} required value={starts} onChange={(e) => setStarts(e.target.value)} error={errors.startsAt} />
        <TextField label={t('ends')} type="datetime-local" step={1} required value={ends} onChange={(e) => setEnds(e.target.value)} error={errors.endsAt} />
      </div>
      <p className="muted">{t('timeZone')}: {zone}</p>
      <TextField label={t('location')} value={location} onChange={(e) => setLocation(e.target.value)} />
      <TextArea label={t('description')} value={description} onChange={(e) => setDescription(e.target.value)} />
      {scope !== 'this' && <RepeatEditor repeat={repeat} onChange={setRepeat} error={errors.recurrence} />}
      <fieldset>
        <legend>{t('reminders')}</legend>
        {reminders.map((minutes, i) => (
          <div className="row" key={i}>
            <TextField label={t('minutesBefore')} type="number" min={0} max={40320} value={Number.isFinite(minutes) ? minutes : ''} onChange={(e) => setReminders(reminders.map((m, j) => (j === i ? e.target.valueAsNumber : m)))} error={errors[`reminders[${i}].minutesBefore`]} />
            <Button onClick={() => setReminders(reminders.filter((_, j) => j !== i))} aria-label={`${t('removeReminder')} ${i + 1}`}>×</Button>
          </div>
        ))}
        {reminders.length < 20 && <Button onClick={() => setReminders([...reminders, 10])}>{t('addReminder')}</Button>}
      </fieldset>
      {recurring && (
        <fieldset>
          <legend>{t('applyTo')}</legend>
          {(['this', 'following', 'all'] as Scope[]).map((s) => (
            <label key={s} className="check">
              <input type="radio" name="scope" value={s} checked={scope === s} onChange={() => setScope(s)} />
              {t(s === 'this' ? 'scopeThis' : s === 'following' ? 'scopeFollowing' : 'scopeAll')}
            </label>
          ))}
        </fieldset>
      )}
      <ErrorText error={error} />
      <div className="dialog-actions">
        <Button type="submit" variant="primary" disabled={busy}>{t('save')}</Button>
        <Button onClick={() => onClose(false)}>{t('cancel')}</Button>
        {event && can('scheduler:write') && <Button variant="danger" onClick={() => void remove()} disabled={busy}>{t('delete')}</Button>}
      </div>
    </form>
  );
}

function RepeatEditor({ repeat, onChange, error }: { repeat: Repeat | null; onChange: (r: Repeat | null) => void; error?: string }) {
  const { t, fmt } = useHub();
  const freqs: { value: string; label: string }[] = [
    { value: '', label: t('doesNotRepeat') },
    { value: 'DAILY', label: t('daily') },
    { value: 'WEEKLY', label: t('weekly') },
    { value: 'MONTHLY', label: t('monthly') },
    { value: 'YEARLY', label: t('yearly') },
  ];
  const dayNames = WEEKDAYS.map((_, i) => new Intl.DateTimeFormat(fmt.locale, { weekday: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 1 + i))));
  return (
    <fieldset>
      <legend>{t('repeat')}</legend>
      <SelectField label={t('repeat')} options={freqs} value={repeat?.freq ?? ''} error={error}
        onChange={(e) => onChange(e.target.value ? { freq: e.target.value as Frequency, interval: repeat?.interval ?? 1, byDay: repeat?.byDay ?? [], end: repeat?.end ?? { kind: 'never' } } : null)} />
      {repeat && (
        <>
          <TextField label={t('every')} type="number" min={1} value={repeat.interval} onChange={(e) => onChange({ ...repeat, interval: e.target.valueAsNumber || 1 })} />
          {repeat.freq === 'WEEKLY' && (
            <div className="days" role="group" aria-label={t('onDays')}>
              {WEEKDAYS.map((d: Weekday, i) => (
                <label key={d} className="check">
                  <input type="checkbox" checked={repeat.byDay.includes(d)} onChange={(e) => onChange({ ...repeat, byDay: e.target.checked ? [...repeat.byDay, d] : repeat.byDay.filter((x) => x !== d) })} />
                  {dayNames[i]}
                </label>
              ))}
            </div>
          )}
          <SelectField label={t('endsRepeat')} value={repeat.end.kind}
            options={[{ value: 'never', label: t('never') }, { value: 'count', label: t('afterCount') }, { value: 'until', label: t('onDate') }]}
            onChange={(e) => onChange({ ...repeat, end: e.target.value === 'count' ? { kind: 'count', count: 10 } : e.target.value === 'until' ? { kind: 'until', until: untilOf(new Date(Date.now() + 30 * 86_400_000)) } : { kind: 'never' } })} />
          {repeat.end.kind === 'count' && <TextField label={t('occurrences')} type="number" min={1} value={repeat.end.count} onChange={(e) => onChange({ ...repeat, end: { kind: 'count', count: e.target.valueAsNumber || 1 } })} />}
          {repeat.end.kind === 'until' && (
            <TextField label={t('onDate')} type="date" value={untilToDate(repeat.end.until)}
              onChange={(e) => e.target.value && onChange({ ...repeat, end: { kind: 'until', until: untilOf(fromLocalInput(`${e.target.value}T23:59:59`, fmt.timeZone)) } })} />
          )}
        </>
      )}
    </fieldset>
  );
}

function untilToDate(until: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})/.exec(until);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : '';
}
