package se.samverka.kernel.risk;

import java.time.Instant;
import se.samverka.kernel.project.ProjectId;

/** The facilitator adopted a value for a revealed estimate; a {@link RiskReassessedEvent} with it follows. */
public record RiskEstimateAdoptedEvent(ProjectId projectId, RiskId riskId, RiskAssessment assessment, String adoptedBy,
                                       Instant adoptedAt) implements RiskRegisterEvent {
}
