package se.samverka.kernel.survey;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.samverka.kernel.project.ProjectId;

/**
 * The facilitator registers a source of the environment analysis ({@code sourceId} null: a new
 * one, numbered K1, K2, …) or changes one: its kind, organisation, the question it informs,
 * interview notes, the date and whether it is planned or done.
 */
public record SetEnvironmentSourceCommand(ProjectId projectId, String facilitator, String sourceId,
                                          SourceKind kind, String organisation, String question, String notes,
                                          LocalDate date, SourceStatus status) {
    @TargetAggregateIdentifier
    public EnvironmentAnalysisId analysisId() {
        return EnvironmentAnalysisId.of(projectId);
    }
}
