import type { TokenStore, Tokens } from './session';

/** An RFC 9457 problem detail, or what stood in for one. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  constructor(status: number, problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.problem.errors ?? []) if (e.field) out[e.field] = e.message ?? '';
    return out;
  }
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: { field?: string; message?: string }[];
  [key: string]: unknown;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined | null>;
  /** no bearer token and no refresh (login, refresh itself) */
  anonymous?: boolean;
  signal?: AbortSignal;
  /** a body sent as it is, with its content type (a CSV upload), instead of JSON */
  raw?: { body: string; contentType: string };
  /** answer as text (a CSV download) instead of JSON */
  text?: boolean;
  /** a multipart body (a file upload); the browser sets its content type and boundary */
  form?: FormData;
  /** answer as bytes (a file download) instead of JSON */
  blob?: boolean;
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/**
 * Calls the hub's API through the gateway with the access token. A 401 spends the refresh
 * token once for a new pair — one refresh in flight at a time, however many calls failed —
 * and retries the call; when the refresh fails the session ends.
 */
export class ApiClient {
  private refreshing: Promise<Tokens | null> | null = null;
  private readonly fetchFn: Fetch;

  constructor(
    private readonly tokens: TokenStore,
    private readonly onSignedOut: (reason: 'expired' | 'logout') => void = () => {},
    fetchFn?: Fetch,
    private readonly base = '',
  ) {
    this.fetchFn = fetchFn ?? ((input, init) => globalThis.fetch(input, init));
  }

  get<T>(path: string, query?: RequestOptions['query'], signal?: AbortSignal): Promise<T> {
    return this.request<T>(path, { query, signal });
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>(path, { method: 'POST', body });
  }

  patch<T>(path: string, body: unknown, query?: RequestOptions['query']): Promise<T> {
    return this.request<T>(path, { method: 'PATCH', body, query });
  }

  put<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>(path, { method: 'PUT', body });
  }

  /** Uploads text, e.g. `text/csv`, and reads the JSON answer. */
  postText<T>(path: string, body: string, contentType: string, query?: RequestOptions['query']): Promise<T> {
    return this.request<T>(path, { method: 'POST', raw: { body, contentType }, query });
  }

  /** Downloads a text answer, e.g. an export's CSV, with the session's token. */
  getText(path: string, query?: RequestOptions['query']): Promise<string> {
    return this.request<string>(path, { query, text: true });
  }

  /** Uploads a file as multipart `file` (POST, or PUT to replace one) and reads the JSON answer. */
  upload<T>(path: string, file: Blob, name: string, method: 'POST' | 'PUT' = 'POST'): Promise<T> {
    const form = new FormData();
    form.append('file', file, name);
    return this.request<T>(path, { method, form });
  }

  /** Downloads bytes (an attachment, the logo) with the session's token. */
  getBlob(path: string): Promise<Blob> {
    return this.request<Blob>(path, { blob: true });
  }

  delete(path: string, query?: RequestOptions['query']): Promise<void> {
    return this.request<void>(path, { method: 'DELETE', query });
  }

  async login(email: string, password: string): Promise<Tokens> {
    const pair = await this.request<Tokens>('/api/auth/login', {
      method: 'POST',
      body: { email, password },
      anonymous: true,
    });
    this.tokens.set({ accessToken: pair.accessToken, refreshToken: pair.refreshToken });
    return pair;
  }

  async logout(): Promise<void> {
    const current = this.tokens.get();
    this.tokens.set(null);
    if (current) {
      await this.request('/api/auth/logout', {
        method: 'POST',
        body: { refreshToken: current.refreshToken },
        anonymous: true,
      }).catch(() => undefined);
    }
    this.onSignedOut('logout');
  }

  async request<T>(path: string, options: RequestOptions = {}): Promise<T> {
    const sent = this.tokens.get();
    const response = await this.send(path, options, sent?.accessToken);
    if (response.status === 401 && !options.anonymous && sent) {
      const renewed = await this.refresh(sent);
      if (!renewed) throw await toError(response);
      return read<T>(await this.send(path, options, renewed.accessToken), options);
    }
    return read<T>(response, options);
  }

  /**
   * A fresh pair for the one that got a 401. Concurrent callers share one refresh; a caller
   * whose token was already replaced by another refresh just uses the new one.
   */
  refresh(stale: Tokens | null = this.tokens.get()): Promise<Tokens | null> {
    const current = this.tokens.get();
    if (current && stale && current.accessToken !== stale.accessToken) return Promise.resolve(current);
    if (!current) return Promise.resolve(null);
    if (!this.refreshing) {
      this.refreshing = this.spend(current).finally(() => {
        this.refreshing = null;
      });
    }
    return this.refreshing;
  }

  private async spend(current: Tokens): Promise<Tokens | null> {
    try {
      const response = await this.send('/api/auth/refresh', {
        method: 'POST',
        body: { refreshToken: current.refreshToken },
        anonymous: true,
      });
      if (!response.ok) throw await toError(response);
      const pair = (await response.json()) as Tokens;
      const next = { accessToken: pair.accessToken, refreshToken: pair.refreshToken };
      this.tokens.set(next);
      return next;
    } catch (error) {
      if (error instanceof ApiError && error.status >= 500) return null;
      this.tokens.set(null);
      this.onSignedOut('expired');
      return null;
    }
  }

  private send(path: string, options: RequestOptions, accessToken?: string): Promise<Response> {
    const headers: Record<string, string> = { Accept: accepts(options) };
    if (options.raw) headers['Content-Type'] = options.raw.contentType;
    else if (options.body !== undefined && !options.form) headers['Content-Type'] = 'application/json';
    if (accessToken && !options.anonymous) headers.Authorization = `Bearer ${accessToken}`;
    return this.fetchFn(this.base + path + queryString(options.query), {
      method: options.method ?? 'GET',
      headers,
      body: options.form ?? (options.raw ? options.raw.body : options.body === undefined ? undefined : JSON.stringify(options.body)),
      signal: options.signal,
    });
  }
}

export function queryString(query?: RequestOptions['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function accepts(options: RequestOptions): string {
  if (options.text) return 'text/csv, text/plain, application/problem+json';
  if (options.blob) return '*/*';
  return 'application/json';
}

async function read<T>(response: Response, options: RequestOptions): Promise<T> {
  if (!response.ok) throw await toError(response);
  if (response.status === 204) return undefined as T;
  if (options.blob) return (await response.blob()) as T;
  const text = await response.text();
  if (options.text) return text as T;
  return (text ? JSON.parse(text) : undefined) as T;
}

async function toError(response: Response): Promise<ApiError> {
  let problem: Problem = { status: response.status, title: response.statusText };
  try {
    const text = await response.text();
    if (text) problem = { ...problem, ...(JSON.parse(text) as Problem) };
  } catch {
    // not JSON: keep the status line
  }
  return new ApiError(response.status, problem);
}
