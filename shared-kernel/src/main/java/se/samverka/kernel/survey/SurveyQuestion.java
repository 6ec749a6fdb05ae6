package se.samverka.kernel.survey;

import java.util.List;

/**
 * One question of a survey: its kind, text, the target groups (keys) it is addressed to, the
 * options of a choice question, the unit of a number question, and optionally the capability
 * (and dimension) of the project's model it gives evidence about.
 */
public record SurveyQuestion(String id, QuestionKind kind, String text, String help, List<String> targetGroups,
                             List<String> options, NumberUnit unit, String capabilityId, String dimensionId) {
    public SurveyQuestion {
        targetGroups = targetGroups == null ? List.of() : RequestLists.copyRefusingNulls("targetGroups", targetGroups);
        options = options == null ? List.of() : RequestLists.copyRefusingNulls("options", options);
    }

    public boolean addressedTo(String targetGroup) {
        return targetGroups.contains(targetGroup);
    }
}
