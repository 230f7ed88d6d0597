import { type FeedCursor, type FeedEvent, feedHead, hasPendingEvents, readFeed } from '@donghanh/db';
import pg from 'pg';

export type FeedListener = (events: FeedEvent[]) => void;
/** A user's sessions or scope changed (`'*'`: anyone's may have); null after being deaf a while. */
export type AccessListener = (userId: string | null) => void;

export interface TailerOptions {
  databaseUrl: string;
  /** Safety net when a NOTIFY is lost (e.g. while reconnecting). */
  pollMs?: number;
  /** How soon to look again while a written event waits for an older transaction to end. */
  pendingRetryMs?: number;
  onError?: (error: unknown) => void;
}

/**
 * Tails CaseEvent for this process: LISTEN wakes it, then it reads by cursor only rows whose
 * transaction is below the oldest running one, so a row that commits late is delivered in its
 * place instead of being skipped. Each server process runs one; no shared adapter is needed.
 */
export class CaseEventTailer {
  private readonly pool: pg.Pool;
  private listenClient: pg.Client | null = null;
  private cursor: FeedCursor = { txid: 0n, id: 0n };
  private readonly listeners = new Set<FeedListener>();
  private readonly accessListeners = new Set<AccessListener>();
  private readonly reportListeners = new Set<(reportId: string) => void>();
  private readonly notificationListeners = new Set<(userId: string) => void>();
  private reading: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private pendingTimer: NodeJS.Timeout | null = null;
  private stopped = false;
  private connected = false;

  constructor(private readonly o: TailerOptions) {
    this.pool = new pg.Pool({ connectionString: o.databaseUrl, max: 2 });
    this.pool.on('error', (e) => this.o.onError?.(e));
  }

  get position(): FeedCursor {
    return this.cursor;
  }

  get isListening(): boolean {
    return this.connected;
  }

  /** The pool the gateway uses for replays: same database, same ordering rules. */
  get db(): pg.Pool {
    return this.pool;
  }

  async start(from?: FeedCursor): Promise<void> {
    this.cursor = from ?? (await feedHead(this.pool));
    await this.listen();
    this.timer = setInterval(() => this.wake(), this.o.pollMs ?? 2000);
    this.wake();
  }

  subscribe(listener: FeedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Sign-outs, disabled accounts, role and unit changes, from any server process: triggers
   * NOTIFY `access_changed` with the user's id when the change commits.
   */
  onAccessChanged(listener: AccessListener): () => void {
    this.accessListeners.add(listener);
    return () => this.accessListeners.delete(listener);
  }

  /** A school's report changed (report rounds): NOTIFY `report_event` with the report's id. */
  onReportEvent(listener: (reportId: string) => void): () => void {
    this.reportListeners.add(listener);
    return () => this.reportListeners.delete(listener);
  }

  /** A new notification (bell item) for a user, from any process: NOTIFY `notification_new`. */
  onNotification(listener: (userId: string) => void): () => void {
    this.notificationListeners.add(listener);
    return () => this.notificationListeners.delete(listener);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.pendingTimer) clearTimeout(this.pendingTimer);
    await this.reading?.catch(() => {});
    await this.listenClient?.end().catch(() => {});
    await this.pool.end().catch(() => {});
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.o.databaseUrl });
    client.on('notification', (n) => {
      if (n.channel === 'access_changed') for (const l of this.accessListeners) l(n.payload ?? null);
      else if (n.channel === 'report_event') {
        for (const l of this.reportListeners) if (n.payload) l(n.payload);
      } else if (n.channel === 'notification_new') {
        for (const l of this.notificationListeners) if (n.payload) l(n.payload);
      } else this.wake();
    });
    client.on('error', (e) => {
      this.o.onError?.(e);
      this.reconnect(client);
    });
    client.on('end', () => this.reconnect(client));
    await client.connect();
    await client.query('LISTEN case_event');
    await client.query('LISTEN access_changed');
    // Report rounds (issue 12): a school's report changed (payload: its id).
    await client.query('LISTEN report_event');
    await client.query('LISTEN notification_new');
    this.listenClient = client;
    this.connected = true;
  }

  private reconnect(client: pg.Client): void {
    if (this.listenClient !== client || this.stopped) return;
    this.connected = false;
    this.listenClient = null;
    const retry = () => {
      if (this.stopped) return;
      this.listen()
        .then(() => {
          this.wake(); // catch up on whatever was written while deaf
          for (const l of this.accessListeners) l(null); // and re-check every socket
        })
        .catch((e) => {
          this.o.onError?.(e);
          setTimeout(retry, 1000);
        });
    };
    setTimeout(retry, 250);
  }

  /** Coalesces wake-ups: at most one read runs, and one more follows if woken meanwhile. */
  wake(): void {
    if (this.stopped) return;
    if (this.reading) {
      this.again = true;
      return;
    }
    this.reading = this.drain()
      .catch((e) => this.o.onError?.(e))
      .finally(() => {
        this.reading = null;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  private async drain(): Promise<void> {
    for (;;) {
      const { events, next, more } = await readFeed(this.pool, this.cursor);
      this.cursor = next;
      if (events.length > 0) for (const l of this.listeners) l(events);
      if (!more) break;
    }
    // A written row behind an older open transaction: no NOTIFY will come when that older
    // transaction ends, so look again shortly.
    if (!this.pendingTimer && (await hasPendingEvents(this.pool, this.cursor))) {
      this.pendingTimer = setTimeout(() => {
        this.pendingTimer = null;
        this.wake();
      }, this.o.pendingRetryMs ?? 50);
    }
  }
}
