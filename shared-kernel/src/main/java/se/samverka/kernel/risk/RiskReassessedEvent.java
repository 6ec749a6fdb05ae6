package se.samverka.kernel.risk;

import java.time.Instant;
import se.samverka.kernel.project.ProjectId;

/** A risk got a new assessment, with the one it replaces, the reason, and what it rests on. */
public record RiskReassessedEvent(ProjectId projectId, RiskId riskId, RiskAssessment assessment,
                                  RiskAssessment previous, String reason, AssessmentBasis basis, String assessedBy,
                                  Instant assessedAt) implements RiskRegisterEvent {
}
