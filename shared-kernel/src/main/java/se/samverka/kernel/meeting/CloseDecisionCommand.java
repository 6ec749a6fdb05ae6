package se.samverka.kernel.meeting;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.samverka.kernel.workshop.WorkshopId;

/** The facilitator closes a decision: counted, recorded with its evidence, and (for plan approval) the plan version moved. */
public record CloseDecisionCommand(WorkshopId workshopId, String facilitator, String decisionId) {
    @TargetAggregateIdentifier
    public MeetingId meetingId() {
        return MeetingId.of(workshopId);
    }
}
