import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiClient } from './api/client';
import { browserTokenStore, can, claimsOf, type Claims, type TokenStore } from './api/session';
import { languageOf, translate, type Language, type MessageKey } from './i18n/messages';
import type { Locale } from './lib/format';

export interface User {
  id: string;
  email: string;
  displayName: string;
  status: 'active' | 'disabled';
  roles: string[];
  timeZone: string;
  locale: string;
  createdAt: string;
}

export interface Hub {
  api: ApiClient;
  claims: Claims | null;
  me: User | undefined;
  signedIn: boolean;
  language: Language;
  fmt: Locale;
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  can: (permission: string) => boolean;
  setLanguage: (language: Language) => Promise<void>;
  signedOutReason: string | null;
  onSignedIn: () => void;
}

const HubContext = createContext<Hub | null>(null);

export function useHub(): Hub {
  const hub = useContext(HubContext);
  if (!hub) throw new Error('useHub outside HubProvider');
  return hub;
}

const LANGUAGE_KEY = 'hub.language';

export function HubProvider({ children, store = browserTokenStore() }: { children: ReactNode; store?: TokenStore }) {
  const queries = useQueryClient();
  const [version, setVersion] = useState(0);
  const [signedOutReason, setSignedOutReason] = useState<string | null>(null);
  const [chosen, setChosen] = useState<Language>(() => languageOf(localStorage.getItem(LANGUAGE_KEY)));
  const api = useMemo(
    () =>
      new ApiClient(store, (reason) => {
        setSignedOutReason(reason === 'expired' ? 'sessionExpired' : null);
        setVersion((v) => v + 1);
        queries.clear();
      }),
    [store, queries],
  );
  const tokens = store.get();
  const claims = useMemo(() => claimsOf(tokens?.accessToken), [tokens?.accessToken, version]); // eslint-disable-line
  const signedIn = !!tokens;
  const me = useQuery({
    queryKey: ['me'],
    queryFn: () => api.get<User>('/api/users/me'),
    enabled: signedIn,
    staleTime: 60_000,
  });
  const language = me.data ? languageOf(me.data.locale) : chosen;
  useEffect(() => {
    document.documentElement.lang = language;
    document.documentElement.dir = language === 'ar' ? 'rtl' : 'ltr';
    localStorage.setItem(LANGUAGE_KEY, language);
  }, [language]);

  const setLanguage = useCallback(
    async (next: Language) => {
      setChosen(next);
      if (signedIn) {
        const locale = next === 'ar' ? 'ar' : 'en';
        const updated = await api.patch<User>('/api/users/me', { locale });
        queries.setQueryData(['me'], updated);
      }
    },
    [api, signedIn, queries],
  );

  const hub: Hub = {
    api,
    claims,
    me: me.data,
    signedIn,
    language,
    fmt: {
      locale: language === 'ar' ? 'ar' : 'en',
      timeZone: me.data?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    },
    t: (key, params) => translate(language, key, params),
    can: (permission) => can(claims, permission),
    setLanguage,
    signedOutReason,
    onSignedIn: () => {
      setSignedOutReason(null);
      setVersion((v) => v + 1);
    },
  };
  return <HubContext.Provider value={hub}>{children}</HubContext.Provider>;
}
