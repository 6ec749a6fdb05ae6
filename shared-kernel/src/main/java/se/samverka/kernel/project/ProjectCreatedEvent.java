package se.samverka.kernel.project;

import java.time.Instant;
import se.samverka.kernel.capability.CapabilityModel;

/** A project was created with its capability model. */
public record ProjectCreatedEvent(ProjectId projectId, String name, CapabilityModel capabilityModel,
                                  String createdBy, Instant createdAt) implements ProjectEvent {
}
