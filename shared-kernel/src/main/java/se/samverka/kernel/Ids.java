package se.samverka.kernel;

import java.util.regex.Pattern;

/** Shared checks for typed ids: ids travel in URLs and STOMP destinations, so keep them plain. */
public final class Ids {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private Ids() {
    }

    /** Returns {@code value} when it is a safe id, else throws {@link IllegalArgumentException}. */
    public static String require(String kind, String value) {
        if (value == null || !SAFE.matcher(value).matches()) {
            throw new IllegalArgumentException(kind + " must be 1-64 letters, digits, '-' or '_'");
        }
        return value;
    }

    /** Whether {@code value} would pass {@link #require}. */
    public static boolean isSafe(String value) {
        return value != null && SAFE.matcher(value).matches();
    }
}
