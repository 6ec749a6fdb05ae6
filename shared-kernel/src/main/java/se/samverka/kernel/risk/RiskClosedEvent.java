package se.samverka.kernel.risk;

import java.time.Instant;
import se.samverka.kernel.project.ProjectId;

/** A risk was closed. */
public record RiskClosedEvent(ProjectId projectId, RiskId riskId, String reason, String by, Instant at)
        implements RiskRegisterEvent {
}
