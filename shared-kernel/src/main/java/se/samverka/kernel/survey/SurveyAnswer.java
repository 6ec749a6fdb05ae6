package se.samverka.kernel.survey;

import java.math.BigDecimal;
import java.util.List;

/**
 * An answer to one question: exactly the field of the question's kind is set ({@code scale},
 * {@code choices}, {@code number} or {@code text}); the command side refuses anything else.
 */
public record SurveyAnswer(String questionId, Integer scale, List<String> choices, BigDecimal number, String text) {
    public SurveyAnswer {
        choices = choices == null ? null : RequestLists.copyRefusingNulls("choices", choices);
    }

    public static SurveyAnswer scale(String questionId, int scale) {
        return new SurveyAnswer(questionId, scale, null, null, null);
    }

    public static SurveyAnswer choices(String questionId, String... choices) {
        return new SurveyAnswer(questionId, null, List.of(choices), null, null);
    }

    public static SurveyAnswer number(String questionId, String number) {
        return new SurveyAnswer(questionId, null, null, new BigDecimal(number), null);
    }

    public static SurveyAnswer text(String questionId, String text) {
        return new SurveyAnswer(questionId, null, null, null, text);
    }

    /** The answer as one line of plain text (CSV, audit). */
    public String display() {
        if (scale != null) {
            return scale.toString();
        }
        if (choices != null) {
            return String.join(", ", choices);
        }
        if (number != null) {
            return number.toPlainString();
        }
        return text == null ? "" : text;
    }
}
