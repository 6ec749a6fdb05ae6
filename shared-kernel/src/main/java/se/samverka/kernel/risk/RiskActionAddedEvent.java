package se.samverka.kernel.risk;

import java.time.Instant;
import java.time.LocalDate;
import se.samverka.kernel.project.ProjectId;

/** A proposed action was added to a risk. */
public record RiskActionAddedEvent(ProjectId projectId, RiskId riskId, RiskActionId actionId, String description,
                                   String owner, LocalDate dueDate, RiskActionStatus status, String addedBy,
                                   Instant addedAt) implements RiskRegisterEvent {
}
