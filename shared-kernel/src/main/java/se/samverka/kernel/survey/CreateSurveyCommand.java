package se.samverka.kernel.survey;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.samverka.kernel.project.ProjectId;

/**
 * The facilitator creates a survey in a project, as a draft: its title, the target groups and
 * organisations (names) that will get links, and the first questions (for example the template's).
 */
public record CreateSurveyCommand(@TargetAggregateIdentifier SurveyId surveyId, ProjectId projectId,
                                  String facilitator, String title, List<String> targetGroups,
                                  List<String> organisations, List<SurveyQuestion> questions) {
}
