import { useEffect, useRef, useState } from 'react';
import { NavLink, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useHub } from './app';
import { NotificationStream, type FeedEntry, type Notification } from './api/stream';
import type { Page } from './api/client';
import { formatNumber } from './lib/format';
import { importIdOf, withLive, type FeedFilter } from './lib/feed';
import type { MessageKey } from './i18n/messages';

const NAV: { to: string; label: MessageKey; permission?: string }[] = [
  { to: '/dashboard', label: 'dashboard' },
  { to: '/calendar', label: 'calendar', permission: 'scheduler:read' },
  { to: '/tasks', label: 'tasks', permission: 'tasks:read' },
  { to: '/crm/companies', label: 'companies', permission: 'crm:read' },
  { to: '/crm/contacts', label: 'contacts', permission: 'crm:read' },
  { to: '/crm/deals', label: 'deals', permission: 'crm:read' },
  { to: '/crm/import', label: 'importExport', permission: 'crm:manage' },
  { to: '/notifications', label: 'notifications', permission: 'notifications:read' },
  { to: '/users', label: 'users', permission: 'users:read' },
  { to: '/settings', label: 'settings' },
];

/** The signed-in frame: navigation, the bell, the account menu, the language switch and toasts. */
export function Shell() {
  const hub = useHub();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  useEffect(() => {
    main.current?.querySelector('h1')?.focus({ preventScroll: true });
  }, [location.pathname]);
  if (!hub.signedIn) return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />;
  const { t } = hub;
  return (
    <div className="shell">
      <a className="skip" href="#main">{t('skipToContent')}</a>
      <header className="topbar">
        <Brand />
        <div className="topbar-end">
          <LanguageSwitch />
          {hub.can('notifications:read') && <Bell />}
          <UserMenu />
        </div>
      </header>
      <nav className="sidenav" aria-label={t('navMain')}>
        <ul>
          {NAV.filter((item) => !item.permission || hub.can(item.permission)).map((item) => (
            <li key={item.to}>
              <NavLink to={item.to}>{t(item.label)}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" ref={main} tabIndex={-1}>
        <Outlet />
      </main>
      {hub.can('notifications:read') && <LiveNotifications />}
    </div>
  );
}

/** The organisation's settings, read by every signed-in user (`GET /api/users/settings`). */
export interface OrganisationSettings {
  name: string;
  logoFileId: string | null;
  timeZone: string;
  locale: string;
  weekStart: string;
  workingDays: string[];
  workingHours: { from: string; to: string };
  digestTime: string;
  updatedAt: string | null;
  updatedBy: string | null;
}

export function useOrganisation() {
  const { api } = useHub();
  return useQuery({ queryKey: ['settings', 'organisation'], queryFn: () => api.get<OrganisationSettings>('/api/users/settings'), staleTime: 300_000 });
}

/**
 * The logo as a `data:` URL: the image needs the session's token, so no plain `src`, and the
 * app's Content-Security-Policy allows images from itself and `data:` only (not `blob:`).
 */
export function useLogo(logoFileId: string | null | undefined): string | null {
  const { api } = useHub();
  const logo = useQuery({
    queryKey: ['settings', 'logo', logoFileId],
    queryFn: async () => dataUrl(await api.getBlob('/api/users/settings/logo')),
    enabled: !!logoFileId,
    staleTime: Infinity,
    retry: false,
  });
  return logoFileId ? logo.data ?? null : null;
}

function dataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

/** The organisation's logo and name (the app's name until it has one of its own). */
function Brand() {
  const { t } = useHub();
  const organisation = useOrganisation();
  const logo = useLogo(organisation.data?.logoFileId);
  const name = organisation.data?.name ?? t('appName');
  return (
    <span className="brand" data-testid="brand">
      {logo && <img src={logo} alt="" className="brand-logo" data-testid="brand-logo" />}
      {name}
    </span>
  );
}

function LanguageSwitch() {
  const { language, setLanguage, t } = useHub();
  const next = language === 'ar' ? 'en' : 'ar';
  return (
    <button type="button" className="btn btn-ghost" lang={next} onClick={() => void setLanguage(next)} aria-label={`${t('language')}: ${t('switchLanguage')}`}>
      {t('switchLanguage')}
    </button>
  );
}

function Bell() {
  const { api, t, fmt } = useHub();
  const count = useQuery({
    queryKey: ['notifications', 'unread-count'],
    queryFn: () => api.get<{ count: number }>('/api/notifications/unread-count'),
    refetchInterval: 60_000,
  });
  const n = count.data?.count ?? 0;
  return (
    <NavLink to="/notifications" className="bell" aria-label={t('unreadCount', { count: formatNumber(n, fmt.locale) })} data-testid="bell">
      <svg aria-hidden="true" viewBox="0 0 24 24" width="22" height="22"><path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z"/></svg>
      {n > 0 && <span className="badge" data-testid="bell-count">{formatNumber(n, fmt.locale)}</span>}
    </NavLink>
  );
}

function UserMenu() {
  const { me, t, api } = useHub();
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !ref.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);
  return (
    <div className="menu" ref={ref}>
      <button type="button" className="btn btn-ghost" aria-expanded={open} aria-haspopup="true" aria-label={`${t('userMenu')}: ${me?.displayName ?? ''}`} onClick={() => setOpen(!open)}>
        {me?.displayName ?? t('userMenu')}
      </button>
      {open && (
        <ul className="menu-list">
          <li><span className="muted">{me?.email}</span></li>
          <li><button type="button" className="btn btn-ghost" onClick={() => { setOpen(false); navigate('/settings'); }}>{t('settings')}</button></li>
          <li><button type="button" className="btn btn-ghost" onClick={() => void api.logout()}>{t('signOut')}</button></li>
        </ul>
      )}
    </div>
  );
}

interface Toast {
  key: string;
  notification: Notification;
}

/** Opens the stream once per session; a new notification refreshes the counts and shows a toast. */
function LiveNotifications() {
  const { api, t } = useHub();
  const queries = useQueryClient();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const [status, setStatus] = useState<'connecting' | 'open' | 'closed'>('connecting');
  useEffect(() => {
    const stream = new NotificationStream({
      ticket: async () => (await api.post<{ ticket: string }>('/api/notifications/stream-ticket')).ticket,
      open: (url) => new EventSource(url),
      onStatus: (next) => {
        setStatus(next);
        if (next === 'open') void queries.invalidateQueries({ queryKey: ['notifications'] });
      },
      onNotification: (notification) => {
        void queries.invalidateQueries({ queryKey: ['notifications'] });
        const importId = importIdOf(notification.link);
        if (importId) void queries.invalidateQueries({ queryKey: ['imports', importId] });
        setToasts((list) => [...list.slice(-3), { key: `${notification.id}`, notification }]);
        window.setTimeout(() => setToasts((list) => list.filter((x) => x.key !== notification.id)), 8000);
      },
      onFeed: (entry) => addToFeeds(queries, entry),
    });
    stream.start();
    return () => stream.stop();
  }, [api, queries]);
  return (
    <>
      <div className="toasts" role="status" aria-live="polite" data-stream={status}>
        {toasts.map(({ key, notification }) => (
          <div className="toast" key={key} data-testid="toast">
            <strong>{notification.title}</strong>
            {notification.body && <p>{notification.body}</p>}
            <button type="button" className="btn btn-ghost" aria-label={t('dismiss')} onClick={() => setToasts((l) => l.filter((x) => x.key !== key))}>×</button>
          </div>
        ))}
      </div>
    </>
  );
}

/** Every feed list on screen takes a live entry that belongs in it (see `withLive`). */
function addToFeeds(queries: ReturnType<typeof useQueryClient>, entry: FeedEntry) {
  for (const [key] of queries.getQueriesData<Page<FeedEntry>>({ queryKey: ['feed'] })) {
    const filter = key[1] as FeedFilter;
    queries.setQueryData<Page<FeedEntry>>(key, (page) => withLive(page, entry, filter));
  }
}
