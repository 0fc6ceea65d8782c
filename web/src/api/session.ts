/** The signed-in session: the token pair, kept in localStorage so a reload stays signed in. */
export interface Tokens {
  accessToken: string;
  refreshToken: string;
}

export interface Claims {
  sub: string;
  email?: string;
  roles?: string[];
  perms?: string[];
  exp?: number;
}

export interface TokenStore {
  get(): Tokens | null;
  set(tokens: Tokens | null): void;
}

const KEY = 'hub.session';

export function browserTokenStore(storage: Storage = window.localStorage): TokenStore {
  return {
    get() {
      const raw = storage.getItem(KEY);
      if (!raw) return null;
      try {
        const parsed = JSON.parse(raw) as Tokens;
        return parsed.accessToken && parsed.refreshToken ? parsed : null;
      } catch {
        return null;
      }
    },
    set(tokens) {
      if (tokens) storage.setItem(KEY, JSON.stringify(tokens));
      else storage.removeItem(KEY);
    },
  };
}

export function memoryTokenStore(initial: Tokens | null = null): TokenStore {
  let tokens = initial;
  return { get: () => tokens, set: (next) => void (tokens = next) };
}

/** The access token's claims (not verified: the servers verify; the app only hides what is not allowed). */
export function claimsOf(accessToken: string | undefined | null): Claims | null {
  if (!accessToken) return null;
  const part = accessToken.split('.')[1];
  if (!part) return null;
  try {
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
    const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
    const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)) as Claims;
  } catch {
    return null;
  }
}

export function can(claims: Claims | null, permission: string): boolean {
  return !!claims?.perms?.includes(permission);
}
