package se.samverka.kernel.risk;

import java.time.Instant;
import se.samverka.kernel.project.ProjectId;

/** A proposal was declined. */
public record RiskProposalDeclinedEvent(ProjectId projectId, RiskProposalId proposalId, String reason,
                                        String declinedBy, Instant declinedAt) implements RiskRegisterEvent {
}
