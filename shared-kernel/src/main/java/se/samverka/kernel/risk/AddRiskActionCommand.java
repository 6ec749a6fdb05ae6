package se.samverka.kernel.risk;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.samverka.kernel.project.ProjectId;

/** The facilitator adds a proposed action to a risk; the risk gives it the next id (A1, A2, …). */
public record AddRiskActionCommand(ProjectId projectId, String facilitator, RiskId riskId, String description,
                                   String owner, LocalDate dueDate) {
    @TargetAggregateIdentifier
    public RiskRegisterId registerId() {
        return RiskRegisterId.of(projectId);
    }
}
