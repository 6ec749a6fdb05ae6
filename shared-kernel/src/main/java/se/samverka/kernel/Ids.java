package se.samverka.kernel;

/** Shared checks for typed ids: ids travel in URLs and STOMP destinations, so keep them plain. */
public final class Ids {
    private static final int MAX_LENGTH = 64;

    private Ids() {
    }

    /** Returns {@code value} when it is a safe id, else throws {@link IllegalArgumentException}. */
    public static String require(String kind, String value) {
        if (!isSafe(value)) {
            throw new IllegalArgumentException(kind + " must be 1-64 letters, digits, '-' or '_'");
        }
        return value;
    }

    /** Whether {@code value} would pass {@link #require}. */
    public static boolean isSafe(String value) {
        // [A-Za-z0-9][A-Za-z0-9_-]{0,63}, by hand: every id of every event read passes here, and a
        // regular expression made this check a twentieth of a rebuild's time.
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH || !letterOrDigit(value.charAt(0))) {
            return false;
        }
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!letterOrDigit(c) && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean letterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
