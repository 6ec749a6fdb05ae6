package se.samverka.kernel.risk;

import java.time.Instant;
import se.samverka.kernel.project.ProjectId;
import se.samverka.kernel.workshop.ParticipantId;
import se.samverka.kernel.workshop.WorkshopId;

/** A participant proposed a risk; it waits for the facilitator to accept or decline it. */
public record RiskProposedEvent(ProjectId projectId, RiskProposalId proposalId, String threat, String vulnerability,
                                String consequence, RiskAssessment assessment, WorkshopId workshopId,
                                ParticipantId participantId, String proposedByName, Instant proposedAt)
        implements RiskRegisterEvent {
}
