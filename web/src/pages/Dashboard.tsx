import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useHub } from '../app';
import type { Page } from '../api/client';
import type { Notification } from '../api/stream';
import type { DealBoard, Occurrence, Task } from '../api/types';
import { addDays, formatDateTime, formatMoney, formatNumber, formatTime, startOfDay } from '../lib/format';
import { useStageName } from './crm/stages';
import { Failed, Loading, PageHeader } from '../ui/ui';
import { ActivityFeed } from '../ui/feed';

export function Dashboard() {
  const { t, can } = useHub();
  return (
    <>
      <PageHeader title={t('dashboard')} />
      <div className="grid">
        {can('tasks:read') && <MyTasks />}
        {can('scheduler:read') && <TodaysEvents />}
        {can('notifications:read') && <Unread />}
        {can('crm:read') && <DealsByStage />}
      </div>
      {can('notifications:read') && <ActivityFeed title={t('recentActivity')} limit={15} />}
    </>
  );
}

function Section({ title, link, children }: { title: string; link?: string; children: React.ReactNode }) {
  const { t } = useHub();
  return (
    <section className="card" aria-label={title}>
      <div className="card-head">
        <h2>{title}</h2>
        {link && <Link to={link}>{t('viewAll')}</Link>}
      </div>
      {children}
    </section>
  );
}

function MyTasks() {
  const { api, t, me, fmt } = useHub();
  const tasks = useQuery({
    queryKey: ['tasks', 'mine', me?.id],
    queryFn: () => api.get<Page<Task>>('/api/tasks', { assigneeId: me!.id, limit: 100 }),
    enabled: !!me,
  });
  const now = Date.now();
  const open = (tasks.data?.items ?? []).filter((task) => task.status !== 'done');
  const overdue = open.filter((task) => task.dueAt && Date.parse(task.dueAt) < now);
  const list = (items: Task[]) =>
    items.length === 0 ? <p className="muted">{t('nothingHere')}</p> : (
      <ul className="list">
        {items.slice(0, 8).map((task) => (
          <li key={task.id}>
            <span>{task.title}</span>
            <span className="muted">{t(task.status)}{task.dueAt ? ` · ${formatDateTime(task.dueAt, fmt)}` : ''}</span>
          </li>
        ))}
      </ul>
    );
  return (
    <>
      <Section title={t('myOpenTasks')} link="/tasks">
        {tasks.isPending ? <Loading /> : tasks.isError ? <Failed error={tasks.error} retry={() => void tasks.refetch()} /> : list(open)}
      </Section>
      <Section title={t('overdueTasks')} link="/tasks">
        {tasks.isPending ? <Loading /> : tasks.isError ? null : list(overdue)}
      </Section>
    </>
  );
}

function TodaysEvents() {
  const { api, t, fmt } = useHub();
  const from = startOfDay(new Date(), fmt.timeZone);
  const to = addDays(from, 1, fmt.timeZone);
  const events = useQuery({
    queryKey: ['occurrences', from.toISOString(), to.toISOString()],
    queryFn: () => api.get<Page<Occurrence>>('/api/scheduler/occurrences', { from: from.toISOString(), to: to.toISOString() }),
  });
  return (
    <Section title={t('todaysEvents')} link="/calendar/day">
      {events.isPending ? <Loading /> : events.isError ? <Failed error={events.error} retry={() => void events.refetch()} /> :
        events.data.items.length === 0 ? <p className="muted">{t('nothingHere')}</p> : (
          <ul className="list">
            {events.data.items.map((o) => (
              <li key={o.eventId + o.startsAt}>
                <span>{o.title}</span>
                <span className="muted"><time dateTime={o.startsAt}>{formatTime(o.startsAt, fmt)}</time>–<time dateTime={o.endsAt}>{formatTime(o.endsAt, fmt)}</time></span>
              </li>
            ))}
          </ul>
        )}
    </Section>
  );
}

function Unread() {
  const { api, t, fmt } = useHub();
  const unread = useQuery({
    queryKey: ['notifications', 'list', 'unread', 5],
    queryFn: () => api.get<Page<Notification>>('/api/notifications', { unread: true, limit: 5 }),
  });
  return (
    <Section title={t('unreadNotifications')} link="/notifications">
      {unread.isPending ? <Loading /> : unread.isError ? <Failed error={unread.error} /> :
        unread.data.items.length === 0 ? <p className="muted">{t('nothingHere')}</p> : (
          <ul className="list">
            {unread.data.items.map((n) => (
              <li key={n.id}><span>{n.title}</span><span className="muted">{formatDateTime(n.createdAt, fmt)}</span></li>
            ))}
          </ul>
        )}
    </Section>
  );
}

function DealsByStage() {
  const { api, t, fmt } = useHub();
  const stageName = useStageName();
  const board = useQuery({ queryKey: ['deals', 'board', 'default'], queryFn: () => api.get<DealBoard>('/api/crm/pipelines/default/board') });
  return (
    <Section title={t('dealsByStage')} link="/crm/deals">
      {board.isPending ? <Loading /> : board.isError ? <Failed error={board.error} /> : (
        <ul className="list" data-testid="deals-by-stage">
          {board.data.stages.map((s) => (
            <li key={s.key}>
              <span>{stageName(s)}: {formatNumber(s.count, fmt.locale)}</span>
              <span className="muted">{Object.entries(s.total ?? {}).map(([currency, value]) => formatMoney(value, currency, fmt.locale)).join(' · ') || '—'}</span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
