package se.samverka.query.live;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.SmartLifecycle;
import org.springframework.messaging.simp.stomp.ReactorNettyTcpStompClient;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompReactorNettyCodec;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.messaging.tcp.reactor.ReactorNettyTcpClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeTypeUtils;

/**
 * Carries live pushes between query nodes through RabbitMQ's STOMP adapter, with one STOMP
 * session per node whatever the number of clients. Clients stay on the node's in-process broker
 * (as with one node); this node publishes each push of {@link LivePublisher} once, and subscribes
 * once to every workshop and project topic ({@code #} on RabbitMQ's topic exchange), handing each
 * push it receives to this node's {@link LiveFanOut}. So RabbitMQ sends a push once per node,
 * not once per client, and each node writes its frames once for its own clients. Spring's broker relay, used before,
 * opened a RabbitMQ session per client: with 500 clients on two nodes every push left RabbitMQ
 * 500 times and crossed each node twice, and the relay path collapsed (docs/benchmarks.md).
 *
 * <p>A node's own pushes come back to it through RabbitMQ too, so every client, on whichever
 * node, gets one stream in one order, and a node never serves its clients half of the pushes
 * (those whose segments it holds) while RabbitMQ is away.
 *
 * <p>Each node also tells the others, once a second, how many of its sessions follow the
 * workshops it was sent pushes for ({@link FollowerReports}), so the node that publishes a
 * workshop's pushes paces them for the node with most followers of it, not for itself alone.
 *
 * <p>When RabbitMQ is lost the relay reconnects with growing pauses; pushes made meanwhile are
 * lost, and the relay's health is down. Clients stay connected and mend on their next push: a
 * version gap makes them load the snapshot again.
 */
@Component("relay")
@ConditionalOnExpression("!'${samverka.stomp.relay.host:}'.isBlank()")
public class NodeRelay implements SmartLifecycle, HealthIndicator {
    /** Where the nodes report their followers to each other; no client follows it. */
    private static final String FOLLOWERS = "/topic/nodes.followers";
    /**
     * RabbitMQ's {@code #} matches any number of dotted words: every workshop's and project's
     * streams; and the nodes' follower reports.
     */
    private static final List<String> SUBSCRIPTIONS = List.of(LivePublisher.TOPIC_PREFIX + "#",
            LivePublisher.PROJECT_TOPIC_PREFIX + "#", FOLLOWERS);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(1);
    /** A half-open connection (RabbitMQ's host gone without a goodbye) is noticed within about three beats. */
    private static final long HEARTBEAT_MILLIS = 10_000;
    private static final Duration FIRST_RETRY = Duration.ofMillis(500);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(10);
    /** Pushes waiting for RabbitMQ to read them; past this they are lost, not waited for. */
    private static final int WAITING_PUSHES = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(NodeRelay.class);

    private final LiveFanOut fanOut;
    private final String host;
    private final int port;
    private final String login;
    private final String passcode;
    private final String virtualHost;
    private final AtomicLong sessions = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();
    private final FollowerReports reports = new FollowerReports(UUID.randomUUID().toString());
    /** Workshop topics this node was sent pushes for since its last report, with their followers here. */
    private final Map<String, Integer> delivered = new ConcurrentHashMap<>();
    private final StompFrameHandler received = new StompFrameHandler() {
        @Override
        public Class<?> getPayloadType(StompHeaders headers) {
            return byte[].class;
        }

        @Override
        public void handleFrame(StompHeaders headers, Object payload) {
            if (!(payload instanceof byte[] body)) {
                return;
            }
            String destination = headers.getDestination();
            if (FOLLOWERS.equals(destination)) {
                try {
                    reports.received(body, System.nanoTime());
                } catch (IllegalArgumentException e) {
                    LOG.warn("a follower report from another node was not read: {}", e.getMessage());
                }
                return;
            }
            // A push from RabbitMQ, to this node's subscribers of its destination.
            int followers = fanOut.deliver(destination, body);
            if (followers > 0 && isWorkshopTopic(destination)) {
                delivered.put(destination, followers);
            }
        }
    };
    private ThreadPoolTaskScheduler scheduler;
    private ExecutorService sender;
    private ReactorNettyTcpStompClient client;
    private volatile Attempt current;
    private Duration retry = FIRST_RETRY;
    private boolean running;

