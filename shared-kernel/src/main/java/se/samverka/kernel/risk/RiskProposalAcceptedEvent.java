package se.samverka.kernel.risk;

import java.time.Instant;
import se.samverka.kernel.project.ProjectId;

/** A proposal was accepted as risk `riskId`; a {@link RiskRegisteredEvent} for it follows. */
public record RiskProposalAcceptedEvent(ProjectId projectId, RiskProposalId proposalId, RiskId riskId,
                                        String acceptedBy, Instant acceptedAt) implements RiskRegisterEvent {
}
