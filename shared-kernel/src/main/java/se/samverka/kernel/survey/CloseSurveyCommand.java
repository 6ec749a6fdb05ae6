package se.samverka.kernel.survey;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.samverka.kernel.project.ProjectId;

/** Closes an open survey: no answer is saved or changed after this. */
public record CloseSurveyCommand(@TargetAggregateIdentifier SurveyId surveyId, ProjectId projectId, String facilitator) {
}