    public NodeRelay(LiveFanOut fanOut,
                     @Value("${samverka.stomp.relay.host}") String host,
                     @Value("${samverka.stomp.relay.port:61613}") int port,
                     @Value("${samverka.stomp.relay.login:guest}") String login,
                     @Value("${samverka.stomp.relay.passcode:guest}") String passcode,
                     @Value("${samverka.stomp.relay.virtual-host:}") String virtualHost) {
        this.fanOut = fanOut;
        this.host = host;
        this.port = port;
        this.login = login;
        this.passcode = passcode;
        this.virtualHost = virtualHost;
    }

    /**
     * Sends a push to every node's subscribers of {@code destination}, this node's included,
     * its body written as {@link LiveFanOut} writes it. Pushes leave in the order given, from a
     * thread of their own: Spring's STOMP session waits until each frame is written, and a
     * projection must not wait for RabbitMQ (a stalled broker, one under flow control). Without
     * a session to RabbitMQ, or with {@value #WAITING_PUSHES} pushes waiting, a push is lost
     * (counted in the health details), as a push to a client that is away is.
     */
    public void publish(String destination, Object payload) {
        byte[] body = fanOut.json(payload);
        try {
            sender.execute(() -> send(destination, body));
        } catch (RejectedExecutionException full) {
            lost.incrementAndGet();
        }
    }

    private void send(String destination, byte[] body) {
        if (!sent(destination, body)) {
            lost.incrementAndGet();
        }
    }

    /** False when there is no session to RabbitMQ to send on. */
    private boolean sent(String destination, byte[] body) {
        Attempt attempt = current;
        StompSession session = attempt == null ? null : attempt.session;
        if (session == null || !session.isConnected()) {
            return false;
        }
        StompHeaders headers = new StompHeaders();
        headers.setDestination(destination);
        headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
        try {
            session.send(headers, body);
            return true;
        } catch (RuntimeException closedMeanwhile) {
            return false;
        }
    }

    /**
     * The most sessions another query node reported following {@code destination} in the last few
     * seconds (0 if none did): what {@link LivePublisher} paces a busy workshop for.
     */
    public int followersElsewhere(String destination) {
        return reports.elsewhere(destination, System.nanoTime());
    }

    /**
     * Tells the other nodes this node's followers of the workshops it was sent pushes for since
     * the last report; nothing when there were none. A report that finds RabbitMQ away is dropped
     * (the next one follows in a second), and is not counted as a lost push.
     */
    private void report() {
        Map<String, Integer> followers = new TreeMap<>();
        for (String destination : delivered.keySet()) {
            Integer count = delivered.remove(destination);
            if (count != null) {
                followers.put(destination, count);
            }
        }
        if (!followers.isEmpty()) {
            byte[] report = reports.report(followers);
            try {
                sender.execute(() -> sent(FOLLOWERS, report));
            } catch (RejectedExecutionException full) {
                // RabbitMQ is not keeping up with the pushes themselves: the report waits for the next second.
            }
        }
    }

    /** A workshop's own topic ({@code /topic/workshops.{id}}), not one of its further streams. */
    private static boolean isWorkshopTopic(String destination) {
        return destination != null && destination.startsWith(LivePublisher.TOPIC_PREFIX)
                && destination.indexOf('.', LivePublisher.TOPIC_PREFIX.length()) < 0;
    }

    @Override
    public Health health() {
        Attempt attempt = current;
        Health.Builder health = attempt != null && attempt.subscribed ? Health.up() : Health.down();
        return health.withDetail("broker", host + ":" + port)
                .withDetail("sessions", sessions.get())
                .withDetail("lostPushes", lost.get())
                .withDetail("followersElsewhere", reports.elsewhere(System.nanoTime()))
                .build();
    }

