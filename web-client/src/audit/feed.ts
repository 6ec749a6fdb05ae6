import type { AuditPushedMessage, AuditTrail } from '../api/types';
import type { LiveSource, TransportStatus } from '../live/liveWorkshop';
import { adoptPage, appendOlder, applyPushed, type AuditFilter, type AuditScope, type TrailState } from './trail';

export interface AuditFeedView {
  trail: TrailState | null;
  live: TransportStatus;
  loadingOlder: boolean;
  error: unknown;
}

export interface AuditFeedOptions {
  scope: AuditScope;
  filter: AuditFilter;
  source: LiveSource<AuditPushedMessage>;
  /** The newest page (`before` null) or an older one. */
  load: (before: number | null) => Promise<AuditTrail>;
  onChange: (view: AuditFeedView) => void;
}

/**
 * One trail on screen, kept current like a workshop: subscribe first, then load the newest
 * page, then apply pushed lines on top of it; reload on every (re)connect and on a gap.
 */
export class AuditFeed {
  private trail: TrailState | null = null;
  private live: TransportStatus = 'connecting';
  private loading = false;
  private loadingOlder = false;
  private error: unknown = null;
  private buffer: AuditPushedMessage[] = [];
  private loadSeq = 0;
  private stopped = false;

  constructor(private readonly options: AuditFeedOptions) {}

  start(): void {
    this.options.source.start({
      status: (status) => {
        this.live = status;
        this.emit();
      },
      connected: () => this.reload(),
      message: (msg) => this.receive(msg),
    });
    this.reload();
  }

  stop(): void {
    this.stopped = true;
    this.options.source.stop();
  }

  /** Loads the page below the lines held. */
  older(): void {
    const trail = this.trail;
    if (!trail || trail.nextBefore === null || this.loadingOlder) return;
    const seq = this.loadSeq;
    this.loadingOlder = true;
    this.emit();
    this.options.load(trail.nextBefore).then(
      (page) => {
        this.loadingOlder = false;
        if (seq === this.loadSeq && this.trail) this.trail = appendOlder(this.trail, page);
        this.emit();
      },
      (error: unknown) => {
        this.loadingOlder = false;
        this.error = error;
        this.emit();
      },
    );
  }

  view(): AuditFeedView {
    return { trail: this.trail, live: this.live, loadingOlder: this.loadingOlder, error: this.error };
  }

  private receive(msg: AuditPushedMessage): void {
    if (this.stopped) return;
    if (this.loading || !this.trail) {
      this.buffer.push(msg);
      return;
    }
    const result = applyPushed(this.trail, msg, this.options.filter, this.options.scope);
    if (result.needsReload) {
      this.reload();
    } else if (result.state !== this.trail) {
      this.trail = result.state;
      this.emit();
    }
  }

  private reload(): void {
    if (this.stopped) return;
    const seq = ++this.loadSeq;
    this.loading = true;
    this.options.load(null).then(
      (page) => {
        if (seq !== this.loadSeq || this.stopped) return;
        let trail = adoptPage(page);
        for (const msg of this.buffer.sort((a, b) => a.version - b.version)) {
          trail = applyPushed(trail, msg, this.options.filter, this.options.scope).state;
        }
        this.buffer = [];
        this.trail = trail;
        this.loading = false;
        this.error = null;
        this.emit();
      },
      (error: unknown) => {
        if (seq !== this.loadSeq || this.stopped) return;
        this.loading = false;
        this.error = error;
        this.emit();
      },
    );
  }

  private emit(): void {
    if (!this.stopped) this.options.onChange(this.view());
  }
}
