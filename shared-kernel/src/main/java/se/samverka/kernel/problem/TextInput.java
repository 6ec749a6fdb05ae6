package se.samverka.kernel.problem;

/**
 * The checks every aggregate makes of free text a user typed: stripped, blank read as left
 * out, a maximum length. A refusal is a 400 whose code names the field ({@code invalid-title}).
 */
public final class TextInput {
    private TextInput() {
    }

    /** A text that must be given: stripped, at most {@code max} characters. */
    public static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw invalid(field, field + " is required");
        }
        return optional(field, value, max);
    }

    /** A text that may be left out (blank reads as left out): stripped, at most {@code max} characters. */
    public static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            throw invalid(field, field + " is at most " + max + " characters");
        }
        return trimmed;
    }

    public static DomainException invalid(String field, String message) {
        return new DomainException(DomainException.Kind.INVALID, "invalid-" + field.toLowerCase(), message);
    }
}
