package se.samverka.query.processing;

import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The service is ready only once every projection has caught up with the event store: before
 * that, screens would show an older state than the commands already accepted.
 */
@Component("projections")
public class ProjectionHealthIndicator implements HealthIndicator {
    private final EventProcessingConfiguration processing;

    public ProjectionHealthIndicator(EventProcessingConfiguration processing) {
        this.processing = processing;
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
}
