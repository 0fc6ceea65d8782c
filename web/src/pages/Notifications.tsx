import { useState } from 'react';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useHub } from '../app';
import type { Page } from '../api/client';
import type { Notification } from '../api/stream';
import { deliveryModes, modeOf, withMode, type DeliveryMode, type NotificationPreferences } from '../lib/delivery';
import { formatDateTime } from '../lib/format';
import { Button, ErrorText, Failed, Loading, PageHeader, SelectField } from '../ui/ui';

/** The inbox (read one, read all, unread only) and which kinds the user wants. */
export default function Notifications() {
  const { api, t, fmt } = useHub();
  const queries = useQueryClient();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useInfiniteQuery({
    queryKey: ['notifications', 'list', unreadOnly ? 'unread' : 'all'],
    queryFn: ({ pageParam }) => api.get<Page<Notification>>('/api/notifications', { limit: 25, cursor: pageParam, unread: unreadOnly || undefined }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const refresh = () => queries.invalidateQueries({ queryKey: ['notifications'] });
  const read = useMutation({ mutationFn: (id: string) => api.post(`/api/notifications/${id}/read`), onSuccess: refresh });
  const readAll = useMutation({ mutationFn: () => api.post('/api/notifications/read-all'), onSuccess: refresh });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader title={t('notifications')}>
        <label className="check"><input type="checkbox" checked={unreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)} />{t('unreadOnly')}</label>
        <Button onClick={() => readAll.mutate()} disabled={readAll.isPending}>{t('markAllRead')}</Button>
      </PageHeader>
      <ErrorText error={read.error ?? readAll.error} />
      {list.isPending ? <Loading /> : list.isError ? <Failed error={list.error} retry={() => void list.refetch()} /> : items.length === 0 ? <p className="muted">{t('nothingHere')}</p> : (
        <ul className="inbox" data-testid="inbox">
          {items.map((n) => (
            <li key={n.id} className={n.readAt ? 'read' : 'unread'}>
              <div>
                <strong>{n.title}</strong>
                {n.body && <p>{n.body}</p>}
                <time className="muted" dateTime={n.createdAt}>{formatDateTime(n.createdAt, fmt)}</time>
              </div>
              {!n.readAt && <Button onClick={() => read.mutate(n.id)} aria-label={`${t('markRead')}: ${n.title}`}>{t('markRead')}</Button>}
            </li>
          ))}
        </ul>
      )}
      {list.hasNextPage && <Button onClick={() => void list.fetchNextPage()}>{t('more')}</Button>}
      <Preferences />
    </>
  );
}

function Preferences() {
  const { api, t } = useHub();
  const queries = useQueryClient();
  const key = ['notifications', 'preferences'];
  const prefs = useQuery({
    queryKey: key,
    queryFn: () => api.get<NotificationPreferences>('/api/notifications/preferences'),
  });
  // the choice is the user's own setting (user-service); notification-service learns it by event
  const save = useMutation({
    mutationFn: ({ type, mode }: { type: string; mode: DeliveryMode }) => api.patch('/api/users/me', { notifications: { [type]: mode } }),
    onSuccess: (_data, { type, mode }) => queries.setQueryData<NotificationPreferences>(key, (old) => (old ? withMode(old, type, mode) : old)),
  });
  return (
    <section className="card" aria-labelledby="prefs-title">
      <h2 id="prefs-title">{t('preferences')}</h2>
      {prefs.isPending ? <Loading /> : prefs.isError ? <Failed error={prefs.error} /> : (
        <fieldset>
          <legend>{t('notifyMeAbout')}</legend>
          {prefs.data.types.map((type) => (
            <SelectField key={type} label={type} value={modeOf(prefs.data, type)} disabled={save.isPending}
              onChange={(e) => save.mutate({ type, mode: e.target.value as DeliveryMode })}
              options={deliveryModes.map((mode) => ({ value: mode, label: t(modeLabel[mode]) }))} />
          ))}
        </fieldset>
      )}
      <ErrorText error={save.error} />
    </section>
  );
}

const modeLabel = { live: 'deliveryLive', digest: 'deliveryDigest', off: 'deliveryOff' } as const;
