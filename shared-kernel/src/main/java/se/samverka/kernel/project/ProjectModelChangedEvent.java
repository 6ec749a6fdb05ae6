package se.samverka.kernel.project;

import java.time.Instant;
import se.samverka.kernel.capability.CapabilityModel;
import se.samverka.kernel.capability.ModelChange;

/** The project's capability model changed; it carries the whole new model and what changed. */
public record ProjectModelChangedEvent(ProjectId projectId, ModelChange change, CapabilityModel capabilityModel,
                                       Instant changedAt) implements ProjectEvent {
}
