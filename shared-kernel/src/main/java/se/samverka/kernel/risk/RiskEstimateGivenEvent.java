package se.samverka.kernel.risk;

import java.time.Instant;
import se.samverka.kernel.project.ProjectId;
import se.samverka.kernel.workshop.ParticipantId;

/**
 * A participant gave or changed their estimate. Sealed: until the reveal, no read model or push
 * may show its values, only that this participant has estimated.
 */
public record RiskEstimateGivenEvent(ProjectId projectId, RiskId riskId, ParticipantId participantId,
                                     RiskAssessment assessment, Instant givenAt) implements RiskRegisterEvent {
}
