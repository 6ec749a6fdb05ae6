package se.samverka.kernel.survey;

import java.time.Instant;
import se.samverka.kernel.project.ProjectId;

/** A question was taken out of a draft survey. */
public record SurveyQuestionRemovedEvent(SurveyId surveyId, ProjectId projectId, String questionId,
                                         Instant removedAt) implements SurveyEvent {
}
