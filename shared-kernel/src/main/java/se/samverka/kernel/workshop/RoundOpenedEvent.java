package se.samverka.kernel.workshop;

import java.time.Instant;
import java.util.List;

/**
 * A round was opened over the listed capabilities (the scope resolved against the workshop's
 * model when it opened). {@code deadline} is null without a time limit.
 */
public record RoundOpenedEvent(WorkshopId workshopId, RoundId roundId, int number, RoundScope scope,
                               List<String> capabilityIds, RoundSettings settings, Instant openedAt,
                               Instant deadline) implements WorkshopEvent {
    public RoundOpenedEvent {
        capabilityIds = List.copyOf(capabilityIds);
    }
}
