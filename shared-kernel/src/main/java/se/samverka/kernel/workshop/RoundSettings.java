package se.samverka.kernel.workshop;

import java.util.Objects;

/**
 * How a round is run. Sealed (the default) keeps every value and aggregate from everyone until
 * the facilitator reveals; anonymous keeps names off every screen and export.
 */
public record RoundSettings(RatingMode ratingMode, boolean anonymous, boolean sealed, Integer timeLimitSeconds) {
    public static final int MAX_TIME_LIMIT_SECONDS = 24 * 60 * 60;

    /** Rate each capability as a whole, or each of its dimensions (processes, people, tools). */
    public enum RatingMode { OVERALL, PER_DIMENSION }

    public RoundSettings {
        Objects.requireNonNull(ratingMode, "ratingMode");
        if (timeLimitSeconds != null && (timeLimitSeconds < 10 || timeLimitSeconds > MAX_TIME_LIMIT_SECONDS)) {
            throw new IllegalArgumentException("a time limit is 10 seconds to 24 hours");
        }
    }

    public static RoundSettings defaults() {
        return new RoundSettings(RatingMode.OVERALL, false, true, null);
    }
}
