import { useId } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useHub } from '../app';
import type { Page } from '../api/client';
import type { FeedEntry } from '../api/stream';
import { appPath, feedKey, feedMessage } from '../lib/feed';
import { formatDateTime } from '../lib/format';
import type { MessageKey } from '../i18n/messages';
import { usePeople } from '../pages/crm/common';
import { Failed, Loading } from './ui';

/**
 * The activity feed, newest first: who did what to which record, when, with a link to it.
 * Everything the reader may see, or only what happened to one record; new entries arrive
 * live from the stream (the shell adds them to every list under `['feed']`).
 */
export function ActivityFeed({ title, record, limit = 10 }: { title: string; record?: string; limit?: number }) {
  const { api, t, fmt, me } = useHub();
  const people = usePeople();
  const head = useId();
  const filter = record ? { record, limit } : { limit };
  const feed = useQuery({
    queryKey: feedKey(filter),
    queryFn: () => api.get<Page<FeedEntry>>('/api/notifications/feed', { limit, record }),
  });
  const who = (actorId: string | null) =>
    !actorId ? t('theSystem') : actorId === me?.id ? t('you') : people.find((p) => p.id === actorId)?.displayName ?? t('someone');
  return (
    <section className="card" aria-labelledby={head} data-testid="activity-feed">
      <h2 id={head}>{title}</h2>
      {feed.isPending ? <Loading /> : feed.isError ? <Failed error={feed.error} retry={() => void feed.refetch()} /> :
        feed.data.items.length === 0 ? <p className="muted">{t('nothingHere')}</p> : (
          <ol className="feed">
            {feed.data.items.map((entry) => {
              const [before, after = ''] = t(feedMessage(entry.type) as MessageKey, { who: who(entry.actorId) }).split('{title}');
              const path = appPath(entry.link);
              const name = entry.about.title || t('untitled');
              return (
                <li key={entry.id} data-type={entry.type}>
                  <span>{before}{path ? <Link to={path}>{name}</Link> : <strong>{name}</strong>}{after}</span>
                  <time className="muted" dateTime={entry.at}>{formatDateTime(entry.at, fmt)}</time>
                </li>
              );
            })}
          </ol>
        )}
    </section>
  );
}
