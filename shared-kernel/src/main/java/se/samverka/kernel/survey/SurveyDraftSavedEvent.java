package se.samverka.kernel.survey;

import java.time.Instant;
import java.util.List;
import se.samverka.kernel.project.ProjectId;

/**
 * A respondent saved answers to continue later. Drafts are events like everything else (the
 * link may be opened on another device), but results count only submitted answer sets.
 */
public record SurveyDraftSavedEvent(SurveyId surveyId, ProjectId projectId, String organisation,
                                    String targetGroup, List<SurveyAnswer> answers, Instant savedAt)
        implements SurveyEvent {
}
