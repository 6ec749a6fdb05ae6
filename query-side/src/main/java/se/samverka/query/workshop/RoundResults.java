package se.samverka.query.workshop;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Turns the ratings of a round into its results, in model order, overall before dimensions. */
final class RoundResults {
    private RoundResults() {
    }

    static List<RoundResult> of(List<RatingRecord> ratings, WorkshopView workshop) {
        Map<String, Integer> order = new LinkedHashMap<>();
        workshop.capabilities().forEach(c -> order.put(c.id(), order.size()));
        Map<String, Integer> dimensionOrder = new LinkedHashMap<>();
        workshop.dimensions().forEach(d -> dimensionOrder.put(d.id(), dimensionOrder.size()));
        Map<List<String>, List<Integer>> scores = new LinkedHashMap<>();
        for (RatingRecord rating : ratings) {
            scores.computeIfAbsent(java.util.Arrays.asList(rating.capabilityId(), rating.dimension()),
                    key -> new ArrayList<>()).add(rating.score());
        }
        List<RoundResult> results = new ArrayList<>();
        scores.forEach((key, values) -> results.add(new RoundResult(key.get(0), key.get(1),
                RatingView.ofScores(values))));
        results.sort(Comparator
                .comparingInt((RoundResult r) -> order.getOrDefault(r.capabilityId(), Integer.MAX_VALUE))
                .thenComparingInt(r -> r.dimension() == null ? -1
                        : dimensionOrder.getOrDefault(r.dimension(), Integer.MAX_VALUE))
                .thenComparing(r -> Objects.toString(r.dimension(), "")));
        return results;
    }
}
