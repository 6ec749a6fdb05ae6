package se.samverka.kernel.workshop;

import java.time.Instant;

/** The facilitator recorded the agreed responsibility mode of a capability. */
public record AgreedModeRecordedEvent(WorkshopId workshopId, String capabilityId, ResponsibilityMode mode,
                                      Instant recordedAt) implements WorkshopEvent {
}
