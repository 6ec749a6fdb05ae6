package se.samverka.kernel.risk;

import java.time.Instant;
import se.samverka.kernel.project.ProjectId;

/**
 * A reassessment raised a risk's level: now `decidedBy` must decide on it. Follows the {@link
 * RiskReassessedEvent} that caused it.
 */
public record RiskEscalatedEvent(ProjectId projectId, RiskId riskId, RiskLevel previousLevel, RiskLevel level,
                                 RiskDecider decidedBy, RiskAssessment assessment, Instant escalatedAt)
        implements RiskRegisterEvent {
}
