package se.samverka.kernel.workshop;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The facilitator defines (or redefines) a scenario of the workshop. */
public record DefineScenarioCommand(@TargetAggregateIdentifier WorkshopId workshopId, String facilitator,
                                    Scenario scenario) {
}
