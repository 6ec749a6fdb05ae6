import { Client, ReconnectionTimeMode, type IMessage, type StompConfig } from '@stomp/stompjs';
import type { ReceivedMessage } from '../api/types';
import type { LiveSource, LiveSourceListener, TransportStatus } from './liveWorkshop';
import { parseLiveMessage } from './messages';

/** The part of a STOMP client this transport uses, so tests can stand in for it. */
export interface StompClientLike {
  activate(): void;
  deactivate(): Promise<void>;
  subscribe(destination: string, callback: (message: IMessage) => void): unknown;
}

export interface LiveTransportOptions<M = ReceivedMessage> {
  brokerURL: string;
  token: string;
  workshopId: string;
  /** Another stream than the workshop's topic, e.g. an audit stream; needs `parse` for its messages. */
  stream?: { topic: string; parse: (body: string) => M | null };
  createClient?: (config: StompConfig) => StompClientLike;
  /** Window-like source of online/offline events; none outside a browser. */
  network?: NetworkEvents | null;
}

export interface NetworkEvents {
  isOnline(): boolean;
  onChange(callback: () => void): () => void;
}

/** Consecutive failed connection attempts after which the screen says "offline". */
const FAILURES_BEFORE_OFFLINE = 3;

export function brokerUrlFor(location: { protocol: string; host: string }): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
}

export function topicFor(workshopId: string): string {
  return `/topic/workshops.${workshopId}`;
}

function browserNetwork(): NetworkEvents | null {
  if (typeof window === 'undefined') return null;
  return {
    isOnline: () => navigator.onLine,
    onChange(callback) {
      window.addEventListener('online', callback);
      window.addEventListener('offline', callback);
      return () => {
        window.removeEventListener('online', callback);
        window.removeEventListener('offline', callback);
      };
    },
  };
}

/**
 * Owns the one STOMP connection of a live screen: connects with the bearer token,
 * subscribes to the workshop's topic on every (re)connect, reconnects with back-off and
 * heart-beats, and reports status and parsed messages to its listener.
 */
export class LiveTransport<M = ReceivedMessage> implements LiveSource<M> {
  private client: StompClientLike | null = null;
  private listener: LiveSourceListener<M> | null = null;
  private failures = 0;
  private connected = false;
  private stopNetworkWatch: (() => void) | null = null;
  private readonly network: NetworkEvents | null;

  private readonly topic: string;
  private readonly parse: (body: string) => M | null;

  constructor(private readonly options: LiveTransportOptions<M>) {
    this.network = options.network === undefined ? browserNetwork() : options.network;
    this.topic = options.stream?.topic ?? topicFor(options.workshopId);
    // Without a stream of its own, M is the default: the workshop topic's messages.
    this.parse = options.stream?.parse ?? (parseLiveMessage as (body: string) => M | null);
  }

  start(listener: LiveSourceListener<M>): void {
    if (this.client) throw new Error('LiveTransport already started');
    this.listener = listener;
    const config: StompConfig = {
      brokerURL: this.options.brokerURL,
      connectHeaders: { Authorization: `Bearer ${this.options.token}` },
      heartbeatIncoming: 10000,
      heartbeatOutgoing: 10000,
      connectionTimeout: 10000,
      reconnectDelay: 1000,
      maxReconnectDelay: 30000,
      reconnectTimeMode: ReconnectionTimeMode.EXPONENTIAL,
      onConnect: () => this.handleConnect(),
      onWebSocketClose: () => this.handleClose(),
      onStompError: (frame) => {
        // The server refuses a bad token or a foreign topic with an ERROR frame; the socket
        // then closes and the client retries, while HTTP calls surface the real cause (401/403).
        console.warn('STOMP error', frame.headers['message'] ?? '', frame.body);
      },
    };
    const client = this.options.createClient ? this.options.createClient(config) : new Client(config);
    this.client = client;
    this.stopNetworkWatch = this.network?.onChange(() => this.report()) ?? null;
    this.report();
    client.activate();
  }

  stop(): void {
    this.stopNetworkWatch?.();
    this.stopNetworkWatch = null;
    const client = this.client;
    this.client = null;
    this.listener = null;
    if (client) void client.deactivate();
  }

  private handleConnect(): void {
    const client = this.client;
    const listener = this.listener;
    if (!client || !listener) return;
    this.failures = 0;
    this.connected = true;
    client.subscribe(this.topic, (frame) => {
      const msg = this.parse(frame.body);
      if (msg) this.listener?.message(msg);
      else console.warn('Ignoring malformed live message', frame.body);
    });
    // Subscribed first, so the snapshot the listener now loads cannot miss a message.
    listener.connected();
    this.report();
  }

  private handleClose(): void {
    if (!this.client) return;
    // A dropped connection counts as the first failure, so it reads "reconnecting".
    this.failures++;
    this.connected = false;
    this.report();
  }

  private status(): TransportStatus {
    if (this.connected) return 'connected';
    if (this.network && !this.network.isOnline()) return 'offline';
    if (this.failures >= FAILURES_BEFORE_OFFLINE) return 'offline';
    return this.failures === 0 ? 'connecting' : 'reconnecting';
  }

  private report(): void {
    this.listener?.status(this.status());
  }
}
