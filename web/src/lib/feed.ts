import type { Page } from '../api/client';
import type { FeedEntry } from '../api/stream';

/** Which entries a feed list shows: all the reader may see, or those about one record. */
export interface FeedFilter {
  record?: string;
  limit: number;
}

/** The query key of a feed list; the live stream finds every list under `['feed']`. */
export function feedKey(filter: FeedFilter): readonly ['feed', FeedFilter] {
  return ['feed', filter];
}

/**
 * A list after a live entry arrived: the entry joins it if the list shows its record, once
 * (a refetch may already hold it), newest first by id (time then event), at most `limit`.
 */
export function withLive(page: Page<FeedEntry> | undefined, entry: FeedEntry, filter: FeedFilter): Page<FeedEntry> | undefined {
  if (!page) return page;
  if (filter.record && entry.about?.id !== filter.record) return page;
  if (page.items.some((e) => e.id === entry.id)) return page;
  const items = [entry, ...page.items].sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  const kept = items.slice(0, filter.limit);
  return { items: kept, nextCursor: kept.length < items.length ? kept[kept.length - 1].id : page.nextCursor };
}

/**
 * The app's route for an entry's link, or null for anything that is not a path of this app.
 * A user has no page of their own: `/users/{id}` leads to the users list.
 */
export function appPath(link: string | null | undefined): string | null {
  if (!link || !link.startsWith('/') || link.startsWith('//') || link.startsWith('/api/')) return null;
  if (/^\/users\/[^/]+$/.test(link)) return '/users';
  return link;
}

/** The import an import notification's link names (`/crm/imports/{id}`), or null. */
export function importIdOf(link: string | null | undefined): string | null {
  const match = /^\/crm\/imports\/([^/?#]+)$/.exec(link ?? '');
  return match ? decodeURIComponent(match[1]) : null;
}

export const FEED_TYPES = [
  'contact.created', 'contact.changed', 'company.created', 'company.changed', 'deal.created', 'deal.changed',
  'deal.moved', 'deal.won', 'task.created', 'task.assigned', 'task.commented', 'task.completed',
  'event.scheduled', 'event.changed', 'user.joined',
] as const;

/** The message key that says what an entry's type means (`feed_deal_moved`), or `feed_other`. */
export function feedMessage(type: string): `feed_${string}` {
  return (FEED_TYPES as readonly string[]).includes(type) ? `feed_${type.replace('.', '_')}` : 'feed_other';
}
