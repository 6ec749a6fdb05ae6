package se.samverka.kernel.survey;

import se.samverka.kernel.project.ProjectId;

/** Everything that happens to a survey; every event moves its version up by one. */
public sealed interface SurveyEvent permits SurveyCreatedEvent, SurveyQuestionDefinedEvent,
        SurveyQuestionRemovedEvent, SurveyOpenedEvent, SurveyClosedEvent, SurveyDraftSavedEvent,
        SurveyAnswersSubmittedEvent {
    SurveyId surveyId();

    ProjectId projectId();
}
