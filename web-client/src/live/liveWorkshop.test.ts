import { describe, expect, it } from 'vitest';
import type { WorkshopSnapshot } from '../api/types';
import { joined, ONE_FOUR, rated, snapshot } from '../testing/fixtures';
import { LiveWorkshop, type LiveSource, type LiveSourceListener, type LiveView } from './liveWorkshop';

class FakeSource implements LiveSource {
  listener: LiveSourceListener | null = null;
  stopped = false;
  start(listener: LiveSourceListener): void {
    this.listener = listener;
  }
  stop(): void {
    this.stopped = true;
  }
  connect(): void {
    this.listener?.status('connected');
    this.listener?.connected();
  }
  get emit(): LiveSourceListener {
    if (!this.listener) throw new Error('not started');
    return this.listener;
  }
}

interface PendingLoad {
  resolve: (s: WorkshopSnapshot) => void;
  reject: (e: unknown) => void;
}

/** A workshop whose snapshot loads and timers the test settles by hand. */
function setUp(options: { isFatal?: (e: unknown) => boolean } = {}) {
  const source = new FakeSource();
  const loads: PendingLoad[] = [];
  const timers: Array<{ fn: () => void; ms: number; cancelled: boolean }> = [];
  const views: LiveView[] = [];
  const live = new LiveWorkshop({
    source,
    loadSnapshot: () => new Promise<WorkshopSnapshot>((resolve, reject) => loads.push({ resolve, reject })),
    onChange: (v) => views.push(v),
    schedule: (fn, ms) => {
      const timer = { fn, ms, cancelled: false };
      timers.push(timer);
      return () => {
        timer.cancelled = true;
      };
    },
    ...options,
  });
  const last = (): LiveView => {
    const view = views[views.length - 1];
    if (!view) throw new Error('no view yet');
    return view;
  };
  const settle = async (index: number, value: WorkshopSnapshot) => {
    loads[index]?.resolve(value);
    await Promise.resolve();
    await Promise.resolve();
  };
  const fail = async (index: number, error: unknown) => {
    loads[index]?.reject(error);
    await Promise.resolve();
    await Promise.resolve();
  };
  return { source, loads, timers, views, live, last, settle, fail };
}

describe('LiveWorkshop', () => {
  it('loads the snapshot at start and again after the subscription is in place', async () => {
    const t = setUp();
    t.live.start();
    expect(t.loads).toHaveLength(1);
    t.source.connect();
    expect(t.loads).toHaveLength(2);
    expect(t.last().connection).toBe('reconnecting');

    await t.settle(1, snapshot({ version: 10 }));
    expect(t.last().snapshot?.version).toBe(10);
    expect(t.last().connection).toBe('connected');
  });

  it('ignores a snapshot that an earlier load returns late', async () => {
    const t = setUp();
    t.live.start();
    t.source.connect();
    await t.settle(1, snapshot({ version: 10 }));
    await t.settle(0, snapshot({ version: 3, participantCount: 0 }));
    expect(t.last().snapshot?.version).toBe(10);
  });

  it('buffers messages while the snapshot loads and applies the newer ones on top', async () => {
    const t = setUp();
    t.live.start();
    t.source.connect();
    t.source.emit.message(joined(10, 2));
    t.source.emit.message(joined(11, 3));
    t.source.emit.message(rated(12, 'set-goals', ONE_FOUR));
    await t.settle(1, snapshot({ version: 10, participantCount: 2 }));

    const view = t.last();
    expect(view.snapshot?.version).toBe(12);
    expect(view.snapshot?.participantCount).toBe(3);
    expect(view.snapshot?.capabilities.find((c) => c.id === 'set-goals')?.rating).toEqual(ONE_FOUR);
    expect(view.connection).toBe('connected');
  });

  it('applies live messages in order and ignores duplicates', async () => {
    const t = setUp();
    t.live.start();
    t.source.connect();
    await t.settle(1, snapshot({ version: 10 }));
    t.source.emit.message(joined(11, 3));
    t.source.emit.message(joined(11, 3));
    t.source.emit.message(joined(9, 1));
    expect(t.last().snapshot?.version).toBe(11);
    expect(t.last().snapshot?.participantCount).toBe(3);
    expect(t.loads).toHaveLength(2);
  });

  it('reloads on a gap and keeps the message that revealed it', async () => {
    const t = setUp();
    t.live.start();
    t.source.connect();
    await t.settle(1, snapshot({ version: 10 }));
    t.source.emit.message(joined(12, 5));
    expect(t.loads).toHaveLength(3);
    expect(t.last().connection).toBe('reconnecting');

    // The reload raced with the message and returns version 11: the buffered 12 still applies.
    await t.settle(2, snapshot({ version: 11, participantCount: 4 }));
    expect(t.last().snapshot?.version).toBe(12);
    expect(t.last().snapshot?.participantCount).toBe(5);
    expect(t.last().connection).toBe('connected');
  });

  it('asks again later when the snapshot is still behind a gap', async () => {
    const t = setUp();
    t.live.start();
    t.source.connect();
    t.source.emit.message(joined(15, 5));
    await t.settle(1, snapshot({ version: 10 }));
    expect(t.timers).toHaveLength(1);
    expect(t.timers[0]?.ms).toBe(500);
    expect(t.last().connection).toBe('reconnecting');

    t.timers[0]?.fn();
    expect(t.loads).toHaveLength(3);
    await t.settle(2, snapshot({ version: 15, participantCount: 5 }));
    expect(t.last().snapshot?.version).toBe(15);
    expect(t.last().connection).toBe('connected');
  });

  it('reloads on every reconnect', async () => {
    const t = setUp();
    t.live.start();
    t.source.connect();
    await t.settle(1, snapshot({ version: 10 }));
    t.source.emit.status('reconnecting');
    expect(t.last().connection).toBe('reconnecting');
    t.source.connect();
    expect(t.loads).toHaveLength(3);
    await t.settle(2, snapshot({ version: 17, participantCount: 9 }));
    expect(t.last().snapshot?.participantCount).toBe(9);
    expect(t.last().connection).toBe('connected');
  });

  it('retries a failed load with back-off', async () => {
    const t = setUp();
    t.live.start();
    t.source.connect();
    await t.fail(1, new Error('network'));
    await t.fail(0, new Error('stale load, ignored'));
    expect(t.timers.map((x) => x.ms)).toEqual([500]);
    t.timers[0]?.fn();
    await t.fail(2, new Error('network'));
    expect(t.timers.map((x) => x.ms)).toEqual([500, 1000]);
    t.timers[1]?.fn();
    await t.settle(3, snapshot());
    expect(t.last().connection).toBe('connected');
  });

  it('stops on a fatal load error and reports it', async () => {
    const denied = new Error('403');
    const t = setUp({ isFatal: (e) => e === denied });
    t.live.start();
    t.source.connect();
    await t.fail(1, denied);
    expect(t.last().error).toBe(denied);
    expect(t.timers).toHaveLength(0);
  });

  it('shows offline when the transport does', async () => {
    const t = setUp();
    t.live.start();
    t.source.connect();
    await t.settle(1, snapshot());
    t.source.emit.status('offline');
    expect(t.last().connection).toBe('offline');
    expect(t.last().snapshot).not.toBeNull();
  });

  it('stops the source and reports nothing after stop', async () => {
    const t = setUp();
    t.live.start();
    t.source.connect();
    t.live.stop();
    const count = t.views.length;
    await t.settle(1, snapshot());
    t.source.emit.message(joined(11, 3));
    expect(t.source.stopped).toBe(true);
    expect(t.views).toHaveLength(count);
  });
});
