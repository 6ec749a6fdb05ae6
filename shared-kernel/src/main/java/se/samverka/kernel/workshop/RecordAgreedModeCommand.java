package se.samverka.kernel.workshop;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The facilitator records the mode the workshop agreed on for a capability. */
public record RecordAgreedModeCommand(@TargetAggregateIdentifier WorkshopId workshopId, String facilitator,
                                      String capabilityId, ResponsibilityMode mode) {
}
