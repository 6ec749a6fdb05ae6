package se.samverka.query.processing;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The service is ready only once every projection has caught up with the event store: before
 * that, screens would show an older state than the commands already accepted. With several
 * query nodes, a node answers for the segments it holds; a processor whose segments are all
 * held by other live nodes (none is free for this one to claim) is theirs to keep up.
 *
 * <p>A segment counts as caught up when Axon says so, or when its position already covers the
 * head of the event store read just before. Axon 4.13 marks a segment caught up only after a
 * batch, or after waiting the whole event availability timeout (a second) for events that never
 * come: every start with an empty store (and the demo off) spent that second unready.
 */
@Component("projections")
public class ProjectionHealthIndicator implements HealthIndicator {
    private final EventProcessingConfiguration processing;
    private final TokenStore tokenStore;

    public ProjectionHealthIndicator(EventProcessingConfiguration processing, TokenStore tokenStore) {
        this.processing = processing;
        this.tokenStore = tokenStore;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up();
        Map<Object, Optional<TrackingToken>> heads = new HashMap<>();
        for (var entry : processing.eventProcessors().entrySet()) {
            if (!(entry.getValue() instanceof StreamingEventProcessor processor)) {
                continue;
            }
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            String state;
            if (processor.isError() || status.values().stream().anyMatch(EventTrackerStatus::isErrorState)) {
                state = "error";
                health.down();
            } else if (processor.isRunning() && status.isEmpty() && heldElsewhere(entry.getKey())) {
                state = "held by another node";
            } else if (!processor.isRunning() || status.isEmpty()
                    || !caughtUp(processor, status, heads)) {
                state = "catching up";
                health.outOfService();
            } else {
                state = "caught up";
            }
            health.withDetail(entry.getKey(), state);
        }
        return health.build();
    }

    private static boolean caughtUp(StreamingEventProcessor processor, Map<Integer, EventTrackerStatus> status,
                                    Map<Object, Optional<TrackingToken>> heads) {
        if (status.values().stream().allMatch(EventTrackerStatus::isCaughtUp)) {
            return true;
        }
        if (!(processor instanceof TrackingEventProcessor tracking)) {
            return false;
        }
        Optional<TrackingToken> head;
        try {
            head = heads.computeIfAbsent(tracking.getMessageSource(),
                    source -> Optional.ofNullable(tracking.getMessageSource().createHeadToken()));
        } catch (RuntimeException unreadable) {
            return false;
        }
        // Positions read after the head: one that covers it has handled every event stored before.
        Map<Integer, EventTrackerStatus> now = processor.processingStatus();
        return !now.isEmpty() && now.values().stream().allMatch(segment -> segment.isCaughtUp() || head.isEmpty()
                || segment.getTrackingToken() != null && segment.getTrackingToken().covers(head.get()));
    }

    private boolean heldElsewhere(String processor) {
        return tokenStore.fetchSegments(processor).length > 0 && tokenStore.fetchAvailableSegments(processor).isEmpty();
    }
}
