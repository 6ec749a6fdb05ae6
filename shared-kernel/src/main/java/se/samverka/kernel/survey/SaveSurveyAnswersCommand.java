package se.samverka.kernel.survey;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A respondent (one organisation and target group, through its link) saves answers: as a draft
 * to continue later ({@code submit} false) or as the respondent's answer set ({@code submit}
 * true), which replaces any earlier one until the survey closes.
 */
public record SaveSurveyAnswersCommand(@TargetAggregateIdentifier SurveyId surveyId, String organisation,
                                       String targetGroup, List<SurveyAnswer> answers, boolean submit) {
}
