package se.samverka.kernel.meeting;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.samverka.kernel.workshop.WorkshopId;

/** The facilitator opens a decision; options null or empty means the default Fortsätt / Tillbaka / Stopp–avsluta. */
public record OpenDecisionCommand(WorkshopId workshopId, String facilitator, DecisionKind kind, String proposal, List<String> options, String planVersion, Integer quorum, boolean openVoting, boolean anonymous) {
    @TargetAggregateIdentifier
    public MeetingId meetingId() {
        return MeetingId.of(workshopId);
    }
}
