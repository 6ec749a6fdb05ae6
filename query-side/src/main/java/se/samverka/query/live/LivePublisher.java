package se.samverka.query.live;

import java.util.regex.Pattern;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;

/**
 * Pushes changes to everyone following a workshop, or one stream of a project's records
 * (for example its risk register). Every stream has versions of its own that rise by one per
 * message, so a stream is fed by exactly one aggregate.
 */
@Component
public class LivePublisher {
    /** Dotted, not slashed: RabbitMQ's STOMP adapter rejects slashes after {@code /topic/}. */
    public static final String TOPIC_PREFIX = "/topic/workshops.";
    public static final String PROJECT_TOPIC_PREFIX = "/topic/projects.";
    static final Pattern STREAM = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    private final SimpMessagingTemplate template;

    public LivePublisher(SimpMessagingTemplate template) {
        this.template = template;
    }

    public void publish(String workshopId, Object message) {
        template.convertAndSend(TOPIC_PREFIX + workshopId, message);
    }

    /** Pushes to {@code /topic/projects.{projectId}.{stream}}. */
    public void publishToProject(String projectId, String stream, Object message) {
        template.convertAndSend(PROJECT_TOPIC_PREFIX + projectId + "." + checked(stream), message);
    }

    /**
     * Pushes to {@code /topic/workshops.{workshopId}.{stream}}: a stream of its own beside the
     * workshop's topic (for example its audit trail), with versions of its own.
     */
    public void publishToWorkshop(String workshopId, String stream, Object message) {
        template.convertAndSend(TOPIC_PREFIX + workshopId + "." + checked(stream), message);
    }

    private static String checked(String stream) {
        if (!STREAM.matcher(stream).matches()) {
            throw new IllegalArgumentException("a stream name is lower-case letters, digits and '-'");
        }
        return stream;
    }
}
