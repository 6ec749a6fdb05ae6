package se.samverka.kernel.survey;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.samverka.kernel.project.ProjectId;

/** Adds a question to a draft survey ({@code question.id} null: a new one) or replaces one. */
public record DefineSurveyQuestionCommand(@TargetAggregateIdentifier SurveyId surveyId, ProjectId projectId, String facilitator,
                                          SurveyQuestion question) {
}
