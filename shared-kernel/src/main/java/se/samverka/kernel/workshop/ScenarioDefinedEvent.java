package se.samverka.kernel.workshop;

import java.time.Instant;

/** A scenario was defined, or redefined when its id existed already. */
public record ScenarioDefinedEvent(WorkshopId workshopId, Scenario scenario, Instant definedAt)
        implements WorkshopEvent {
}
