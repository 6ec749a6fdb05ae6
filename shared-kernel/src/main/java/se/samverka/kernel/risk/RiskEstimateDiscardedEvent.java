package se.samverka.kernel.risk;

import java.time.Instant;
import se.samverka.kernel.project.ProjectId;

/** A joint estimate ended without a value adopted. */
public record RiskEstimateDiscardedEvent(ProjectId projectId, RiskId riskId, String discardedBy, Instant discardedAt)
        implements RiskRegisterEvent {
}
