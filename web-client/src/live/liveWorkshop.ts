import type { ReceivedMessage, WorkshopSnapshot } from '../api/types';
import { adoptSnapshot, applyMessage, applyMessages } from './reconcile';

/** What the transport reports about its connection. */
export type TransportStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline';

/** What a screen shows about being live: only `connected` once the view is up to date. */
export type ConnectionState = 'connected' | 'reconnecting' | 'offline';

export interface LiveSourceListener<M = ReceivedMessage> {
  status(status: TransportStatus): void;
  /** Called after every (re)connect, once the subscription is in place. */
  connected(): void;
  message(msg: M): void;
}

/** The live connection as the workshop state needs it; LiveTransport is the real one. */
export interface LiveSource<M = ReceivedMessage> {
  start(listener: LiveSourceListener<M>): void;
  stop(): void;
}

export interface LiveView {
  snapshot: WorkshopSnapshot | null;
  connection: ConnectionState;
  /** A load failure that retrying will not mend (e.g. 403, 404). */
  error: unknown;
}

export interface LiveWorkshopOptions {
  source: LiveSource;
  loadSnapshot: () => Promise<WorkshopSnapshot>;
  onChange: (view: LiveView) => void;
  isFatal?: (error: unknown) => boolean;
  schedule?: (fn: () => void, ms: number) => () => void;
}

const MAX_BUFFERED = 1000;
const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 8000;

function defaultSchedule(fn: () => void, ms: number): () => void {
  const handle = setTimeout(fn, ms);
  return () => clearTimeout(handle);
}

/**
 * Keeps one workshop's state current: subscribe first, then load the snapshot, then apply
 * messages newer than it; reload on every (re)connect and on a gap. Messages that arrive
 * while a snapshot is loading are buffered and applied on top of it.
 */
export class LiveWorkshop {
  private snapshot: WorkshopSnapshot | null = null;
  private transportStatus: TransportStatus = 'connecting';
  private loading = false;
  private error: unknown = null;
  private buffer: ReceivedMessage[] = [];
  private loadSeq = 0;
  private retries = 0;
  private cancelRetry: (() => void) | null = null;
  private stopped = false;
  private readonly schedule: (fn: () => void, ms: number) => () => void;
  private readonly isFatal: (error: unknown) => boolean;

  constructor(private readonly options: LiveWorkshopOptions) {
    this.schedule = options.schedule ?? defaultSchedule;
    this.isFatal = options.isFatal ?? (() => false);
  }

  start(): void {
    this.options.source.start({
      status: (status) => {
        this.transportStatus = status;
        this.emit();
      },
      connected: () => this.reload(),
      message: (msg) => this.receive(msg),
    });
    // Shows the workshop while the socket is still connecting; the connect reloads it anyway.
    this.reload();
  }

  stop(): void {
    this.stopped = true;
    this.cancelRetry?.();
    this.options.source.stop();
  }

  view(): LiveView {
    return { snapshot: this.snapshot, connection: this.connection(), error: this.error };
  }

  private connection(): ConnectionState {
    if (this.transportStatus === 'offline') return 'offline';
    if (this.transportStatus === 'connected' && !this.loading && this.snapshot) return 'connected';
    return 'reconnecting';
  }

  private receive(msg: ReceivedMessage): void {
    if (this.stopped) return;
    if (this.loading || !this.snapshot) {
      this.bufferMessage(msg);
      return;
    }
    const result = applyMessage(this.snapshot, msg);
    if (result.needsReload) {
      this.bufferMessage(msg);
      this.reload();
    } else if (result.state !== this.snapshot) {
      this.snapshot = result.state;
      this.emit();
    }
  }

  private bufferMessage(msg: ReceivedMessage): void {
    this.buffer.push(msg);
    if (this.buffer.length > MAX_BUFFERED) this.buffer.shift();
  }

  private reload(): void {
    if (this.stopped) return;
    this.cancelRetry?.();
    this.cancelRetry = null;
    const seq = ++this.loadSeq;
    this.loading = true;
    this.emit();
    this.options.loadSnapshot().then(
      (loaded) => {
        if (seq !== this.loadSeq || this.stopped) return;
        const result = applyMessages(adoptSnapshot(this.snapshot, loaded), this.buffer);
        this.snapshot = result.state;
        this.buffer = result.pending;
        this.error = null;
        if (result.needsReload) {
          // The snapshot is behind messages already seen: ask again a little later.
          this.retryLater();
        } else {
          this.loading = false;
          this.retries = 0;
        }
        this.emit();
      },
      (error: unknown) => {
        if (seq !== this.loadSeq || this.stopped) return;
        if (this.isFatal(error)) {
          this.error = error;
          this.loading = false;
          this.emit();
        } else {
          this.retryLater();
        }
      },
    );
  }

  private retryLater(): void {
    const delay = Math.min(FIRST_RETRY_MS * 2 ** this.retries, MAX_RETRY_MS);
    this.retries++;
    this.cancelRetry = this.schedule(() => this.reload(), delay);
  }

  private emit(): void {
    if (!this.stopped) this.options.onChange(this.view());
  }
}
