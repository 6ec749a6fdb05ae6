package se.samverka.query.live;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;
import se.samverka.query.workshop.WorkshopView;

/**
 * Pushes changes to everyone following a workshop, or one stream of a project's records
 * (for example its risk register). Every stream has versions of its own that rise by one per
 * message, so a stream is fed by exactly one aggregate.
 *
 * <p>A workshop's own topic is conflated: votes and joins are pushed at most once per workshop
 * per {@code samverka.live.conflation-millis}. Such a change to a quiet workshop leaves at once
 * as its delta message; those that come within the interval after a push wait for the interval's
 * end and then leave as one message: the delta itself when only one waited, otherwise a
 * {@link LiveMessages.WorkshopChanges} carrying the latest state of everything they touched
 * (of a capability, only what votes change), taken from the read model (which holds no sealed
 * value). So in a busy workshop the messages grow with the clients, not with votes times
 * clients, and each is serialised once for all subscribers ({@link LiveFanOut}).
 *
 * <p>A workshop followed by more sessions than one interval's pushes can reach in time is paced
 * further: its interval is at least its followers on this node divided by
 * {@code samverka.live.max-frames-per-second} (12,000: 100 ms up to 1,200 followers, 167 ms at
 * 2,000), so one workshop's pushes cannot take every core of the node while its votes wait.
 * With several query nodes the followers counted are those of the node with the most, as the
 * nodes report them to each other ({@link NodeRelay}).
 * Structural changes (rounds opened, closed, revealed, model edits) are never held back: what
 * waited goes first, then they. Pushes of one workshop are sent under its lock, in version
 * order; the fan-out keeps that order per session.
 *
 * <p>With several query nodes ({@link NodeRelay} present) every push goes through RabbitMQ to
 * every node, this one included, instead of straight to this node's subscribers.
 */
@Component
public class LivePublisher implements DisposableBean {
    /** Dotted, not slashed: RabbitMQ's STOMP adapter rejects slashes after {@code /topic/}. */
    public static final String TOPIC_PREFIX = "/topic/workshops.";
    public static final String PROJECT_TOPIC_PREFIX = "/topic/projects.";
    static final Pattern STREAM = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    private final LiveFanOut fanOut;
    /** Null on a single node: pushes go straight to this node's subscribers. */
    private final NodeRelay relay;
    private final long intervalNanos;
    private final long framesPerSecond;
    private final ScheduledExecutorService flusher;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    /** Through Spring's template, without conflation: every change leaves at once as its delta (projection tests). */
    public LivePublisher(SimpMessagingTemplate template) {
        this(new LiveFanOut(template), 0);
    }

    /** On one node, conflated (tests of conflation). */
    public LivePublisher(LiveFanOut fanOut, long conflationMillis) {
        this(fanOut, Optional.empty(), conflationMillis, 0);
    }

