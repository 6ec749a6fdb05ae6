package se.samverka.kernel.survey;

import java.time.Instant;
import se.samverka.kernel.project.ProjectId;

/** The survey closed: its submitted answer sets are final. */
public record SurveyClosedEvent(SurveyId surveyId, ProjectId projectId, int submittedCount, Instant closedAt)
        implements SurveyEvent {
}
