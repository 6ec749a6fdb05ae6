package se.samverka.kernel.meeting;

import java.time.Instant;
import java.util.List;
import se.samverka.kernel.project.ProjectId;
import se.samverka.kernel.workshop.WorkshopId;

/**
 * The facilitator opened a decision for the steering group's votes. {@code quorum} is the least
 * number of votes for a valid decision (null: none); votes are sealed until closing unless
 * {@code openVoting}; {@code anonymous} records who voted but not what.
 */
public record DecisionOpenedEvent(WorkshopId workshopId, ProjectId projectId, String decisionId, DecisionKind kind,
                                  String proposal, List<DecisionOption> options, String planVersion, Integer quorum,
                                  boolean openVoting, boolean anonymous, String agendaItemId, String openedBy,
                                  Instant openedAt) implements MeetingEvent {
}
