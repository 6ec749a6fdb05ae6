package se.samverka.kernel.workshop;

import java.time.Instant;
import se.samverka.kernel.capability.CapabilityModel;
import se.samverka.kernel.capability.ModelChange;

/** The project's model changed while this workshop used it; ratings given stay where they are. */
public record WorkshopModelChangedEvent(WorkshopId workshopId, ModelChange change, CapabilityModel capabilityModel,
                                        Instant changedAt) implements WorkshopEvent {
}
