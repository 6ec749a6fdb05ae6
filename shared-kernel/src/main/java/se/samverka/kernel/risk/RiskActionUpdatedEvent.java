package se.samverka.kernel.risk;

import java.time.Instant;
import java.time.LocalDate;
import se.samverka.kernel.project.ProjectId;

/** An action of a risk was changed; the event carries the action's new state whole. */
public record RiskActionUpdatedEvent(ProjectId projectId, RiskId riskId, RiskActionId actionId, String description,
                                     String owner, LocalDate dueDate, RiskActionStatus status, String updatedBy,
                                     Instant updatedAt) implements RiskRegisterEvent {
}
