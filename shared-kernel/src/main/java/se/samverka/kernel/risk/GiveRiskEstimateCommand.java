package se.samverka.kernel.risk;

import se.samverka.kernel.workshop.ParticipantId;
import se.samverka.kernel.workshop.WorkshopId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.samverka.kernel.project.ProjectId;

/** A participant gives (or changes) their estimate in a risk's open joint estimate. */
public record GiveRiskEstimateCommand(ProjectId projectId, WorkshopId workshopId, ParticipantId participantId,
                                      RiskId riskId, RiskAssessment assessment) {
    @TargetAggregateIdentifier
    public RiskRegisterId registerId() {
        return RiskRegisterId.of(projectId);
    }
}
