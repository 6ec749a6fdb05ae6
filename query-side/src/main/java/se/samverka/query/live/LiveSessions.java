package se.samverka.query.live;

import java.io.IOException;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.support.ExecutorSubscribableChannel;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.SessionLimitExceededException;
import org.springframework.web.socket.messaging.SubProtocolWebSocketHandler;

/**
 * Spring's STOMP WebSocket handler, which also keeps each open session's {@link Outbox}: the
 * way {@link LiveFanOut} sends a push to a session without a Spring message per subscriber.
 * An outbox writes to the very session object Spring writes its own frames to (its
 * {@link ConcurrentWebSocketSessionDecorator}, under every decorator of {@link LiveTransport}),
 * so pushes and Spring's frames share one send buffer and its limits.
 */
public class LiveSessions extends SubProtocolWebSocketHandler {
    private static final Logger LOG = LoggerFactory.getLogger(LiveSessions.class);

    private final Executor senders;
    private final Map<String, Outbox> outboxes = new ConcurrentHashMap<>();

    /** Pushes are written on the outbound channel's threads, as Spring writes its own frames. */
    public LiveSessions(MessageChannel clientInboundChannel, ExecutorSubscribableChannel clientOutboundChannel) {
        super(clientInboundChannel, clientOutboundChannel);
        this.senders = clientOutboundChannel.getExecutor();
        if (senders == null) {
            throw new IllegalStateException("the client outbound channel has no executor to send pushes on");
        }
    }

    @Override
    protected WebSocketSession decorateSession(WebSocketSession session) {
        WebSocketSession decorated = super.decorateSession(session);
        outboxes.put(session.getId(), new Outbox((ConcurrentWebSocketSessionDecorator) decorated));
        return decorated;
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus closeStatus) throws Exception {
        try {
            super.afterConnectionClosed(session, closeStatus);
        } finally {
            outboxes.remove(session.getId());
        }
    }

    /** The outbox of an open session, or null when this node has no such session (any more). */
    Outbox outbox(String sessionId) {
        return outboxes.get(sessionId);
    }

    /**
     * Frames waiting for one session, written in the order given, by one sender thread at a time.
     * Blocking writes (a client that stopped reading fills its socket) therefore hold a sender
     * thread, never the thread that publishes, and never other sessions' frames; while one is
     * blocked, later frames wait here. The session's own limits apply to what waits here and in its
     * send buffer together: past {@code send-buffer-limit-bytes}, or once a write has been blocked
     * for {@code send-time-limit-millis}, the session is closed as Spring closes it on those limits.
     */
    final class Outbox {
        private final ConcurrentWebSocketSessionDecorator session;
        private final Queue<byte[]> frames = new ConcurrentLinkedQueue<>();
        private final AtomicLong waitingBytes = new AtomicLong();
        private final AtomicBoolean sending = new AtomicBoolean();
        private final AtomicBoolean closing = new AtomicBoolean();

        Outbox(ConcurrentWebSocketSessionDecorator session) {
            this.session = session;
        }

        /**
         * Queues one whole STOMP frame, to go out as a binary WebSocket message: Tomcat writes its
         * bytes as they are, where a text message would be encoded to UTF-8 again, character by
         * character, for every session (the largest single cost of a push before). STOMP allows
         * either kind; stomp.js and Spring's client read both, and the frame's
         * {@code content-type: application/json} tells them how to read the body.
         */
        void send(byte[] frame) {
            if (closing.get()) {
                return;
            }
            frames.add(frame);
            long waiting = waitingBytes.addAndGet(frame.length);
            if (session.getTimeSinceSendStarted() > session.getSendTimeLimit()
                    || waiting + session.getBufferSize() > session.getBufferSizeLimit()) {
                close(CloseStatus.SESSION_NOT_RELIABLE);
                return;
            }
            if (sending.compareAndSet(false, true)) {
                senders.execute(this::drain);
            }
        }

        private void drain() {
            byte[] frame;
            while (!closing.get() && (frame = frames.poll()) != null) {
                waitingBytes.addAndGet(-frame.length);
                try {
                    session.sendMessage(new BinaryMessage(frame));
                } catch (SessionLimitExceededException e) {
                    close(e.getStatus());
                } catch (IOException | RuntimeException e) {
                    // The client went away; the container reports the closed connection, which ends the session.
                    LOG.debug("could not send a push to session {}: {}", session.getId(), e.toString());
                }
            }
            sending.set(false);
            // A frame queued after the last poll, while this thread still counted as sending.
            if (!closing.get() && !frames.isEmpty() && sending.compareAndSet(false, true)) {
                senders.execute(this::drain);
            }
        }

        /**
         * As Spring does on a session's limits: forget the session first (its subscriptions go with
         * it), for an unresponsive client may keep the close itself waiting, then close the socket.
         */
        private void close(CloseStatus status) {
            if (!closing.compareAndSet(false, true)) {
                return;
            }
            frames.clear();
            senders.execute(() -> {
                try {
                    afterConnectionClosed(session, status);
                    session.close(status);
                } catch (Exception e) {
                    LOG.debug("could not close session {}: {}", session.getId(), e.toString());
                }
            });
        }
    }
}
