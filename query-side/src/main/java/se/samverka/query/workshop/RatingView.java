package se.samverka.query.workshop;

import java.util.ArrayList;
import java.util.List;

/**
 * The ratings of one capability (or one of its dimensions): how many, and how they spread
 * over 1-5. {@code distribution.get(i)} counts the ratings with score {@code i + 1}; every
 * other figure is derived from it.
 *
 * <p>{@code agreement} is 1 - sd / 2: 1 when everyone gave the same score, 0 when the ratings
 * split evenly between 1 and 5 (the largest population standard deviation the scale allows).
 */
public record RatingView(int count, Double mean, Double median, Double stddev, Double agreement,
                         List<Integer> distribution) {
    public static final int SCALE = 5;
    private static final double MAX_STDDEV = (SCALE - 1) / 2.0;

    public static RatingView empty() {
        return of(List.of(0, 0, 0, 0, 0));
    }

    /** Counts {@code score}, and forgets {@code previous} when the rating replaces one. */
    public RatingView replace(int score, Integer previous) {
        List<Integer> next = new ArrayList<>(distribution);
        if (previous != null) {
            next.set(previous - 1, Math.max(0, next.get(previous - 1) - 1));
        }
        next.set(score - 1, next.get(score - 1) + 1);
        return of(next);
    }

    /** The figures of a distribution over the scale. */
    public static RatingView of(List<Integer> distribution) {
        int count = 0;
        long sum = 0;
        for (int i = 0; i < SCALE; i++) {
            count += distribution.get(i);
            sum += (long) distribution.get(i) * (i + 1);
        }
        if (count == 0) {
            return new RatingView(0, null, null, null, null, List.copyOf(distribution));
        }
        double mean = (double) sum / count;
        double squares = 0;
        for (int i = 0; i < SCALE; i++) {
            squares += distribution.get(i) * Math.pow(i + 1 - mean, 2);
        }
        double stddev = Math.sqrt(squares / count);
        return new RatingView(count, round(mean), median(distribution, count), round(stddev),
                round(1 - stddev / MAX_STDDEV), List.copyOf(distribution));
    }

    /** Counts each score of {@code scores} (all on the scale). */
    public static RatingView ofScores(Iterable<Integer> scores) {
        List<Integer> distribution = new ArrayList<>(List.of(0, 0, 0, 0, 0));
        for (int score : scores) {
            distribution.set(score - 1, distribution.get(score - 1) + 1);
        }
        return of(distribution);
    }

    private static double median(List<Integer> distribution, int count) {
        return (valueAt(distribution, (count - 1) / 2) + valueAt(distribution, count / 2)) / 2.0;
    }

    /** The score at position {@code index} of the sorted ratings. */
    private static int valueAt(List<Integer> distribution, int index) {
        int seen = 0;
        for (int i = 0; i < SCALE; i++) {
            seen += distribution.get(i);
            if (index < seen) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("index beyond the ratings");
    }

    private static double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }
}
