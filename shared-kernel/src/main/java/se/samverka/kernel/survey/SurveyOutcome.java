package se.samverka.kernel.survey;

/** What a survey or environment command answers: the id it concerned and the aggregate's version that includes it. */
public record SurveyOutcome(String id, long version) {
}
