package se.samverka.kernel.survey;

import java.time.Instant;
import se.samverka.kernel.project.ProjectId;

/** The survey opened for answers. */
public record SurveyOpenedEvent(SurveyId surveyId, ProjectId projectId, Instant openedAt) implements SurveyEvent {
}
