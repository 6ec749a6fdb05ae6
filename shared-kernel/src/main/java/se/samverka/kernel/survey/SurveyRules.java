package se.samverka.kernel.survey;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import se.samverka.kernel.problem.DomainException;
import se.samverka.kernel.problem.TextInput;

/**
 * What makes a question and an answer valid. Pure functions, so the survey aggregate, its
 * fixture tests and the respondent page's checks speak of the same limits.
 */
public final class SurveyRules {
    public static final int MAX_FREE_TEXT = 2000;
    public static final int MAX_QUESTION_TEXT = 500;
    public static final int MAX_OPTIONS = 20;
    public static final int MAX_OPTION = 120;
    public static final int MAX_QUESTIONS = 60;
    public static final int MAX_NUMBER_SCALE = 2;

    private SurveyRules() {
    }

    /**
     * The answers a respondent of {@code targetGroup} may give to {@code questions}, cleaned
     * (free text stripped, empty answers dropped); anything out of range or of the wrong kind,
     * a question not addressed to the group, or an answer twice is refused as a whole.
     */
    public static List<SurveyAnswer> check(Map<String, SurveyQuestion> questions, String targetGroup,
                                           List<SurveyAnswer> answers) {
        if (answers == null) {
            throw invalid("answers", "answers are required");
        }
        Map<String, SurveyAnswer> cleaned = new LinkedHashMap<>();
        for (SurveyAnswer answer : answers) {
            if (answer == null || answer.questionId() == null) {
                throw invalid("answers", "every answer names its question");
            }
            SurveyQuestion question = questions.get(answer.questionId());
            if (question == null || !question.addressedTo(targetGroup)) {
                throw invalid("question", "question " + answer.questionId() + " is not asked of this target group");
            }
            if (cleaned.containsKey(question.id())) {
                throw invalid("answers", "question " + question.id() + " is answered twice");
            }
            SurveyAnswer checked = check(question, answer);
            if (checked != null) {
                cleaned.put(question.id(), checked);
            }
        }
        return List.copyOf(cleaned.values());
    }

    /** The answer cleaned, null when it is empty (no value given), or a 400 refusal. */
    static SurveyAnswer check(SurveyQuestion question, SurveyAnswer answer) {
        String id = question.id();
        int given = (answer.scale() != null ? 1 : 0) + (answer.choices() != null && !answer.choices().isEmpty() ? 1 : 0)
                + (answer.number() != null ? 1 : 0) + (answer.text() != null && !answer.text().isBlank() ? 1 : 0);
        if (given == 0) {
            return null;
        }
        if (given > 1) {
            throw invalid("answer", "question " + id + " takes one kind of value");
        }
        return switch (question.kind()) {
            case SCALE -> {
                if (answer.scale() == null || answer.scale() < 1 || answer.scale() > 5) {
                    throw invalid("scale", "question " + id + " takes a whole number from 1 to 5");
                }
                yield SurveyAnswer.scale(id, answer.scale());
            }
            case SINGLE_CHOICE, MULTIPLE_CHOICE -> {
                List<String> choices = answer.choices();
                if (choices == null || choices.isEmpty()) {
                    throw invalid("choices", "question " + id + " takes one of its options");
                }
                if (question.kind() == QuestionKind.SINGLE_CHOICE && choices.size() != 1) {
                    throw invalid("choices", "question " + id + " takes exactly one option");
                }
                Set<String> seen = new HashSet<>();
                for (String choice : choices) {
                    if (choice == null || !question.options().contains(choice) || !seen.add(choice)) {
                        throw invalid("choices", "question " + id + " takes only its own options, each once");
                    }
                }
                yield new SurveyAnswer(id, null, choices, null, null);
            }
            case NUMBER -> {
                BigDecimal number = answer.number();
                if (number == null) {
                    throw invalid("number", "question " + id + " takes a number");
                }
                BigDecimal plain = number.stripTrailingZeros();
                if (plain.signum() < 0 || plain.compareTo(question.unit().max()) > 0
                        || Math.max(plain.scale(), 0) > MAX_NUMBER_SCALE) {
                    throw invalid("number", "question " + id + " takes a number from 0 to "
                            + question.unit().max().toPlainString() + " " + question.unit().label()
                            + " with at most " + MAX_NUMBER_SCALE + " decimals");
                }
                yield new SurveyAnswer(id, null, null, plain.scale() < 0 ? plain.setScale(0) : plain, null);
            }
            case TEXT -> {
                String text = answer.text();
                if (text == null) {
                    throw invalid("text", "question " + id + " takes text");
                }
                String stripped = text.strip();
                if (stripped.length() > MAX_FREE_TEXT) {
                    throw invalid("text", "an answer is at most " + MAX_FREE_TEXT + " characters");
                }
                yield SurveyAnswer.text(id, stripped);
            }
        };
    }

    public static DomainException invalid(String field, String message) {
        return TextInput.invalid(field, message);
    }
}
