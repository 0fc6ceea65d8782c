import { describe, expect, it } from 'vitest';
import type { FeedEntry } from '../api/stream';
import { appPath, feedMessage, importIdOf, withLive } from './feed';

const entry = (id: string, record = 'd1'): FeedEntry => ({ id, type: 'deal.moved', actorId: 'u1', at: '2026-12-02T10:00:00Z', about: { kind: 'deal', id: record } });

describe('feed', () => {
  it('puts a live entry first, once, and keeps at most the limit with a cursor for the rest', () => {
    const page = { items: [entry('1764669600002-b'), entry('1764669600001-a')], nextCursor: null };
    const next = withLive(page, entry('1764669600003-c'), { limit: 2 })!;
    expect(next.items.map((e) => e.id)).toEqual(['1764669600003-c', '1764669600002-b']);
    expect(next.nextCursor).toBe('1764669600002-b');
    expect(withLive(next, entry('1764669600003-c'), { limit: 2 })).toBe(next);
  });

  it('a record page takes only entries about its record, and an older live entry sorts into place', () => {
    const page = { items: [entry('1764669600005-e'), entry('1764669600001-a')], nextCursor: null };
    expect(withLive(page, entry('1764669600009-z', 'other'), { record: 'd1', limit: 10 })).toBe(page);
    expect(withLive(page, entry('1764669600003-c'), { record: 'd1', limit: 10 })!.items.map((e) => e.id)).toEqual([
      '1764669600005-e', '1764669600003-c', '1764669600001-a',
    ]);
    expect(withLive(undefined, entry('1'), { limit: 5 })).toBeUndefined();
  });

  it('links only to paths of the app', () => {
    expect(appPath('/crm/deals/01JD')).toBe('/crm/deals/01JD');
    expect(appPath('//evil.example/x')).toBeNull();
    expect(appPath('https://evil.example/')).toBeNull();
    expect(appPath('javascript:alert(1)')).toBeNull();
    expect(appPath('/api/users/me')).toBeNull();
    expect(appPath(undefined)).toBeNull();
    expect(appPath('/users/01JD5A')).toBe('/users');
  });

  it('reads the import of an import notification and names each type', () => {
    expect(importIdOf('/crm/imports/01JIMP')).toBe('01JIMP');
    expect(importIdOf('/crm/deals/01JD')).toBeNull();
    expect(importIdOf('/crm/imports/a/b')).toBeNull();
    expect(feedMessage('deal.moved')).toBe('feed_deal_moved');
    expect(feedMessage('user.joined')).toBe('feed_user_joined');
    expect(feedMessage('deal.exploded')).toBe('feed_other');
  });
});
