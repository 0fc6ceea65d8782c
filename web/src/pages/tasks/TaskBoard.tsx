import { useState, type DragEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useHub } from '../../app';
import { STATUSES, type TaskBoard as Board, type TaskDetail } from '../../api/types';
import { afterIdAt, moveCard, stepMove, type Move } from '../../lib/board';
import { formatDateTime, formatNumber } from '../../lib/format';
import { Button, ErrorText, Failed, Loading, PageHeader } from '../../ui/ui';
import { nameOf, usePeople } from '../crm/common';
import { TaskViews } from './TaskViews';

const KEY = ['tasks', 'board'];

/** Whether the signed-in user may move or change a task: its creator, its assignee, or tasks:manage. */
export function useMayChangeTask() {
  const { can, me, claims } = useHub();
  const self = me?.id ?? claims?.sub;
  return (task: Pick<TaskDetail, 'createdBy' | 'assigneeId'>) =>
    can('tasks:write') && (can('tasks:manage') || (!!self && (task.createdBy === self || task.assigneeId === self)));
}

/** The tasks board: a column per status; drag a card between and within columns, or move it from the keyboard. */
export default function TaskBoard() {
  const { api, t, fmt } = useHub();
  const queries = useQueryClient();
  const people = usePeople();
  const mayChange = useMayChangeTask();
  const [dragged, setDragged] = useState<string | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const board = useQuery({ queryKey: KEY, queryFn: () => api.get<Board>('/api/tasks/board') });
  const columns = (board.data?.columns ?? []).map((c) => ({ key: c.status, cards: c.tasks as TaskDetail[] }));
  const move = useMutation({
    mutationFn: ({ id, to }: { id: string; to: Move }) => api.post<TaskDetail>(`/api/tasks/${id}/move`, { status: to.to, afterId: to.afterId ?? undefined }),
    onMutate: async ({ id, to }) => {
      await queries.cancelQueries({ queryKey: KEY });
      const before = queries.getQueryData<Board>(KEY);
      if (before) {
        const after = moveCard(before.columns.map((c) => ({ key: c.status as string, cards: c.tasks })), id, to);
        queries.setQueryData<Board>(KEY, { columns: before.columns.map((c, i) => ({ ...c, tasks: after[i].cards.map((x) => (x.id === id ? { ...x, status: c.status } : x)) })) });
      }
      return { before };
    },
    onError: (_e, _v, context) => {
      if (context?.before) queries.setQueryData(KEY, context.before);
    },
    onSettled: () => queries.invalidateQueries({ queryKey: ['tasks'] }),
  });
  function drop(e: DragEvent, status: string, index: number) {
    e.preventDefault();
    e.stopPropagation();
    setOver(null);
    const id = e.dataTransfer.getData('text/plain') || dragged;
    setDragged(null);
    if (!id) return;
    const column = columns.find((c) => c.key === status);
    if (!column) return;
    const afterId = afterIdAt(column.cards, id, index);
    const current = column.cards.findIndex((c) => c.id === id);
    const unchanged = current >= 0 && (current === 0 ? afterId === null : column.cards[current - 1].id === afterId);
    if (!unchanged) move.mutate({ id, to: { to: status, afterId } });
  }
  function step(id: string, direction: 'up' | 'down' | 'previous' | 'next') {
    const to = stepMove(columns, id, direction);
    if (to) move.mutate({ id, to });
  }
  return (
    <>
      <PageHeader title={t('taskBoard')} />
      <TaskViews current="board" />
      <p className="muted" id="task-board-help">{t('taskBoardHelp')}</p>
      <ErrorText error={move.error} />
      {board.isPending ? <Loading /> : board.isError ? <Failed error={board.error} retry={() => void board.refetch()} /> : (
        <div className="board" data-testid="task-board">
          {columns.map((column) => (
            <section key={column.key} className={`board-column${over === column.key ? ' drop-over' : ''}`} aria-labelledby={`col-${column.key}`} data-status={column.key}
              onDragOver={(e) => { e.preventDefault(); setOver(column.key); }}
              onDragLeave={() => setOver((o) => (o === column.key ? null : o))}
              onDrop={(e) => drop(e, column.key, column.cards.length)}>
              <header className="board-column-head">
                <h2 id={`col-${column.key}`}>{t(column.key as (typeof STATUSES)[number])}</h2>
                <span className="muted">{formatNumber(column.cards.length, fmt.locale)}</span>
              </header>
              <ul className="board-cards">
                {column.cards.map((task, index) => {
                  const movable = mayChange(task);
                  return (
                    <li key={task.id} className="board-card" draggable={movable} data-testid="task-card" data-task={task.id}
                      onDragStart={(e) => { e.dataTransfer.setData('text/plain', task.id); e.dataTransfer.effectAllowed = 'move'; setDragged(task.id); }}
                      onDragOver={(e) => { e.preventDefault(); setOver(column.key); }}
                      onDrop={(e) => drop(e, column.key, index)}>
                      <Link to={`/tasks/${task.id}`}>{task.title}</Link>
                      <span className={`priority priority-${task.priority}`}>{t(task.priority)}</span>
                      <span className="muted">{task.assigneeId ? nameOf(people, task.assigneeId) : t('unassigned')}{task.dueAt ? ` · ${formatDateTime(task.dueAt, fmt)}` : ''}</span>
                      {movable && (
                        <div className="card-move" role="group" aria-label={t('moveTask', { title: task.title })}>
                          <label>
                            <span className="visually-hidden">{t('statusOf', { title: task.title })}</span>
                            <select value={column.key} aria-describedby="task-board-help" onChange={(e) => move.mutate({ id: task.id, to: { to: e.target.value, afterId: null } })}>
                              {STATUSES.map((s) => <option key={s} value={s}>{t(s)}</option>)}
                            </select>
                          </label>
                          <Button variant="ghost" aria-label={t('moveUp', { title: task.title })} disabled={index === 0} onClick={() => step(task.id, 'up')}>↑</Button>
                          <Button variant="ghost" aria-label={t('moveDown', { title: task.title })} disabled={index === column.cards.length - 1} onClick={() => step(task.id, 'down')}>↓</Button>
                        </div>
                      )}
                    </li>
                  );
                })}
              </ul>
            </section>
          ))}
        </div>
      )}
    </>
  );
}
