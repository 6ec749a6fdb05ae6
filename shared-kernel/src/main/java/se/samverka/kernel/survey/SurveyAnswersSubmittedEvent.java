package se.samverka.kernel.survey;

import java.time.Instant;
import java.util.List;
import se.samverka.kernel.project.ProjectId;

/**
 * A respondent submitted their answer set; {@code revision} 1 is the first submission, higher
 * ones replace it. {@code previousAnswers}: the set it replaces (empty on the first), so the
 * audit trail shows old → new per question.
 */
public record SurveyAnswersSubmittedEvent(SurveyId surveyId, ProjectId projectId, String organisation,
                                          String targetGroup, List<SurveyAnswer> answers,
                                          List<SurveyAnswer> previousAnswers, int revision, Instant submittedAt)
        implements SurveyEvent {
}
