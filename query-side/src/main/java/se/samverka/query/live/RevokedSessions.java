package se.samverka.query.live;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.simp.user.SimpSession;
import org.springframework.messaging.simp.user.SimpUser;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import se.samverka.kernel.access.Revocations;

/**
 * Closes the live sessions of revoked credentials on this node. A removed participant's open
 * socket would otherwise go on receiving pushes: the access checks run only on CONNECT and
 * SUBSCRIBE. Every node polls the shared revocation list (a small table, read a few times a
 * second), so it works the same with one node or several behind RabbitMQ, where an
 * event handled by one node's processor would reach only that node's sessions.
 *
 * <p>A session is closed as STOMP closes it on any refusal: an ERROR frame, then the socket.
 */
@Component
public class RevokedSessions implements SmartLifecycle {
    static final String REVOKED = "the token has been revoked";
    /** Revocations this old are looked at again, so clocks of different nodes may differ by this much. */
    private static final Duration LOOK_BACK = Duration.ofMinutes(2);
    private static final Logger LOG = LoggerFactory.getLogger(RevokedSessions.class);

    private final Revocations revocations;
    private final SimpUserRegistry users;
    private final MessageChannel clientOutbound;
    private final Clock clock;
    private final long pollMillis;
    private ScheduledExecutorService poller;

    public RevokedSessions(Revocations revocations, SimpUserRegistry users,
                           @Qualifier("clientOutboundChannel") MessageChannel clientOutbound, Clock clock,
                           @Value("${samverka.live.revocation-poll-millis:250}") long pollMillis) {
        this.revocations = revocations;
        this.users = users;
        this.clientOutbound = clientOutbound;
        this.clock = clock;
        this.pollMillis = pollMillis;
    }

    /** Closes every session on this node whose credential was revoked recently; returns how many. */
    int closeRevoked() {
        if (users.getUserCount() == 0) {
            return 0;
        }
        Set<String> revoked = revocations.revokedSince(clock.instant().minus(LOOK_BACK));
        int closed = 0;
        for (String actor : revoked) {
            SimpUser user = users.getUser(actor);
            if (user == null) {
                continue;
            }
            for (SimpSession session : user.getSessions()) {
                StompHeaderAccessor error = StompHeaderAccessor.create(StompCommand.ERROR);
                error.setSessionId(session.getId());
                error.setMessage(REVOKED);
                clientOutbound.send(MessageBuilder.createMessage(new byte[0], error.getMessageHeaders()));
                closed++;
            }
        }
        return closed;
    }

    private void poll() {
        try {
            int closed = closeRevoked();
            if (closed > 0) {
                LOG.info("closed {} live session(s) of revoked credentials", closed);
            }
        } catch (RuntimeException e) {
            // The database may be away for a moment; the next poll tries again.
            LOG.warn("could not check live sessions against the revocation list: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "live-revocations");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(this::poll, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return poller != null;
    }
}
