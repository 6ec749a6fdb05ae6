import { describe, expect, it } from 'vitest';
import type { AuditPushedMessage, AuditTrail } from '../api/types';
import type { LiveSource, LiveSourceListener } from '../live/liveWorkshop';
import { AuditFeed, type AuditFeedView } from './feed';
import { auditLine as line } from '../testing/fixtures';
import { NO_FILTER } from './trail';

class FakeSource implements LiveSource<AuditPushedMessage> {
  listener: LiveSourceListener<AuditPushedMessage> | null = null;
  start(listener: LiveSourceListener<AuditPushedMessage>): void {
    this.listener = listener;
  }
  stop(): void {
    this.listener = null;
  }
  push(version: number): void {
    this.listener?.message({ type: 'audit.entry', version, entry: line(version) });
  }
}

interface Pending {
  before: number | null;
  resolve: (page: AuditTrail) => void;
}

function setUp() {
  const source = new FakeSource();
  const loads: Pending[] = [];
  const views: AuditFeedView[] = [];
  const feed = new AuditFeed({
    scope: { kind: 'project', projectId: 'p1', workshopId: null },
    filter: NO_FILTER,
    source,
    load: (before) => new Promise((resolve) => loads.push({ before, resolve })),
    onChange: (view) => views.push(view),
  });
  feed.start();
  const last = () => views.at(-1)?.trail?.entries.map((e) => e.sequence) ?? null;
  return { feed, source, loads, last };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function page(latest: number, sequences: number[], nextBefore: number | null): AuditTrail {
  return { projectId: 'p1', workshopId: null, latest, entries: sequences.map((s) => line(s)), nextBefore };
}

describe('AuditFeed', () => {
  it('loads the newest page, keeps lines pushed meanwhile, then applies new ones on top', async () => {
    const t = setUp();
    t.source.push(4);
    t.loads[0]?.resolve(page(3, [3, 2], 2));
    await flush();
    expect(t.last()).toEqual([4, 3, 2]);
    t.source.push(5);
    expect(t.last()).toEqual([5, 4, 3, 2]);
  });

  it('reloads after a gap and on every reconnect', async () => {
    const t = setUp();
    t.loads[0]?.resolve(page(3, [3], null));
    await flush();
    t.source.push(6);
    expect(t.loads).toHaveLength(2);
    t.source.listener?.connected();
    expect(t.loads).toHaveLength(3);
    t.loads[2]?.resolve(page(6, [6, 5, 4, 3], null));
    t.loads[1]?.resolve(page(5, [5], null));
    await flush();
    expect(t.last()).toEqual([6, 5, 4, 3]);
  });

  it('pages towards the start', async () => {
    const t = setUp();
    t.loads[0]?.resolve(page(4, [4, 3], 3));
    await flush();
    t.feed.older();
    expect(t.loads[1]?.before).toBe(3);
    t.loads[1]?.resolve(page(4, [2, 1], null));
    await flush();
    expect(t.last()).toEqual([4, 3, 2, 1]);
    t.feed.older();
    expect(t.loads).toHaveLength(2);
  });
});
