package se.samverka.query.survey;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import se.samverka.query.survey.SurveyView.AnswerView;
import se.samverka.query.survey.SurveyView.Party;
import se.samverka.query.survey.SurveyView.QuestionView;
import se.samverka.query.survey.SurveyView.RespondentView;

/**
 * A survey's results from its submitted answer sets only (drafts are not answers yet): per
 * question for all respondents, per target group and per organisation.
 */
public record SurveyResults(String surveyId, String title, String status, int respondents,
                            List<Party> targetGroups, List<Party> organisations, List<QuestionResult> questions) {

    public record QuestionResult(String questionId, String kind, String text, String unit, String unitLabel,
                                 String capabilityId, String dimensionId, Summary overall,
                                 Map<String, Summary> byTargetGroup, Map<String, Summary> byOrganisation) {
    }

    /**
     * What the answers to one question add up to. Scale: mean and the count of each score 1–5.
     * Choices: how often each option was chosen. Number: sum, mean, median, min and max. Free
     * text: the texts with who (organisation, group) wrote them.
     */
    public record Summary(int count, Double mean, List<Integer> distribution, Map<String, Integer> options,
                          String sum, String median, String min, String max, List<TextAnswer> texts) {
    }

    public record TextAnswer(String organisation, String targetGroup, String text) {
    }

    record Given(RespondentView respondent, AnswerView answer) {
    }

    public static SurveyResults of(SurveyView survey) {
        List<RespondentView> submitted = survey.respondents().stream().filter(r -> r.submitted() != null).toList();
        List<QuestionResult> questions = new ArrayList<>();
        for (QuestionView question : survey.questions()) {
            List<Given> given = new ArrayList<>();
            for (RespondentView respondent : submitted) {
                respondent.submitted().stream().filter(a -> a.questionId().equals(question.id())).findFirst()
                        .ifPresent(answer -> given.add(new Given(respondent, answer)));
            }
            questions.add(new QuestionResult(question.id(), question.kind(), question.text(), question.unit(),
                    question.unitLabel(), question.capabilityId(), question.dimensionId(),
                    summarise(question, given),
                    grouped(question, given, survey.targetGroups(), g -> g.respondent().targetGroup()),
                    grouped(question, given, survey.organisations(), g -> g.respondent().organisation())));
        }
        return new SurveyResults(survey.surveyId(), survey.title(), survey.status(), submitted.size(),
                survey.targetGroups(), survey.organisations(), List.copyOf(questions));
    }

    private static Map<String, Summary> grouped(QuestionView question, List<Given> given, List<Party> parties,
                                                Function<Given, String> key) {
        Map<String, Summary> out = new LinkedHashMap<>();
        for (Party party : parties) {
            List<Given> mine = given.stream().filter(g -> key.apply(g).equals(party.key())).toList();
            if (!mine.isEmpty()) {
                out.put(party.key(), summarise(question, mine));
            }
        }
        return out;
    }

    static Summary summarise(QuestionView question, List<Given> given) {
        int count = given.size();
        switch (question.kind()) {
            case "SCALE" -> {
                List<Integer> distribution = new ArrayList<>(List.of(0, 0, 0, 0, 0));
                double total = 0;
                for (Given g : given) {
                    int score = g.answer().scale();
                    distribution.set(score - 1, distribution.get(score - 1) + 1);
                    total += score;
                }
                return new Summary(count, count == 0 ? null : round(total / count), List.copyOf(distribution), null,
                        null, null, null, null, null);
            }
            case "SINGLE_CHOICE", "MULTIPLE_CHOICE" -> {
                Map<String, Integer> options = new LinkedHashMap<>();
                question.options().forEach(option -> options.put(option, 0));
                for (Given g : given) {
                    g.answer().choices().forEach(choice -> options.merge(choice, 1, Integer::sum));
                }
                return new Summary(count, null, null, options, null, null, null, null, null);
            }
            case "NUMBER" -> {
                List<BigDecimal> numbers = given.stream().map(g -> new BigDecimal(g.answer().number())).sorted()
                        .toList();
                if (numbers.isEmpty()) {
                    return new Summary(0, null, null, null, null, null, null, null, null);
                }
                BigDecimal sum = numbers.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                int n = numbers.size();
                BigDecimal median = n % 2 == 1 ? numbers.get(n / 2)
                        : numbers.get(n / 2 - 1).add(numbers.get(n / 2)).divide(BigDecimal.valueOf(2), 2,
                        RoundingMode.HALF_UP);
                return new Summary(n, round(sum.doubleValue() / n), null, null, plain(sum), plain(median),
                        plain(numbers.get(0)), plain(numbers.get(n - 1)), null);
            }
            default -> {
                List<TextAnswer> texts = given.stream().map(g -> new TextAnswer(g.respondent().organisation(),
                        g.respondent().targetGroup(), g.answer().text())).toList();
                return new Summary(count, null, null, null, null, null, null, null, texts);
            }
        }
    }

    private static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    private static double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }
}
