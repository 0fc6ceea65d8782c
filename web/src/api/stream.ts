/** What the app needs of an EventSource (the browser's, or a fake in tests). */
export interface EventSourceLike {
  onopen: ((event: Event) => void) | null;
  onerror: ((event: Event) => void) | null;
  addEventListener(type: string, listener: (event: MessageEvent) => void): void;
  close(): void;
}

export interface Notification {
  id: string;
  seq: number;
  type: string;
  title: string;
  body?: string;
  link?: string;
  createdAt: string;
  readAt: string | null;
  eventAt?: string;
}

/** An activity-feed entry (GET /api/notifications/feed, or `event: feed` on the stream). */
export interface FeedEntry {
  id: string;
  type: string;
  actorId: string | null;
  at: string;
  about: { kind: string; id: string; title?: string | null };
  summary?: string;
  link?: string;
}

export interface StreamOptions {
  /** a one-time ticket (POST /api/notifications/stream-ticket) */
  ticket: () => Promise<string>;
  open: (url: string) => EventSourceLike;
  onNotification: (notification: Notification) => void;
  /** a new activity-feed entry (`event: feed`: no id, never replayed) */
  onFeed?: (entry: FeedEntry) => void;
  onStatus?: (status: 'connecting' | 'open' | 'closed') => void;
  schedule?: (run: () => void, ms: number) => unknown;
  cancel?: (handle: unknown) => void;
  maxDelayMs?: number;
}

/**
 * The live notification stream through the gateway. Each connection is opened with a fresh
 * one-time ticket (so the browser's own reconnect, which would reuse a spent ticket, is never
 * relied on); after a drop it reconnects with `lastEventId` = the last `seq` seen, so the
 * server replays what was missed, and anything at or below that `seq` is dropped, so nothing
 * is shown twice.
 */
export class NotificationStream {
  private source: EventSourceLike | null = null;
  private lastId: number | null = null;
  private attempts = 0;
  private timer: unknown = null;
  private stopped = true;
  private generation = 0;

  constructor(private readonly options: StreamOptions) {}

  get lastEventId(): number | null {
    return this.lastId;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.connect();
  }

  stop(): void {
    this.stopped = true;
    this.generation++;
    this.source?.close();
    this.source = null;
    if (this.timer !== null) (this.options.cancel ?? clearTimeout)(this.timer as never);
    this.timer = null;
    this.options.onStatus?.('closed');
  }

  /** The URL of the next connection: the ticket and, once something was seen, where to resume. */
  static url(ticket: string, lastId: number | null): string {
    const query = new URLSearchParams({ ticket });
    if (lastId !== null) query.set('lastEventId', String(lastId));
    return `/api/notifications/stream?${query}`;
  }

  /** The wait before reconnect attempt n (1, 2, 4 … seconds, capped). */
  static delay(attempt: number, maxMs = 15000): number {
    return Math.min(maxMs, 1000 * 2 ** Math.max(0, attempt - 1));
  }

  private async connect(): Promise<void> {
    const generation = this.generation;
    this.options.onStatus?.('connecting');
    let ticket: string;
    try {
      ticket = await this.options.ticket();
    } catch {
      if (generation === this.generation) this.retry();
      return;
    }
    if (this.stopped || generation !== this.generation) return;
    const source = this.options.open(NotificationStream.url(ticket, this.lastId));
    this.source = source;
    source.onopen = () => {
      this.attempts = 0;
      this.options.onStatus?.('open');
    };
    source.addEventListener('notification', (event) => this.receive(event));
    source.addEventListener('feed', (event) => this.receiveFeed(event));
    source.onerror = () => {
      if (this.source !== source) return;
      source.close();
      this.source = null;
      this.retry();
    };
  }

  private receive(event: MessageEvent): void {
    const seq = Number(event.lastEventId);
    if (!Number.isFinite(seq) || event.lastEventId === '') return;
    if (this.lastId !== null && seq <= this.lastId) return;
    let notification: Notification;
    try {
      notification = JSON.parse(String(event.data)) as Notification;
    } catch {
      return;
    }
    this.lastId = seq;
    this.options.onNotification(notification);
  }

  private receiveFeed(event: MessageEvent): void {
    if (!this.options.onFeed) return;
    try {
      const entry = JSON.parse(String(event.data)) as FeedEntry;
      if (entry && typeof entry.id === 'string' && entry.about) this.options.onFeed(entry);
    } catch {
      // not an entry: ignore it
    }
  }

  private retry(): void {
    if (this.stopped) return;
    this.attempts++;
    this.options.onStatus?.('connecting');
    const generation = ++this.generation;
    this.timer = (this.options.schedule ?? setTimeout)(() => {
      this.timer = null;
      if (!this.stopped && generation === this.generation) void this.connect();
    }, NotificationStream.delay(this.attempts, this.options.maxDelayMs));
  }
}
