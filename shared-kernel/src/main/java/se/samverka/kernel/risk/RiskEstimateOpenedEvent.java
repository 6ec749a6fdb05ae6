package se.samverka.kernel.risk;

import java.time.Instant;
import se.samverka.kernel.project.ProjectId;

/** A joint estimate of a risk was opened. */
public record RiskEstimateOpenedEvent(ProjectId projectId, RiskId riskId, String openedBy, Instant openedAt)
        implements RiskRegisterEvent {
}
