import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { useHub } from '../../app';
import { ApiError, type Page } from '../../api/client';
import { PRIORITIES, STATUSES, type Comment, type TaskDetail } from '../../api/types';
import { formatDateTime } from '../../lib/format';
import { insertMention, mentionAt, segments, suggest } from '../../lib/mentions';
import { Button, ErrorText, Failed, Loading, PageHeader } from '../../ui/ui';
import { ActivityFeed } from '../../ui/feed';
import { Attachments } from '../../ui/attachments';
import { Facts, nameOf, usePeople, type Person } from '../crm/common';
import { useMayChangeTask } from './TaskBoard';

/** A task: its fields changed in place, its checklist, and its comments with @mentions. */
export default function TaskPage() {
  const { id = '' } = useParams();
  const { api, t, fmt, can } = useHub();
  const queries = useQueryClient();
  const navigate = useNavigate();
  const people = usePeople();
  const mayChange = useMayChangeTask();
  const task = useQuery({ queryKey: ['tasks', 'one', id], queryFn: () => api.get<TaskDetail>(`/api/tasks/${id}`) });
  const update = useMutation({
    mutationFn: (patch: Partial<TaskDetail>) => api.patch<TaskDetail>(`/api/tasks/${id}`, patch),
    // shown at once (a ticked step stays ticked), put back if the server refuses
    onMutate: async (patch) => {
      await queries.cancelQueries({ queryKey: ['tasks', 'one', id] });
      const before = queries.getQueryData<TaskDetail>(['tasks', 'one', id]);
      if (before) queries.setQueryData(['tasks', 'one', id], { ...before, ...patch });
      return { before };
    },
    onError: (_e, _p, context) => {
      if (context?.before) queries.setQueryData(['tasks', 'one', id], context.before);
    },
    onSuccess: (saved) => queries.setQueryData(['tasks', 'one', id], saved),
    onSettled: () => queries.invalidateQueries({ queryKey: ['tasks'] }),
  });
  const remove = useMutation({
    mutationFn: () => api.delete(`/api/tasks/${id}`),
    onSuccess: () => {
      void queries.invalidateQueries({ queryKey: ['tasks'] });
      navigate('/tasks');
    },
  });
  if (task.isPending) return <Loading />;
  if (task.isError) return <Failed error={task.error} retry={() => void task.refetch()} />;
  const x = task.data;
  const write = mayChange(x);
  return (
    <>
      <PageHeader title={x.title}>
        {write && <Button variant="danger" onClick={() => window.confirm(t('confirmDelete', { name: x.title })) && remove.mutate()}>{t('delete')}</Button>}
      </PageHeader>
      <p><Link to="/tasks">{t('tasks')}</Link> · <Link to="/tasks/board">{t('taskBoard')}</Link></p>
      <ErrorText error={update.error ?? remove.error} />
      <div className="record">
        <div>
          <section className="card" aria-labelledby="details-head">
            <h2 id="details-head">{t('details')}</h2>
            <Facts items={[
              [t('status'), write ? (
                <select aria-label={t('status')} value={x.status} onChange={(e) => update.mutate({ status: e.target.value as TaskDetail['status'] })}>
                  {STATUSES.map((s) => <option key={s} value={s}>{t(s)}</option>)}
                </select>
              ) : t(x.status)],
              [t('priority'), write ? (
                <select aria-label={t('priority')} value={x.priority} onChange={(e) => update.mutate({ priority: e.target.value as TaskDetail['priority'] })}>
                  {PRIORITIES.map((p) => <option key={p} value={p}>{t(p)}</option>)}
                </select>
              ) : t(x.priority)],
              [t('assignee'), x.assigneeId ? nameOf(people, x.assigneeId) : t('unassigned')],
              [t('due'), x.dueAt && <time dateTime={x.dueAt}>{formatDateTime(x.dueAt, fmt)}</time>],
              [t('labels'), x.labels?.join(', ')],
              [t('createdBy'), nameOf(people, x.createdBy)],
            ]} />
            {x.description && <p className="description">{x.description}</p>}
          </section>
          <Checklist task={x} write={write} save={(checklist) => update.mutate({ checklist })} busy={update.isPending} />
          <Attachments path={`/api/tasks/${id}/attachments`} mayChange={write} />
        </div>
        <div>
          <Comments taskId={id} people={people} />
          {can('notifications:read') && <ActivityFeed title={t('history')} record={id} limit={20} />}
        </div>
      </div>
    </>
  );
}

type Step = { text: string; done: boolean };

function Checklist({ task, write, save, busy }: { task: TaskDetail; write: boolean; save: (steps: Step[]) => void; busy: boolean }) {
  const { t, fmt } = useHub();
  const [text, setText] = useState('');
  const steps = task.checklist ?? [];
  const done = steps.filter((s) => s.done).length;
  const add = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    save([...steps, { text: text.trim(), done: false }]);
    setText('');
  };
  return (
    <section className="card" aria-labelledby="checklist-head">
      <div className="card-head">
        <h2 id="checklist-head">{t('checklist')}</h2>
        {steps.length > 0 && <span className="muted">{t('stepsDone', { done: new Intl.NumberFormat(fmt.locale).format(done), total: new Intl.NumberFormat(fmt.locale).format(steps.length) })}</span>}
      </div>
      {steps.length === 0 ? <p className="muted">{t('nothingHere')}</p> : (
        <ul className="checklist" data-testid="checklist">
          {steps.map((s, i) => (
            <li key={i}>
              <label className="check">
                <input type="checkbox" checked={s.done} disabled={!write || busy} onChange={() => save(steps.map((x, j) => (j === i ? { ...x, done: !x.done } : x)))} />
                <span className={s.done ? 'step-done' : undefined}>{s.text}</span>
              </label>
              {write && <Button variant="ghost" aria-label={t('removeStep', { text: s.text })} disabled={busy} onClick={() => save(steps.filter((_, j) => j !== i))}>×</Button>}
            </li>
          ))}
        </ul>
      )}
      {write && (
        <form className="row" onSubmit={add}>
          <div className="field">
            <label htmlFor="new-step">{t('newStep')}</label>
            <input id="new-step" value={text} maxLength={500} onChange={(e) => setText(e.target.value)} />
          </div>
          <Button type="submit" disabled={busy}>{t('addStep')}</Button>
        </form>
      )}
    </section>
  );
}

