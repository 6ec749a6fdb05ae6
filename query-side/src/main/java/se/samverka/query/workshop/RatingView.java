package se.samverka.query.workshop;

import java.util.ArrayList;
import java.util.List;

/**
 * The ratings of one capability: how many, their mean and how they spread over 1-5.
 * {@code distribution.get(i)} counts the ratings with score {@code i + 1}.
 */
public record RatingView(int count, Double mean, List<Integer> distribution) {
    public static final int SCALE = 5;

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

    static RatingView of(List<Integer> distribution) {
        int count = 0;
        long sum = 0;
        for (int i = 0; i < SCALE; i++) {
            count += distribution.get(i);
            sum += (long) distribution.get(i) * (i + 1);
        }
        Double mean = count == 0 ? null : Math.round(sum * 100.0 / count) / 100.0;
        return new RatingView(count, mean, List.copyOf(distribution));
    }
}
