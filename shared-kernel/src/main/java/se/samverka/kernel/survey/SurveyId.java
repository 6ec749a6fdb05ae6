package se.samverka.kernel.survey;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Identifies a survey. Lower-case and short on purpose: its response-rate board is the live
 * stream {@code survey-<id>} of its project, and stream names are lower-case, at most 32 characters.
 */
public record SurveyId(String value) {
    private static final Pattern SHAPE = Pattern.compile("[a-z0-9][a-z0-9-]{0,23}");
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    public SurveyId {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("a survey id is 1-24 lower-case letters, digits or '-'");
        }
    }

    public static boolean isValid(String value) {
        return value != null && SHAPE.matcher(value).matches();
    }

    public static SurveyId random() {
        StringBuilder id = new StringBuilder("sv-");
        for (int i = 0; i < 10; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return new SurveyId(id.toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