    @Override
    public synchronized void start() {
        scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix("stomp-relay-");
        scheduler.initialize();
        sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(WAITING_PUSHES),
                runnable -> {
                    Thread thread = new Thread(runnable, "stomp-relay-sender");
                    thread.setDaemon(true);
                    return thread;
                });
        // The TCP client is given explicitly: Spring's default looks for Reactor Netty's HTTP
        // client, which this service does not carry; the TCP core it needs is here.
        client = new ReactorNettyTcpStompClient(new ReactorNettyTcpClient<>(host, port, new StompReactorNettyCodec()));
        // Receipts confirm the subscriptions (and need a scheduler for their time limit).
        client.setTaskScheduler(scheduler);
        client.setDefaultHeartbeat(new long[] {HEARTBEAT_MILLIS, HEARTBEAT_MILLIS});
        running = true;
        scheduler.scheduleAtFixedRate(() -> {
            try {
                report();
            } catch (RuntimeException e) {
                // A task of a fixed rate that throws is never run again.
                LOG.warn("could not report this node's followers", e);
            }
        }, REPORT_EVERY);
        connect();
    }

    @Override
    public void stop() {
        Attempt attempt;
        synchronized (this) {
            running = false;
            attempt = current;
            current = null;
        }
        // Outside the lock: shutting the client down waits for Netty's threads, which may be waiting for it.
        if (attempt != null) {
            attempt.close();
        }
        sender.shutdownNow();
        client.shutdown();
        scheduler.shutdown();
    }

    @Override
    public synchronized boolean isRunning() {
        return running;
    }

    private synchronized void connect() {
        if (!running) {
            return;
        }
        Attempt attempt = new Attempt();
        current = attempt;
        StompHeaders headers = new StompHeaders();
        headers.setLogin(login);
        headers.setPasscode(passcode);
        if (!virtualHost.isBlank()) {
            headers.setHost(virtualHost);
        }
        // A refused or failed connection reaches the attempt's handleTransportError, which retries.
        client.connectAsync(headers, attempt);
    }

    private synchronized void retryLater(Throwable cause) {
        if (!running) {
            return;
        }
        LOG.warn("relay to RabbitMQ at {}:{} down ({}); pushes are lost until it is back, trying again in {} ms",
                host, port, cause.toString(), retry.toMillis());
        scheduler.schedule(this::connect, Instant.now().plus(retry));
        retry = retry.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : retry.multipliedBy(2);
    }

    private synchronized void relaying() {
        retry = FIRST_RETRY;
        LOG.info("relay to RabbitMQ at {}:{} subscribed (session {})", host, port, sessions.get());
    }

    /** One session with RabbitMQ, from CONNECT until it ends, once, and the relay tries again. */
    private final class Attempt extends StompSessionHandlerAdapter {
        private final AtomicBoolean ended = new AtomicBoolean();
        private final AtomicInteger receipts = new AtomicInteger();
        volatile StompSession session;
        volatile boolean subscribed;

        @Override
        public void afterConnected(StompSession connected, StompHeaders headers) {
            session = connected;
            sessions.incrementAndGet();
            for (int i = 0; i < SUBSCRIPTIONS.size(); i++) {
                String destination = SUBSCRIPTIONS.get(i);
                StompHeaders subscribe = new StompHeaders();
                subscribe.setDestination(destination);
                subscribe.setReceipt("subscribed-" + i);
                StompSession.Subscription subscription = connected.subscribe(subscribe, received);
                subscription.addReceiptTask(() -> {
                    if (receipts.incrementAndGet() == SUBSCRIPTIONS.size() && !ended.get()) {
                        subscribed = true;
                        relaying();
                    }
                });
                subscription.addReceiptLostTask(() -> end(new IllegalStateException("no receipt for " + destination)));
            }
        }

        @Override
        public Class<?> getPayloadType(StompHeaders headers) {
            return byte[].class;
        }

        /**
         * An ERROR frame: RabbitMQ refused the session (a virtual host gone, a wrong password) or
         * cancelled a subscription (its queue deleted). Either way this session no longer carries
         * every push, so it ends here rather than when RabbitMQ gets round to closing it.
         */
        @Override
        public void handleFrame(StompHeaders headers, Object payload) {
            end(new IllegalStateException("RabbitMQ: " + headers.getFirst("message")));
        }

        @Override
        public void handleException(StompSession failed, StompCommand command, StompHeaders headers, byte[] payload,
                                    Throwable exception) {
            if (command == StompCommand.MESSAGE) {
                LOG.warn("a push from RabbitMQ to {} was not delivered here", headers.getDestination(), exception);
            } else {
                end(exception);
            }
        }

        @Override
        public void handleTransportError(StompSession failed, Throwable exception) {
            end(exception);
        }

        private void end(Throwable cause) {
            if (close()) {
                retryLater(cause);
            }
        }

        /** Ends this session; true only for the first call. */
        boolean close() {
            if (!ended.compareAndSet(false, true)) {
                return false;
            }
            subscribed = false;
            StompSession open = session;
            if (open != null && open.isConnected()) {
                try {
                    open.disconnect();
                } catch (RuntimeException alreadyGone) {
                    // Nothing to close.
                }
            }
            return true;
        }
    }
}
