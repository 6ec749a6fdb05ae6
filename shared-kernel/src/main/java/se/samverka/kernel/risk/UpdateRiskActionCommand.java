package se.samverka.kernel.risk;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.samverka.kernel.project.ProjectId;

/** The facilitator changes an action of a risk: its text, owner, due date or status. */
public record UpdateRiskActionCommand(ProjectId projectId, String facilitator, RiskId riskId, RiskActionId actionId,
                                      String description, String owner, LocalDate dueDate, RiskActionStatus status) {
    @TargetAggregateIdentifier
    public RiskRegisterId registerId() {
        return RiskRegisterId.of(projectId);
    }
}
