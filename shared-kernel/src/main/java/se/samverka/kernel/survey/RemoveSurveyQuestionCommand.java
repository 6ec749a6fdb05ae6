package se.samverka.kernel.survey;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.samverka.kernel.project.ProjectId;

/** Takes a question out of a draft survey. */
public record RemoveSurveyQuestionCommand(@TargetAggregateIdentifier SurveyId surveyId, ProjectId projectId, String facilitator,
                                          String questionId) {
}
