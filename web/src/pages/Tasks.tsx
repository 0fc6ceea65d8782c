import { useState, type FormEvent } from 'react';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useHub, type User } from '../app';
import { ApiError, type Page } from '../api/client';
import { PRIORITIES, STATUSES, type Task } from '../api/types';
import { formatDateTime, fromLocalInput } from '../lib/format';
import { Link } from 'react-router';
import { TaskViews } from './tasks/TaskViews';
import { Button, Dialog, ErrorText, Failed, Loading, PageHeader, SelectField, TextArea, TextField } from '../ui/ui';

type View = 'all' | 'mine' | 'open' | 'done';

/** Tasks: views, create, and status and assignee changed in place. */
export default function Tasks() {
  const { api, t, me, can, fmt } = useHub();
  const queries = useQueryClient();
  const [view, setView] = useState<View>('mine');
  const [creating, setCreating] = useState(false);
  const query = { assigneeId: view === 'mine' ? me?.id : undefined, status: view === 'done' ? 'done' : undefined, limit: 100 };
  const list = useInfiniteQuery({
    queryKey: ['tasks', 'list', view, me?.id],
    queryFn: ({ pageParam }) => api.get<Page<Task>>('/api/tasks', { ...query, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: !!me,
  });
  const people = usePeople();
  const update = useMutation({
    mutationFn: ({ task, patch }: { task: Task; patch: Partial<Task> }) => api.patch<Task>(`/api/tasks/${task.id}`, patch),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['tasks'] }),
  });
  const items = (list.data?.pages.flatMap((p) => p.items) ?? []).filter((task) => view !== 'open' || task.status !== 'done');
  const write = can('tasks:write');
  const views: { key: View; label: 'viewMine' | 'viewOpen' | 'viewDone' | 'viewAllTasks' }[] = [
    { key: 'mine', label: 'viewMine' }, { key: 'open', label: 'viewOpen' }, { key: 'done', label: 'viewDone' }, { key: 'all', label: 'viewAllTasks' },
  ];
  return (
    <>
      <PageHeader title={t('tasks')}>{write && <Button variant="primary" onClick={() => setCreating(true)}>{t('newTask')}</Button>}</PageHeader>
      <TaskViews current="list" />
      <div className="segmented" role="group" aria-label={t('tasks')}>
        {views.map((v) => <Button key={v.key} aria-pressed={view === v.key} onClick={() => setView(v.key)}>{t(v.label)}</Button>)}
      </div>
      <ErrorText error={update.error} />
      {list.isPending ? <Loading /> : list.isError ? <Failed error={list.error} retry={() => void list.refetch()} /> : items.length === 0 ? <p className="muted">{t('nothingHere')}</p> : (
        <div className="table-wrap">
          <table data-testid="tasks">
            <thead><tr><th scope="col">{t('title')}</th><th scope="col">{t('status')}</th><th scope="col">{t('priority')}</th><th scope="col">{t('assignee')}</th><th scope="col">{t('due')}</th></tr></thead>
            <tbody>
              {items.map((task) => (
                <tr key={task.id} className={task.dueAt && task.status !== 'done' && Date.parse(task.dueAt) < Date.now() ? 'overdue' : undefined}>
                  <td><Link to={`/tasks/${task.id}`}>{task.title}</Link></td>
                  <td>
                    <select aria-label={`${t('status')}: ${task.title}`} value={task.status} disabled={!write} onChange={(e) => update.mutate({ task, patch: { status: e.target.value as Task['status'] } })}>
                      {STATUSES.map((s) => <option key={s} value={s}>{t(s)}</option>)}
                    </select>
                  </td>
                  <td>{t(task.priority)}</td>
                  <td>
                    <select aria-label={`${t('assignee')}: ${task.title}`} value={task.assigneeId ?? ''} disabled={!write} onChange={(e) => update.mutate({ task, patch: { assigneeId: e.target.value || null } })}>
                      {assigneeOptions(people, task.assigneeId, t('unassigned')).map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
                    </select>
                  </td>
                  <td>{task.dueAt ? <time dateTime={task.dueAt}>{formatDateTime(task.dueAt, fmt)}</time> : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.hasNextPage && <Button onClick={() => void list.fetchNextPage()}>{t('more')}</Button>}
      {creating && <CreateTask people={people} onClose={(changed) => { setCreating(false); if (changed) void queries.invalidateQueries({ queryKey: ['tasks'] }); }} />}
    </>
  );
}

/** Whom a task can be given to: everyone for those who may list users, otherwise oneself. */
function usePeople(): Pick<User, 'id' | 'displayName'>[] {
  const { api, can, me, t } = useHub();
  const users = useQuery({
    queryKey: ['users', 'assignable'],
    queryFn: () => api.get<Page<User>>('/api/users', { limit: 200 }),
    enabled: can('users:read'),
    staleTime: 60_000,
  });
  if (users.data) return users.data.items.filter((u) => u.status === 'active');
  return me ? [{ id: me.id, displayName: `${me.displayName} (${t('me')})` }] : [];
}

function assigneeOptions(people: Pick<User, 'id' | 'displayName'>[], current: string | null | undefined, unassigned: string) {
  const options = [{ value: '', label: unassigned }, ...people.map((p) => ({ value: p.id, label: p.displayName }))];
  if (current && !people.some((p) => p.id === current)) options.push({ value: current, label: current });
  return options;
}

function CreateTask({ people, onClose }: { people: Pick<User, 'id' | 'displayName'>[]; onClose: (changed: boolean) => void }) {
  const { api, t, fmt, me } = useHub();
  const [form, setForm] = useState({ title: '', description: '', priority: 'medium', assigneeId: me?.id ?? '', dueAt: '' });
  const [error, setError] = useState<unknown>(null);
  const fields = error instanceof ApiError ? error.fieldErrors() : {};
  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      await api.post('/api/tasks', {
        title: form.title,
        description: form.description || null,
        priority: form.priority,
        assigneeId: form.assigneeId || null,
        dueAt: form.dueAt ? fromLocalInput(form.dueAt, fmt.timeZone).toISOString() : null,
      });
      onClose(true);
    } catch (err) {
      setError(err);
    }
  }
  return (
    <Dialog title={t('newTask')} open onClose={() => onClose(false)}>
      <form className="form" onSubmit={submit}>
        <TextField label={t('title')} required value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} error={fields.title} />
        <TextArea label={t('description')} value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} />
        <div className="row">
          <SelectField label={t('priority')} value={form.priority} onChange={(e) => setForm({ ...form, priority: e.target.value })} options={PRIORITIES.map((p) => ({ value: p, label: t(p) }))} />
          <SelectField label={t('assignee')} value={form.assigneeId} onChange={(e) => setForm({ ...form, assigneeId: e.target.value })} options={assigneeOptions(people, form.assigneeId, t('unassigned'))} error={fields.assigneeId} />
        </div>
        <TextField label={t('due')} type="datetime-local" value={form.dueAt} onChange={(e) => setForm({ ...form, dueAt: e.target.value })} error={fields.dueAt} />
        <ErrorText error={error} />
        <div className="dialog-actions">
          <Button type="submit" variant="primary">{t('create')}</Button>
          <Button onClick={() => onClose(false)}>{t('cancel')}</Button>
        </div>
      </form>
    </Dialog>
  );
}
