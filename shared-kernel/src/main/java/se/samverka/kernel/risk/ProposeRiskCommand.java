package se.samverka.kernel.risk;

import se.samverka.kernel.workshop.ParticipantId;
import se.samverka.kernel.workshop.WorkshopId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.samverka.kernel.project.ProjectId;

/**
 * A participant of one of the project's workshops proposes a risk for the register. The first
 * proposal of a project creates its register.
 */
public record ProposeRiskCommand(ProjectId projectId, WorkshopId workshopId, ParticipantId participantId, String threat,
                                 String vulnerability, String consequence, RiskAssessment assessment) {
    @TargetAggregateIdentifier
    public RiskRegisterId registerId() {
        return RiskRegisterId.of(projectId);
    }
}
