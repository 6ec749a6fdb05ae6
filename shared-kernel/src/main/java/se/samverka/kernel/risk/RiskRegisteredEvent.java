package se.samverka.kernel.risk;

import java.time.Instant;
import se.samverka.kernel.project.ProjectId;

/**
 * A risk was registered with its first assessment, by the facilitator or from an accepted proposal
 * (`fromProposal`).
 */
public record RiskRegisteredEvent(ProjectId projectId, RiskId riskId, String threat, String vulnerability,
                                  String consequence, RiskAssessment assessment, boolean actionNeeded, String owner,
                                  String reason, RiskProposalId fromProposal, String registeredBy, Instant registeredAt)
        implements RiskRegisterEvent {
}
