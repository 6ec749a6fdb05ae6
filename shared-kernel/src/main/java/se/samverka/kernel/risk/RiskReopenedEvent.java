package se.samverka.kernel.risk;

import java.time.Instant;
import se.samverka.kernel.project.ProjectId;

/** A mitigated or closed risk was opened again. */
public record RiskReopenedEvent(ProjectId projectId, RiskId riskId, String reason, String by, Instant at)
        implements RiskRegisterEvent {
}
