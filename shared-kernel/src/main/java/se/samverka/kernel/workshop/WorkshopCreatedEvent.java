package se.samverka.kernel.workshop;

import java.time.Instant;
import se.samverka.kernel.capability.CapabilityModel;
import se.samverka.kernel.project.ProjectId;

/** A workshop was created; it carries the capability model it is run with. */
public record WorkshopCreatedEvent(WorkshopId workshopId, ProjectId projectId, String title, String joinCode,
                                   String facilitator, CapabilityModel capabilityModel, Instant createdAt)
        implements WorkshopEvent {
}
