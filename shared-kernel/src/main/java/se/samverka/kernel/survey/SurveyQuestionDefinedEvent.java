package se.samverka.kernel.survey;

import java.time.Instant;
import se.samverka.kernel.project.ProjectId;

/** A question was added to a draft survey, or replaced. */
public record SurveyQuestionDefinedEvent(SurveyId surveyId, ProjectId projectId, SurveyQuestion question,
                                         Instant definedAt) implements SurveyEvent {
}
