import { useState, type FormEvent, type ReactNode } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useHub, type User } from '../../app';
import { ApiError, type Page } from '../../api/client';
import type { Activity } from '../../api/types';
import { formatDateTime } from '../../lib/format';
import type { MessageKey } from '../../i18n/messages';
import { Button, ErrorText, Failed, Loading, SelectField, TextArea, TextField } from '../../ui/ui';

export type Person = Pick<User, 'id' | 'displayName' | 'email'>;

/** The people the signed-in user may see: everyone for those who may list users, else oneself. */
export function usePeople(): Person[] {
  const { api, can, me } = useHub();
  const users = useQuery({
    queryKey: ['users', 'directory'],
    queryFn: () => api.get<Page<User>>('/api/users', { limit: 200 }),
    enabled: can('users:read'),
    staleTime: 60_000,
  });
  if (users.data) return users.data.items;
  return me ? [me] : [];
}

export function nameOf(people: Person[], id: string | null | undefined): string {
  if (!id) return '—';
  return people.find((p) => p.id === id)?.displayName ?? id;
}

/** Whether the signed-in user may change a record: its owner, or anyone with crm:manage. */
export function useMayChange() {
  const { can, me, claims } = useHub();
  const self = me?.id ?? claims?.sub;
  return (ownerId: string | null | undefined) => can('crm:manage') || (can('crm:write') && !!ownerId && ownerId === self);
}

/** A labelled list of a record's fields. */
export function Facts({ items }: { items: [string, ReactNode][] }) {
  return (
    <dl className="facts">
      {items.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value === null || value === undefined || value === '' ? '—' : value}</dd>
        </div>
      ))}
    </dl>
  );
}

export type Link = { contactId?: string; companyId?: string; dealId?: string };

const SYSTEM_EVENTS: Record<string, MessageKey> = {
  created: 'eventCreated',
  'stage-changed': 'eventStageChanged',
  merged: 'eventMerged',
  imported: 'eventImported',
};

const TYPES = ['note', 'call', 'email', 'meeting'] as const;

/** A record's timeline, newest first, and (for writers) a form to log a note, call, email or meeting. */
export function Timeline({ link }: { link: Link }) {
  const { api, t, fmt, can } = useHub();
  const people = usePeople();
  const key = ['activities', link];
  const list = useQuery({ queryKey: key, queryFn: () => api.get<Page<Activity>>('/api/crm/activities', { ...link, limit: 100 }) });
  return (
    <section className="card" aria-labelledby="timeline-head">
      <h2 id="timeline-head">{t('timeline')}</h2>
      {can('crm:write') && <AddActivity link={link} />}
      {list.isPending ? <Loading /> : list.isError ? <Failed error={list.error} retry={() => void list.refetch()} /> : list.data.items.length === 0 ? <p className="muted">{t('nothingHere')}</p> : (
        <ol className="timeline" data-testid="timeline">
          {list.data.items.map((a) => (
            <li key={a.id} className={`timeline-${a.type}`}>
              <div className="timeline-head">
                <strong>{a.type === 'system' ? t(SYSTEM_EVENTS[a.event ?? ''] ?? 'eventOther') : t(`activity_${a.type}` as MessageKey)}</strong>
                <time className="muted" dateTime={a.occurredAt}>{formatDateTime(a.occurredAt, fmt)}</time>
              </div>
              <p className="timeline-subject">{a.subject}</p>
              {a.body && <p className="timeline-body">{a.body}</p>}
              {a.type !== 'system' && a.ownerId && <p className="muted">{nameOf(people, a.ownerId)}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function AddActivity({ link }: { link: Link }) {
  const { api, t } = useHub();
  const queries = useQueryClient();
  const [form, setForm] = useState({ type: 'note', subject: '', body: '' });
  const add = useMutation({
    mutationFn: () => api.post<Activity>('/api/crm/activities', { type: form.type, subject: form.subject, body: form.body || null, ...link }),
    onSuccess: () => {
      setForm({ type: form.type, subject: '', body: '' });
      void queries.invalidateQueries({ queryKey: ['activities'] });
    },
  });
  const fields = add.error instanceof ApiError ? add.error.fieldErrors() : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  return (
    <form className="form add-activity" onSubmit={submit} aria-label={t('logActivity')}>
      <div className="row">
        <SelectField label={t('activityType')} value={form.type} onChange={(e) => setForm({ ...form, type: e.target.value })} options={TYPES.map((x) => ({ value: x, label: t(`activity_${x}`) }))} />
        <TextField label={t('subject')} required value={form.subject} onChange={(e) => setForm({ ...form, subject: e.target.value })} error={fields.subject} />
      </div>
      <TextArea label={t('activityBody')} rows={2} value={form.body} onChange={(e) => setForm({ ...form, body: e.target.value })} error={fields.body} />
      <ErrorText error={add.error && !Object.keys(fields).length ? add.error : null} />
      <div><Button type="submit" variant="primary" disabled={add.isPending}>{t('logActivity')}</Button></div>
    </form>
  );
}

/** A button that downloads an export with the session's token, then offers the file. */
export function ExportButton({ path, query, filename, label }: { path: string; query?: Record<string, string | undefined>; filename: string; label?: string }) {
  const { api, t } = useHub();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  async function run() {
    setBusy(true);
    setError(null);
    try {
      const csv = await api.getText(path, query);
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = filename;
      document.body.append(a);
      a.click();
      a.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <Button onClick={() => void run()} disabled={busy}>{label ?? t('exportCsv')}</Button>
      <ErrorText error={error} />
    </>
  );
}

