package se.samverka.kernel.meeting;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import se.samverka.kernel.project.ProjectId;
import se.samverka.kernel.workshop.WorkshopId;

/**
 * The facilitator closed a decision: its result, the winning option (null unless decided), the
 * tally per option, every member's final vote and the evidence on the table.
 */
public record DecisionClosedEvent(WorkshopId workshopId, ProjectId projectId, String decisionId,
                                  DecisionResult result, String outcome, Map<String, Integer> tally,
                                  List<RecordedVote> votes, DecisionEvidence evidence, String closedBy,
                                  Instant closedAt) implements MeetingEvent {
}
