import { describe, expect, it } from 'vitest';
import { FrameImpl, type IMessage, type StompConfig } from '@stomp/stompjs';
import type { ReceivedMessage } from '../api/types';
import type { LiveSourceListener, TransportStatus } from './liveWorkshop';
import { brokerUrlFor, LiveTransport, TopicTransport, topicFor, type NetworkEvents, type StompClientLike } from './transport';

class FakeClient implements StompClientLike {
  active = false;
  subscriptions: Array<{ destination: string; callback: (m: IMessage) => void }> = [];
  constructor(readonly config: StompConfig) {}
  activate(): void {
    this.active = true;
  }
  deactivate(): Promise<void> {
    this.active = false;
    return Promise.resolve();
  }
  subscribe(destination: string, callback: (m: IMessage) => void): unknown {
    this.subscriptions.push({ destination, callback });
    return {};
  }
  deliver(body: string): void {
    const frame = new FrameImpl({ command: 'MESSAGE', headers: {}, body });
    const message: IMessage = Object.assign(frame, { ack: () => undefined, nack: () => undefined });
    for (const s of this.subscriptions) s.callback(message);
  }
  connect(): void {
    this.config.onConnect?.(new FrameImpl({ command: 'CONNECTED', headers: {} }));
  }
  close(): void {
    this.config.onWebSocketClose?.({ code: 1006 });
  }
}

class FakeNetwork implements NetworkEvents {
  online = true;
  private callback: (() => void) | null = null;
  isOnline(): boolean {
    return this.online;
  }
  onChange(callback: () => void): () => void {
    this.callback = callback;
    return () => {
      this.callback = null;
    };
  }
  set(online: boolean): void {
    this.online = online;
    this.callback?.();
  }
}

function setUp() {
  let client: FakeClient | null = null;
  const events: string[] = [];
  const statuses: TransportStatus[] = [];
  const messages: ReceivedMessage[] = [];
  const network = new FakeNetwork();
  const transport = new LiveTransport({
    brokerURL: 'ws://localhost/ws',
    token: 'tok',
    workshopId: 'w1',
    network,
    createClient: (config) => {
      client = new FakeClient(config);
      return client;
    },
  });
  const listener: LiveSourceListener = {
    status: (s) => {
      statuses.push(s);
      events.push(`status:${s}`);
    },
    connected: () => events.push('connected'),
    message: (m) => messages.push(m),
  };
  transport.start(listener);
  const stomp = (): FakeClient => {
    if (!client) throw new Error('no client');
    return client;
  };
  return { transport, stomp, events, statuses, messages, network };
}

describe('LiveTransport', () => {
  it('connects with the bearer token, heart-beats and back-off', () => {
    const t = setUp();
    const config = t.stomp().config;
    expect(t.stomp().active).toBe(true);
    expect(config.brokerURL).toBe('ws://localhost/ws');
    expect(config.connectHeaders).toEqual({ Authorization: 'Bearer tok' });
    expect(config.heartbeatIncoming).toBe(10000);
    expect(config.heartbeatOutgoing).toBe(10000);
    expect(config.reconnectDelay).toBeGreaterThan(0);
    expect(config.maxReconnectDelay).toBeGreaterThan(config.reconnectDelay ?? 0);
    expect(t.statuses).toEqual(['connecting']);
  });

  it('subscribes to the workshop topic before telling the listener it is connected', () => {
    const t = setUp();
    t.stomp().connect();
    expect(t.stomp().subscriptions.map((s) => s.destination)).toEqual(['/topic/workshops.w1']);
    expect(t.events).toEqual(['status:connecting', 'connected', 'status:connected']);
  });

  it('passes parsed messages on and drops malformed ones', () => {
    const t = setUp();
    t.stomp().connect();
    t.stomp().deliver('{"type":"participant.joined","version":2,"participantCount":1,"participant":{"id":"p"}}');
    t.stomp().deliver('not json');
    expect(t.messages.map((m) => m.version)).toEqual([2]);
  });

  it('reports reconnecting after a drop and offline after repeated failures', () => {
    const t = setUp();
    const close = () => t.stomp().close();
    t.stomp().connect();
    close();
    expect(t.statuses.at(-1)).toBe('reconnecting');
    close();
    expect(t.statuses.at(-1)).toBe('reconnecting');
    close();
    expect(t.statuses.at(-1)).toBe('offline');
    t.stomp().connect();
    expect(t.statuses.at(-1)).toBe('connected');
  });

  it('reports offline when the browser goes offline', () => {
    const t = setUp();
    t.stomp().close();
    t.network.set(false);
    expect(t.statuses.at(-1)).toBe('offline');
    t.network.set(true);
    expect(t.statuses.at(-1)).toBe('reconnecting');
  });

  it('deactivates the client and goes quiet on stop', () => {
    const t = setUp();
    const client = t.stomp();
    t.transport.stop();
    expect(client.active).toBe(false);
    const count = t.statuses.length;
    client.close();
    expect(t.statuses).toHaveLength(count);
  });
});

describe('TopicTransport on a stream of its own', () => {
  it('subscribes to that stream and reads its messages with its parser', () => {
    let client: FakeClient | null = null;
    const received: string[] = [];
    const transport = new TopicTransport<string>({
      brokerURL: 'ws://localhost/ws',
      token: 'tok',
      network: null,
      topic: '/topic/projects.p1.audit',
      parse: (body) => (body.startsWith('ok') ? body : null),
      createClient: (config) => {
        client = new FakeClient(config);
        return client;
      },
    });
    transport.start({ status: () => undefined, connected: () => undefined, message: (m) => received.push(m) });
    const stomp = client as FakeClient | null;
    if (!stomp) throw new Error('no client');
    stomp.connect();
    stomp.deliver('ok 1');
    stomp.deliver('bad');
    expect(stomp.subscriptions.map((s) => s.destination)).toEqual(['/topic/projects.p1.audit']);
    expect(received).toEqual(['ok 1']);
  });
});

describe('addresses', () => {
  it.each([
    { protocol: 'http:', host: 'localhost:8080', expected: 'ws://localhost:8080/ws' },
    { protocol: 'https:', host: 'samverka.example', expected: 'wss://samverka.example/ws' },
  ])('$protocol → $expected', ({ protocol, host, expected }) => {
    expect(brokerUrlFor({ protocol, host })).toBe(expected);
  });

  it('names the workshop topic', () => {
    expect(topicFor('abc')).toBe('/topic/workshops.abc');
  });
});
