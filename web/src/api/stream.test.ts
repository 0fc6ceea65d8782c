import { describe, expect, it } from 'vitest';
import { NotificationStream, type EventSourceLike, type FeedEntry, type Notification } from './stream';

class FakeSource implements EventSourceLike {
  onopen: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  closed = false;
  private listeners: { type: string; listener: (event: MessageEvent) => void }[] = [];
  constructor(readonly url: string) {}
  addEventListener(type: string, listener: (event: MessageEvent) => void) {
    this.listeners.push({ type, listener });
  }
  dispatch(type: string, event: MessageEvent) {
    for (const l of this.listeners) if (l.type === type) l.listener(event);
  }
  close() {
    this.closed = true;
  }
  emit(seq: number, title = `n${seq}`) {
    const data = JSON.stringify({ id: `id-${seq}`, seq, title, type: 'reminder.due', createdAt: '', readAt: null });
    this.dispatch('notification', new MessageEvent('notification', { data, lastEventId: String(seq) }));
  }
  fail() {
    this.onerror?.(new Event('error'));
  }
}

function harness() {
  const sources: FakeSource[] = [];
  const received: Notification[] = [];
  const feed: FeedEntry[] = [];
  const timers: { run: () => void; ms: number }[] = [];
  let tickets = 0;
  const stream = new NotificationStream({
    ticket: async () => `t${++tickets}`,
    open: (url) => {
      const source = new FakeSource(url);
      sources.push(source);
      return source;
    },
    onNotification: (n) => received.push(n),
    onFeed: (entry) => feed.push(entry),
    schedule: (run, ms) => timers.push({ run, ms }),
    cancel: () => undefined,
  });
  const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { stream, sources, received, feed, timers, flush };
}

describe('NotificationStream', () => {
  it('opens with a one-time ticket and no resume point on the first connection', async () => {
    const { stream, sources, flush } = harness();
    stream.start();
    await flush();
    expect(sources).toHaveLength(1);
    expect(sources[0].url).toBe('/api/notifications/stream?ticket=t1');
  });

  it('after a drop reconnects with a fresh ticket and the last id, and shows neither a gap nor a repeat', async () => {
    const { stream, sources, received, timers, flush } = harness();
    stream.start();
    await flush();
    sources[0].emit(1);
    sources[0].emit(2);
    sources[0].fail();
    expect(sources[0].closed).toBe(true);
    expect(timers).toHaveLength(1);
    timers[0].run();
    await flush();
    expect(sources[1].url).toBe('/api/notifications/stream?ticket=t2&lastEventId=2');
    sources[1].emit(2); // replayed at the switch
    sources[1].emit(3);
    sources[1].emit(3); // live copy of what was just replayed
    sources[1].emit(4);
    expect(received.map((n) => n.seq)).toEqual([1, 2, 3, 4]);
    expect(stream.lastEventId).toBe(4);
  });

  it('backs off 1, 2, 4 … seconds while failing and starts again at 1 s once open', async () => {
    const { stream, sources, timers, flush } = harness();
    stream.start();
    await flush();
    sources[0].fail();
    timers[0].run();
    await flush();
    sources[1].fail();
    timers[1].run();
    await flush();
    sources[2].fail();
    expect(timers.map((t) => t.ms)).toEqual([1000, 2000, 4000]);
    timers[2].run();
    await flush();
    sources[3].onopen?.(new Event('open'));
    sources[3].fail();
    expect(timers[3].ms).toBe(1000);
    expect(NotificationStream.delay(10)).toBe(15000);
  });

  it('a failed ticket request is retried, and a stopped stream never reconnects', async () => {
    const sources: FakeSource[] = [];
    const timers: (() => void)[] = [];
    let fail = true;
    const stream = new NotificationStream({
      ticket: async () => {
        if (fail) throw new Error('503');
        return 'ok';
      },
      open: (url) => {
        const s = new FakeSource(url);
        sources.push(s);
        return s;
      },
      onNotification: () => undefined,
      schedule: (run) => timers.push(run),
      cancel: () => undefined,
    });
    stream.start();
    await new Promise((r) => setTimeout(r, 0));
    expect(sources).toHaveLength(0);
    expect(timers).toHaveLength(1);
    fail = false;
    timers[0]();
    await new Promise((r) => setTimeout(r, 0));
    expect(sources).toHaveLength(1);
    stream.stop();
    expect(sources[0].closed).toBe(true);
    sources[0].fail();
    expect(timers).toHaveLength(1);
  });

  it('ignores events without a numeric id or with bad JSON', async () => {
    const { stream, sources, received, flush } = harness();
    stream.start();
    await flush();
    sources[0].dispatch('notification', new MessageEvent('notification', { data: '{}', lastEventId: '' }));
    sources[0].dispatch('notification', new MessageEvent('notification', { data: 'not json', lastEventId: '7' }));
    expect(received).toHaveLength(0);
    expect(stream.lastEventId).toBeNull();
  });

  it('passes feed entries on without touching the resume point, and ignores what is not an entry', async () => {
    const { stream, sources, received, feed, timers, flush } = harness();
    stream.start();
    await flush();
    sources[0].emit(3);
    const entry = { id: '1764669600123-e1', type: 'deal.moved', actorId: 'u1', at: '2026-12-02T10:00:00Z', about: { kind: 'deal', id: 'd1' } };
    sources[0].dispatch('feed', new MessageEvent('feed', { data: JSON.stringify(entry) }));
    sources[0].dispatch('feed', new MessageEvent('feed', { data: 'not json' }));
    sources[0].dispatch('feed', new MessageEvent('feed', { data: '{"id":"x"}' }));
    expect(feed).toEqual([entry]);
    expect(received.map((n) => n.seq)).toEqual([3]);
    expect(stream.lastEventId).toBe(3);
    sources[0].fail();
    timers[0].run();
    await flush();
    expect(sources[1].url).toBe('/api/notifications/stream?ticket=t2&lastEventId=3');
  });
});
