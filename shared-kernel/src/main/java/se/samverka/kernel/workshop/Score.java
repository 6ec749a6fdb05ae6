package se.samverka.kernel.workshop;

/** A maturity rating on the scale 1 (weak) to 5 (strong). */
public record Score(int value) {
    public static final int MIN = 1;
    public static final int MAX = 5;

    public Score {
        if (value < MIN || value > MAX) {
            throw new IllegalArgumentException("score must be a whole number from 1 to 5");
        }
    }
}
