package se.samverka.kernel.meeting;

import java.time.Instant;
import se.samverka.kernel.project.ProjectId;
import se.samverka.kernel.workshop.ParticipantId;
import se.samverka.kernel.workshop.WorkshopId;

/**
 * A steering-group member voted, or changed their vote, on an open decision. The event store is
 * the record and keeps the option; the read model keeps only who has voted until closing.
 */
public record DecisionVoteCastEvent(WorkshopId workshopId, ProjectId projectId, String decisionId,
                                    ParticipantId participantId, String optionId, Instant castAt)
        implements MeetingEvent {
}
