package se.samverka.query.live;

import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;

/** Pushes a change to everyone subscribed to a workshop. */
@Component
public class LivePublisher {
    /** Dotted, not slashed: RabbitMQ's STOMP adapter rejects slashes after {@code /topic/}. */
    public static final String TOPIC_PREFIX = "/topic/workshops.";

    private final SimpMessagingTemplate template;

    public LivePublisher(SimpMessagingTemplate template) {
        this.template = template;
    }

    public void publish(String workshopId, Object message) {
        template.convertAndSend(TOPIC_PREFIX + workshopId, message);
    }
}
