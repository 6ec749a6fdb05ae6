package se.samverka.query.live;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.broker.AbstractBrokerMessageHandler;
import org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler;
import org.springframework.messaging.simp.broker.SubscriptionRegistry;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

/**
 * Sends a push to every subscriber of a destination on this node, serialised once: the JSON
 * body once, and the STOMP MESSAGE frame once per subscription id (clients number their
 * subscriptions alike, so a few ids cover thousands of subscribers; the id is the only header
 * that differs). Spring's broker would make a message per subscriber, copy and convert its
 * headers and encode a frame for each session: with a thousand phones in one workshop, that
 * was most of the service's work per push after the socket writes themselves.
 *
 * <p>Only the sending is bypassed. Spring still handles CONNECT, SUBSCRIBE, UNSUBSCRIBE and
 * DISCONNECT, the access checks ({@link StompAccessInterceptor}) and heartbeats, and who
 * follows what is read from the in-process broker's own subscription registry. Frames are
 * written through each session's {@link LiveSessions.Outbox}, in the order they are given here,
 * so the pushes of one workshop reach every session in version order.
 *
 * <p>With several query nodes, {@link NodeRelay} publishes through RabbitMQ instead and hands
 * each push it receives to {@link #deliver}.
 */
@Component
public class LiveFanOut {
    private static final String CONTENT_TYPE = "application/json";
    private static final byte[] NO_PAYLOAD = {};

    private final SimpMessagingTemplate template;
    private final SubscriptionRegistry subscriptions;
    private final LiveSessions sessions;
    private final AtomicLong messageIds = new AtomicLong();

    /** Every push through Spring's template (projection tests). */
    public LiveFanOut(SimpMessagingTemplate template) {
        this.template = template;
        this.subscriptions = null;
        this.sessions = null;
    }

    @Autowired
    public LiveFanOut(SimpMessagingTemplate template,
                      @Qualifier("simpleBrokerMessageHandler") ObjectProvider<AbstractBrokerMessageHandler> broker,
                      LiveSessions sessions) {
        // Looked up by name: the bean is declared as the abstract type.
        if (!(broker.getIfAvailable() instanceof SimpleBrokerMessageHandler simple)) {
            throw new IllegalStateException("live pushes need the in-process broker (LiveConfiguration)");
        }
        this.template = template;
        this.subscriptions = simple.getSubscriptionRegistry();
        this.sessions = sessions;
    }

    /** Sends {@code payload}, as JSON, to every subscriber of {@code destination}. */
    public void publish(String destination, Object payload) {
        if (subscriptions == null) {
            template.convertAndSend(destination, payload);
            return;
        }
        send(destination, () -> json(payload));
    }

    /** A push's body: the template's own converter, so it reads exactly as Spring would have written it. */
    byte[] json(Object payload) {
        Message<?> json = template.getMessageConverter().toMessage(payload, null);
        if (json == null || !(json.getPayload() instanceof byte[] body)) {
            throw new IllegalArgumentException("cannot write a " + payload.getClass().getName() + " as JSON");
        }
        return body;
    }

    /**
     * Sends a push whose JSON body is already written (for example one received from another
     * node) to every subscriber of {@code destination} on this node; returns how many sessions
     * follow it here.
     */
    public int deliver(String destination, byte[] json) {
        if (subscriptions == null) {
            throw new IllegalStateException("this node has no in-process broker to deliver to");
        }
        return send(destination, () -> json);
    }

    /** How many sessions on this node follow {@code destination} (none known without the in-process broker). */
    public int followerCount(String destination) {
        return subscriptions == null ? 0 : followers(destination).size();
    }

    /** Session id to the ids of its subscriptions that match {@code destination}. */
    private MultiValueMap<String, String> followers(String destination) {
        SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
        headers.setDestination(destination);
        return subscriptions.findSubscriptions(MessageBuilder.createMessage(NO_PAYLOAD, headers.getMessageHeaders()));
    }

    /** The body is written only when someone on this node follows the destination; returns the sessions that do. */
    private int send(String destination, Supplier<byte[]> json) {
        MultiValueMap<String, String> followers = followers(destination);
        if (followers.isEmpty()) {
            return 0;
        }
        Frames frames = new Frames(destination, Long.toString(messageIds.incrementAndGet()), json.get());
        for (Map.Entry<String, List<String>> follower : followers.entrySet()) {
            LiveSessions.Outbox outbox = sessions.outbox(follower.getKey());
            if (outbox != null) {
                for (String subscriptionId : follower.getValue()) {
                    outbox.send(frames.forSubscription(subscriptionId));
                }
            }
        }
        return followers.size();
    }

    /**
     * One push's MESSAGE frames: every header but {@code subscription} written once, and a frame
     * per subscription id. The message id is the push's, the same for every subscriber: STOMP asks
     * only that it identify the message, and clients here never acknowledge. Not thread-safe: one
     * per push, on the publishing thread.
     */
    static final class Frames {
        private final byte[] head;
        private final byte[] tail;
        private final Map<String, byte[]> bySubscription = new HashMap<>();

        Frames(String destination, String messageId, byte[] json) {
            this.head = ("MESSAGE\ndestination:" + escape(destination) + "\ncontent-type:" + CONTENT_TYPE
                    + "\nmessage-id:" + escape(messageId) + "\ncontent-length:" + json.length + "\nsubscription:")
                    .getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream tail = new ByteArrayOutputStream(json.length + 3);
            tail.write('\n');
            tail.write('\n');
            tail.writeBytes(json);
            tail.write(0);
            this.tail = tail.toByteArray();
        }

        byte[] forSubscription(String subscriptionId) {
            return bySubscription.computeIfAbsent(subscriptionId, id -> {
                byte[] name = escape(id).getBytes(StandardCharsets.UTF_8);
                byte[] frame = new byte[head.length + name.length + tail.length];
                System.arraycopy(head, 0, frame, 0, head.length);
                System.arraycopy(name, 0, frame, head.length, name.length);
                System.arraycopy(tail, 0, frame, head.length + name.length, tail.length);
                return frame;
            });
        }

        /** STOMP 1.2 header value escapes, as Spring's encoder writes them in MESSAGE frames. */
        private static String escape(String value) {
            StringBuilder escaped = null;
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                String replacement = switch (c) {
                    case '\\' -> "\\\\";
                    case ':' -> "\\c";
                    case '\n' -> "\\n";
                    case '\r' -> "\\r";
                    default -> null;
                };
                if (replacement != null && escaped == null) {
                    escaped = new StringBuilder(value.length() + 8).append(value, 0, i);
                }
                if (escaped != null) {
                    if (replacement != null) {
                        escaped.append(replacement);
                    } else {
                        escaped.append(c);
                    }
                }
            }
            return escaped == null ? value : escaped.toString();
        }
    }
}