function Comments({ taskId, people }: { taskId: string; people: Person[] }) {
  const { api, t, fmt, can, me, claims } = useHub();
  const queries = useQueryClient();
  const self = me?.id ?? claims?.sub;
  const key = ['tasks', 'comments', taskId];
  const list = useQuery({ queryKey: key, queryFn: () => api.get<Page<Comment>>(`/api/tasks/${taskId}/comments`, { limit: 100 }) });
  const remove = useMutation({ mutationFn: (c: Comment) => api.delete(`/api/tasks/${taskId}/comments/${c.id}`), onSuccess: () => queries.invalidateQueries({ queryKey: key }) });
  const byEmail = (email: string) => people.find((p) => p.email.toLowerCase() === email);
  return (
    <section className="card" aria-labelledby="comments-head">
      <h2 id="comments-head">{t('comments')}</h2>
      {can('tasks:write') && <CommentForm taskId={taskId} people={people} />}
      <ErrorText error={remove.error} />
      {list.isPending ? <Loading /> : list.isError ? <Failed error={list.error} retry={() => void list.refetch()} /> : list.data.items.length === 0 ? <p className="muted">{t('nothingHere')}</p> : (
        <ol className="timeline" data-testid="comments">
          {list.data.items.map((c) => (
            <li key={c.id}>
              <div className="timeline-head">
                <strong>{nameOf(people, c.authorId)}</strong>
                <time className="muted" dateTime={c.createdAt}>{formatDateTime(c.createdAt, fmt)}</time>
              </div>
              <p className="timeline-body">
                {segments(c.body).map((s, i) => s.email ? <span key={i} className="mention" title={s.text.slice(1)}>@{byEmail(s.email)?.displayName ?? s.email}</span> : <span key={i}>{s.text}</span>)}
              </p>
              {(c.authorId === self || can('tasks:manage')) && <Button variant="ghost" onClick={() => window.confirm(t('confirmDelete', { name: t('comment') })) && remove.mutate(c)}>{t('delete')}</Button>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** A comment box: typing `@` offers the people whose name or email starts so, and choosing one writes `@email`. */
function CommentForm({ taskId, people }: { taskId: string; people: Person[] }) {
  const { api, t } = useHub();
  const queries = useQueryClient();
  const box = useRef<HTMLTextAreaElement>(null);
  const [body, setBody] = useState('');
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const typing = mentionAt(body, caret);
  const options = typing ? suggest(people, typing.query) : [];
  const post = useMutation({
    mutationFn: () => api.post<Comment>(`/api/tasks/${taskId}/comments`, { body }),
    onSuccess: () => {
      setBody('');
      setCaret(0);
      void queries.invalidateQueries({ queryKey: ['tasks', 'comments', taskId] });
    },
  });
  const fields = post.error instanceof ApiError ? post.error.fieldErrors() : {};
  function choose(person: Person) {
    if (!typing) return;
    const next = insertMention(body, typing.start, caret, person.email);
    setBody(next.text);
    setCaret(next.caret);
    setActive(0);
    window.requestAnimationFrame(() => {
      box.current?.focus();
      box.current?.setSelectionRange(next.caret, next.caret);
    });
  }
  function keys(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (!options.length) return;
    if (e.key === 'ArrowDown') { e.preventDefault(); setActive((active + 1) % options.length); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); setActive((active - 1 + options.length) % options.length); }
    else if (e.key === 'Enter' || e.key === 'Tab') { e.preventDefault(); choose(options[Math.min(active, options.length - 1)]); }
  }
  const listId = `mentions-${taskId}`;
  return (
    <form className="form" onSubmit={(e) => { e.preventDefault(); if (body.trim()) post.mutate(); }}>
      <div className="field mention-field">
        <label htmlFor="comment-body">{t('addComment')}</label>
        <textarea id="comment-body" ref={box} rows={3} value={body} maxLength={10000}
          aria-autocomplete="list" aria-controls={listId}
          aria-activedescendant={options.length ? `${listId}-${Math.min(active, options.length - 1)}` : undefined}
          aria-describedby="comment-hint" aria-invalid={!!fields.body || undefined}
          onChange={(e) => { setBody(e.target.value); setCaret(e.target.selectionStart); setActive(0); }}
          onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
          onKeyDown={keys} />
        <small id="comment-hint" className="hint">{t('mentionHint')}</small>
        <ul id={listId} role="listbox" className="mention-list" aria-label={t('mentionSomeone')} hidden={!options.length}>
          {options.map((p, i) => (
            <li key={p.id} id={`${listId}-${i}`} role="option" aria-selected={i === Math.min(active, options.length - 1)}
              onMouseDown={(e) => { e.preventDefault(); choose(p); }}>
              {p.displayName} <span className="muted" dir="ltr">{p.email}</span>
            </li>
          ))}
        </ul>
        {fields.body && <small className="error" role="alert">{fields.body}</small>}
      </div>
      <ErrorText error={Object.keys(fields).length ? null : post.error} />
      <div><Button type="submit" variant="primary" disabled={post.isPending || !body.trim()}>{t('postComment')}</Button></div>
    </form>
  );
}