    /** {@code maxFramesPerSecond} 0: no pacing beyond the interval. */
    @Autowired
    public LivePublisher(LiveFanOut fanOut, Optional<NodeRelay> relay,
                         @Value("${samverka.live.conflation-millis:100}") long conflationMillis,
                         @Value("${samverka.live.max-frames-per-second:12000}") long maxFramesPerSecond) {
        if (conflationMillis < 0 || maxFramesPerSecond < 0) {
            throw new IllegalArgumentException(
                    "samverka.live.conflation-millis and max-frames-per-second must not be negative");
        }
        this.fanOut = fanOut;
        this.relay = relay.orElse(null);
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(conflationMillis);
        this.framesPerSecond = maxFramesPerSecond;
        this.flusher = conflationMillis == 0 ? null : Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "live-conflation");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** An unconflated push to a workshop's topic (the benchmark's baseline). */
    public void publish(String workshopId, Object message) {
        send(TOPIC_PREFIX + workshopId, message);
    }

    /**
     * What a change touched, for conflation: the participant count, one capability, one round or
     * one scenario vote. A change that is not one of these (a round opened, closed or revealed, a
     * model edit...) is structural: it is never conflated, and what waited is sent before it.
     */
    public record Touched(String capabilityId, String roundId, String scenarioVoteId) {
        public static final Touched PARTICIPANTS = new Touched(null, null, null);

        public static Touched capability(String id) {
            return new Touched(id, null, null);
        }

        public static Touched round(String id) {
            return new Touched(null, id, null);
        }

        public static Touched scenarioVote(String id) {
            return new Touched(null, null, id);
        }
    }

    /**
     * Pushes a change of the workshop read model: {@code delta} is the message for this change
     * alone, {@code view} the read model after it (whose version is {@code version}), and
     * {@code touched} what it changed, or null for a structural change. Call only after the read
     * model holds the change, in version order.
     */
    public void publishChange(String workshopId, long version, Object delta, WorkshopView view, Touched touched) {
        if (flusher == null) {
            publish(workshopId, delta);
            return;
        }
        Pending slot = pending.computeIfAbsent(workshopId, id -> new Pending());
        synchronized (slot) {
            long now = System.nanoTime();
            if (touched == null) {
                sendWaiting(workshopId, slot);
                publish(workshopId, delta);
                slot.lastSent = now;
                return;
            }
            // In a busy workshop most changes join a push already scheduled (something waits): they
            // need no interval, so not every vote looks up the workshop's followers.
            long interval = slot.waiting > 0 ? 0
                    : interval(intervalNanos, framesPerSecond, followers(TOPIC_PREFIX + workshopId));
            if (slot.waiting == 0 && now - slot.lastSent >= interval) {
                publish(workshopId, delta);
                slot.lastSent = now;
                return;
            }
            if (slot.waiting == 0) {
                slot.since = version - 1;
            }
            slot.waiting++;
            slot.delta = delta;
            slot.view = view;
            slot.touched.add(touched);
            if (!slot.scheduled) {
                slot.scheduled = true;
                long delay = Math.max(0, slot.lastSent + interval - now);
                flusher.schedule(() -> flush(workshopId, slot), delay, TimeUnit.NANOSECONDS);
            }
        }
    }

    /**
     * The followers a workshop's pushes are paced for: this node's, or with several query nodes the
     * most any one node has (each writes the pushes to its own followers at the pace set here).
     */
    private int followers(String topic) {
        int here = fanOut.followerCount(topic);
        return relay == null ? here : Math.max(here, relay.followersElsewhere(topic));
    }

    /**
     * A workshop's conflation interval: the configured one, or longer when its {@code followers}
     * would get more than {@code framesPerSecond} frames a second from this node at that pace.
     */
    static long interval(long intervalNanos, long framesPerSecond, int followers) {
        if (framesPerSecond == 0) {
            return intervalNanos;
        }
        return Math.max(intervalNanos, followers * TimeUnit.SECONDS.toNanos(1) / framesPerSecond);
    }

    private void flush(String workshopId, Pending slot) {
        synchronized (slot) {
            slot.scheduled = false;
            if (slot.waiting > 0) {
                sendWaiting(workshopId, slot);
                slot.lastSent = System.nanoTime();
            }
        }
    }

    /** Sends what waits, if anything: the delta alone, or the touched parts as they now stand. */
    private void sendWaiting(String workshopId, Pending slot) {
        if (slot.waiting == 0) {
            return;
        }
        try {
            publish(workshopId, slot.waiting == 1 ? slot.delta : changes(workshopId, slot));
        } finally {
            // A failed push is not retried: the next one, or a client's reload on its gap, mends it.
            slot.waiting = 0;
            slot.delta = null;
            slot.view = null;
            slot.touched.clear();
        }
    }

    private static LiveMessages.WorkshopChanges changes(String workshopId, Pending slot) {
        WorkshopView view = slot.view;
        Set<String> capabilities = new HashSet<>();
        Set<String> rounds = new HashSet<>();
        Set<String> votes = new HashSet<>();
        for (Touched touched : slot.touched) {
            if (touched.capabilityId() != null) {
                capabilities.add(touched.capabilityId());
            }
            if (touched.roundId() != null) {
                rounds.add(touched.roundId());
            }
            if (touched.scenarioVoteId() != null) {
                votes.add(touched.scenarioVoteId());
            }
        }
        return new LiveMessages.WorkshopChanges(view.version(), slot.since, workshopId, view.participantCount(),
                view.capabilities().stream().filter(c -> capabilities.contains(c.id()))
                        .map(LiveMessages.CapabilityChange::of).toList(),
                listOf(view.rounds()).stream().filter(r -> rounds.contains(r.id())).toList(),
                listOf(view.scenarioVotes()).stream().filter(v -> votes.contains(v.id())).toList());
    }

    private static <T> List<T> listOf(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** Pushes to {@code /topic/projects.{projectId}.{stream}}. */
    public void publishToProject(String projectId, String stream, Object message) {
        send(PROJECT_TOPIC_PREFIX + projectId + "." + checked(stream), message);
    }

    /**
     * Pushes to {@code /topic/workshops.{workshopId}.{stream}}: a stream of its own beside the
     * workshop's topic (for example its audit trail), with versions of its own.
     */
    public void publishToWorkshop(String workshopId, String stream, Object message) {
        send(TOPIC_PREFIX + workshopId + "." + checked(stream), message);
    }

    private void send(String destination, Object message) {
        if (relay == null) {
            fanOut.publish(destination, message);
        } else {
            relay.publish(destination, message);
        }
    }

    private static String checked(String stream) {
        if (!STREAM.matcher(stream).matches()) {
            throw new IllegalArgumentException("a stream name is lower-case letters, digits and '-'");
        }
        return stream;
    }

    @Override
    public void destroy() {
        if (flusher != null) {
            flusher.shutdownNow();
        }
    }

    /** What waits to be pushed for one workshop; guarded by its own monitor. */
    private static final class Pending {
        final List<Touched> touched = new ArrayList<>();
        long lastSent = System.nanoTime() - TimeUnit.DAYS.toNanos(1);
        int waiting;
        boolean scheduled;
        long since;
        Object delta;
        WorkshopView view;
    }
}
