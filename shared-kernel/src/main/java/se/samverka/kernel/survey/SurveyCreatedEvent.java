package se.samverka.kernel.survey;

import java.time.Instant;
import java.util.List;
import se.samverka.kernel.project.ProjectId;

/** A survey was created as a draft; its questions follow as {@link SurveyQuestionDefinedEvent}s. */
public record SurveyCreatedEvent(SurveyId surveyId, ProjectId projectId, String title, List<String> targetGroups,
                                 List<String> organisations, String createdBy, Instant createdAt)
        implements SurveyEvent {
}
