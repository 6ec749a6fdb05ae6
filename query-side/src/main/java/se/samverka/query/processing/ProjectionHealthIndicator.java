package se.samverka.query.processing;

import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The service is ready only once every projection has caught up with the event store: before
 * that, screens would show an older state than the commands already accepted. With several
 * query nodes, a node answers for the segments it holds; a processor whose segments are all
 * held by other live nodes (none is free for this one to claim) is theirs to keep up.
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
                    || !status.values().stream().allMatch(EventTrackerStatus::isCaughtUp)) {
                state = "catching up";
                health.outOfService();
            } else {
                state = "caught up";
            }
            health.withDetail(entry.getKey(), state);
        }
        return health.build();
    }

    private boolean heldElsewhere(String processor) {
        return tokenStore.fetchSegments(processor).length > 0 && tokenStore.fetchAvailableSegments(processor).isEmpty();
    }
}
