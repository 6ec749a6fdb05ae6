package se.samverka.kernel.survey;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.samverka.kernel.project.ProjectId;

/** Opens a draft survey for answers; its questions are fixed from now on. */
public record OpenSurveyCommand(@TargetAggregateIdentifier SurveyId surveyId, ProjectId projectId, String facilitator) {
}
