import { describe, expect, it, vi } from 'vitest';
import { ApiClient, ApiError, queryString } from './client';
import { memoryTokenStore } from './session';

type Handler = (url: string, init: RequestInit) => Response | Promise<Response>;

function json(status: number, body?: unknown, type = 'application/json'): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': type } });
}

function fakeFetch(handler: Handler) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fn = vi.fn(async (url: string, init: RequestInit = {}) => {
    calls.push({ url, init });
    return handler(url, init);
  });
  return { fn, calls };
}

const bearer = (init: RequestInit) => (init.headers as Record<string, string>).Authorization;

describe('ApiClient', () => {
  it('sends the access token and reads JSON', async () => {
    const store = memoryTokenStore({ accessToken: 'A1', refreshToken: 'R1' });
    const { fn, calls } = fakeFetch(() => json(200, { id: 'u1' }));
    const api = new ApiClient(store, undefined, fn);
    await expect(api.get('/api/users/me')).resolves.toEqual({ id: 'u1' });
    expect(bearer(calls[0].init)).toBe('Bearer A1');
  });

  it('turns a problem detail into an ApiError with its field errors', async () => {
    const { fn } = fakeFetch(() =>
      json(400, { title: 'Bad Request', detail: 'Invalid fields', errors: [{ field: 'title', message: 'must not be blank' }] }, 'application/problem+json'),
    );
    const api = new ApiClient(memoryTokenStore({ accessToken: 'A', refreshToken: 'R' }), undefined, fn);
    const error = await api.post('/api/tasks', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    expect((error as ApiError).message).toBe('Invalid fields');
    expect((error as ApiError).fieldErrors()).toEqual({ title: 'must not be blank' });
  });

  it('login stores the pair and sends no bearer token', async () => {
    const store = memoryTokenStore();
    const { fn, calls } = fakeFetch(() => json(200, { accessToken: 'A', refreshToken: 'R', tokenType: 'Bearer', expiresIn: 600 }));
    await new ApiClient(store, undefined, fn).login('a@b.c', 'pw');
    expect(store.get()).toEqual({ accessToken: 'A', refreshToken: 'R' });
    expect(bearer(calls[0].init)).toBeUndefined();
    expect(JSON.parse(String(calls[0].init.body))).toEqual({ email: 'a@b.c', password: 'pw' });
  });

  it('on 401 spends the refresh token once for concurrent calls and retries each with the new token', async () => {
    const store = memoryTokenStore({ accessToken: 'old', refreshToken: 'R1' });
    let release!: () => void;
    const refreshGate = new Promise<void>((resolve) => (release = resolve));
    const { fn, calls } = fakeFetch(async (url, init) => {
      if (url === '/api/auth/refresh') {
        await refreshGate;
        return json(200, { accessToken: 'new', refreshToken: 'R2' });
      }
      return bearer(init) === 'Bearer new' ? json(200, { url }) : json(401, { title: 'Unauthorized' });
    });
    const api = new ApiClient(store, undefined, fn);
    const results = Promise.all([api.get('/a'), api.get('/b'), api.get('/c')]);
    await vi.waitFor(() => expect(calls.filter((c) => c.url === '/api/auth/refresh')).toHaveLength(1));
    release();
    await expect(results).resolves.toEqual([{ url: '/a' }, { url: '/b' }, { url: '/c' }]);
    const refreshes = calls.filter((c) => c.url === '/api/auth/refresh');
    expect(refreshes).toHaveLength(1);
    expect(JSON.parse(String(refreshes[0].init.body))).toEqual({ refreshToken: 'R1' });
    expect(store.get()).toEqual({ accessToken: 'new', refreshToken: 'R2' });
  });

  it('a call that got 401 after another refresh finished uses the new token without refreshing again', async () => {
    const store = memoryTokenStore({ accessToken: 'old', refreshToken: 'R1' });
    const { fn, calls } = fakeFetch((url, init) => {
      if (url === '/slow' && bearer(init) === 'Bearer old') {
        store.set({ accessToken: 'new', refreshToken: 'R2' }); // another tab of this client refreshed meanwhile
        return json(401, {});
      }
      return json(200, { token: bearer(init) });
    });
    await expect(new ApiClient(store, undefined, fn).get('/slow')).resolves.toEqual({ token: 'Bearer new' });
    expect(calls.some((c) => c.url === '/api/auth/refresh')).toBe(false);
  });

  it('signs out when the refresh token is refused, and the call fails with its 401', async () => {
    const store = memoryTokenStore({ accessToken: 'old', refreshToken: 'spent' });
    const signedOut = vi.fn();
    const { fn } = fakeFetch((url) => (url === '/api/auth/refresh' ? json(401, { title: 'Unauthorized' }) : json(401, { title: 'Unauthorized' })));
    const error = await new ApiClient(store, signedOut, fn).get('/api/tasks').catch((e: unknown) => e);
    expect((error as ApiError).status).toBe(401);
    expect(signedOut).toHaveBeenCalledExactlyOnceWith('expired');
    expect(store.get()).toBeNull();
  });

  it('keeps the session when the refresh fails for a server outage', async () => {
    const store = memoryTokenStore({ accessToken: 'old', refreshToken: 'R1' });
    const signedOut = vi.fn();
    const { fn } = fakeFetch((url) => (url === '/api/auth/refresh' ? json(503, { title: 'Service Unavailable' }) : json(401, {})));
    await expect(new ApiClient(store, signedOut, fn).get('/x')).rejects.toBeInstanceOf(ApiError);
    expect(signedOut).not.toHaveBeenCalled();
    expect(store.get()).toEqual({ accessToken: 'old', refreshToken: 'R1' });
  });

  it('logout forgets the tokens and revokes the refresh token', async () => {
    const store = memoryTokenStore({ accessToken: 'A', refreshToken: 'R' });
    const signedOut = vi.fn();
    const { fn, calls } = fakeFetch(() => new Response(null, { status: 204 }));
    await new ApiClient(store, signedOut, fn).logout();
    expect(calls[0].url).toBe('/api/auth/logout');
    expect(JSON.parse(String(calls[0].init.body))).toEqual({ refreshToken: 'R' });
    expect(store.get()).toBeNull();
    expect(signedOut).toHaveBeenCalledExactlyOnceWith('logout');
  });

  it('uploads a CSV as it is, with its content type and the token, and reads the JSON answer', async () => {
    const { fn, calls } = fakeFetch(() => json(202, { id: 'imp1', status: 'running' }));
    const api = new ApiClient(memoryTokenStore({ accessToken: 'A', refreshToken: 'R' }), undefined, fn);
    const csv = 'firstName,email\nLayla,l@x.com\n';
    await expect(api.postText('/api/crm/imports', csv, 'text/csv', { entity: 'contacts', dryRun: true })).resolves.toEqual({ id: 'imp1', status: 'running' });
    expect(calls[0].url).toBe('/api/crm/imports?entity=contacts&dryRun=true');
    expect(calls[0].init.body).toBe(csv);
    expect((calls[0].init.headers as Record<string, string>)['Content-Type']).toBe('text/csv');
    expect(bearer(calls[0].init)).toBe('Bearer A');
  });

  it('downloads text with the token and keeps it as text, even when it looks like JSON', async () => {
    const { fn, calls } = fakeFetch(() => new Response('"1"\n', { status: 200, headers: { 'Content-Type': 'text/csv' } }));
    const api = new ApiClient(memoryTokenStore({ accessToken: 'A', refreshToken: 'R' }), undefined, fn);
    await expect(api.getText('/api/crm/contacts/export')).resolves.toBe('"1"\n');
    expect(bearer(calls[0].init)).toBe('Bearer A');
  });

  it('uploads a file as multipart without setting its content type, and sends it again after a refresh', async () => {
    const store = memoryTokenStore({ accessToken: 'old', refreshToken: 'R1' });
    const { fn, calls } = fakeFetch((url, init) => {
      if (url === '/api/auth/refresh') return json(200, { accessToken: 'new', refreshToken: 'R2' });
      return bearer(init) === 'Bearer new' ? json(201, { id: 'f1', name: 'quote.pdf' }) : json(401);
    });
    const api = new ApiClient(store, undefined, fn);
    await expect(api.upload('/api/crm/deals/d1/attachments', new Blob(['%PDF-1.4']), 'quote.pdf')).resolves.toEqual({ id: 'f1', name: 'quote.pdf' });
    const upload = calls[2];
    expect(upload.init.method).toBe('POST');
    expect(upload.init.body).toBeInstanceOf(FormData);
    expect(((upload.init.body as FormData).get('file') as File).name).toBe('quote.pdf');
    expect((upload.init.headers as Record<string, string>)['Content-Type']).toBeUndefined();
    expect(calls[0].init.body).toBe(upload.init.body);
  });

  it('downloads bytes as a blob with the token', async () => {
    const { fn, calls } = fakeFetch(() => new Response(new Uint8Array([137, 80, 78, 71]), { status: 200, headers: { 'Content-Type': 'image/png' } }));
    const api = new ApiClient(memoryTokenStore({ accessToken: 'A', refreshToken: 'R' }), undefined, fn);
    const blob = await api.getBlob('/api/users/settings/logo');
    expect(blob.type).toBe('image/png');
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([137, 80, 78, 71]);
    expect(bearer(calls[0].init)).toBe('Bearer A');
  });

  it('builds a query string without empty values', () => {
    expect(queryString({ q: 'a b', limit: 5, cursor: undefined, status: '', unread: true })).toBe('?q=a+b&limit=5&unread=true');
    expect(queryString({})).toBe('');
  });
});
