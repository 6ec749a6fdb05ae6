package se.samverka.kernel.risk;

import java.time.Instant;
import se.samverka.kernel.project.ProjectId;

/** An open risk was marked as mitigated. */
public record RiskMitigatedEvent(ProjectId projectId, RiskId riskId, String reason, String by, Instant at)
        implements RiskRegisterEvent {
}
