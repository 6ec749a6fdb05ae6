package se.samverka.query.results;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import se.samverka.query.workshop.CapabilityView;
import se.samverka.query.workshop.RatingRecord;
import se.samverka.query.workshop.RatingView;

/**
 * Turns ratings into the capability picture. Pure: the same ratings give the same picture.
 *
 * <p>Rules the pre-study report needs, written down here because they are choices:
 * a capability counts as a common strength when it has at least {@value #MIN_RATINGS} ratings,
 * from at least two organisations when more than one took part, an agreement of at least
 * {@value #AGREEMENT_THRESHOLD}, and a mean of at least {@value #STRENGTH_MEAN}; a weakness
 * likewise with a mean of at most {@value #WEAKNESS_MEAN}. At most {@value #HIGHLIGHTS} of each,
 * strongest (weakest) first. A heatmap cell is marked when its agreement is below
 * {@value #LOW_AGREEMENT}.
 */
public final class ResultsCalculator {
    static final int MIN_RATINGS = 2;
    static final double AGREEMENT_THRESHOLD = 0.6;
    static final double STRENGTH_MEAN = 3.5;
    static final double WEAKNESS_MEAN = 2.5;
    static final double LOW_AGREEMENT = 0.5;
    static final int HIGHLIGHTS = 5;
    /** How ratings of participants who gave no organisation are grouped. */
    public static final String NO_ORGANISATION = "–";

    private ResultsCalculator() {
    }

    public static ResultsView calculate(String scope, List<CapabilityView> model, List<RatingRecord> ratings) {
        Map<String, List<RatingRecord>> byCapability = ratings.stream()
                .collect(Collectors.groupingBy(RatingRecord::capabilityId));
        List<String> organisations = new ArrayList<>(new TreeSet<>(ratings.stream()
                .map(ResultsCalculator::organisation).toList()));
        List<ResultsView.CapabilityResult> capabilities = new ArrayList<>();
        List<List<ResultsView.Cell>> rows = new ArrayList<>();
        organisations.forEach(organisation -> rows.add(new ArrayList<>()));
        for (CapabilityView capability : model) {
            List<RatingRecord> own = byCapability.getOrDefault(capability.id(), List.of());
            Map<String, RatingView> byOrganisation = group(own, ResultsCalculator::organisation);
            Map<String, RatingView> byDimension = group(own.stream().filter(r -> r.dimension() != null).toList(),
                    RatingRecord::dimension);
            capabilities.add(new ResultsView.CapabilityResult(capability.id(), capability.parentId(),
                    capability.category(), capability.name(), scores(own), byDimension, byOrganisation));
            for (int i = 0; i < organisations.size(); i++) {
                RatingView cell = byOrganisation.getOrDefault(organisations.get(i), RatingView.empty());
                rows.get(i).add(new ResultsView.Cell(cell.count(), cell.mean(), cell.agreement(),
                        cell.agreement() != null && cell.count() > 1 && cell.agreement() < LOW_AGREEMENT));
            }
        }
        ResultsView.Heatmap heatmap = new ResultsView.Heatmap(organisations,
                model.stream().map(CapabilityView::id).toList(), rows);
        List<ResultsView.Highlight> candidates = capabilities.stream()
                .filter(c -> c.region().count() >= MIN_RATINGS)
                .filter(c -> organisations.size() < 2 || c.byOrganisation().size() >= 2)
                .filter(c -> c.region().agreement() >= AGREEMENT_THRESHOLD)
                .map(c -> new ResultsView.Highlight(c.capabilityId(), c.name(), c.region().mean(),
                        c.region().agreement(), c.region().count(), c.byOrganisation().size()))
                .toList();
        List<ResultsView.Highlight> strengths = candidates.stream().filter(h -> h.mean() >= STRENGTH_MEAN)
                .sorted(Comparator.comparingDouble(ResultsView.Highlight::mean).reversed()
                        .thenComparing(Comparator.comparingDouble(ResultsView.Highlight::agreement).reversed()))
                .limit(HIGHLIGHTS).toList();
        List<ResultsView.Highlight> weaknesses = candidates.stream().filter(h -> h.mean() <= WEAKNESS_MEAN)
                .sorted(Comparator.comparingDouble(ResultsView.Highlight::mean)
                        .thenComparing(Comparator.comparingDouble(ResultsView.Highlight::agreement).reversed()))
                .limit(HIGHLIGHTS).toList();
        return new ResultsView(scope, ratings.size(), organisations, capabilities, heatmap, strengths, weaknesses);
    }

    private static Map<String, RatingView> group(List<RatingRecord> ratings, Function<RatingRecord, String> key) {
        Map<String, List<Integer>> scores = new TreeMap<>();
        ratings.forEach(r -> scores.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r.score()));
        Map<String, RatingView> result = new LinkedHashMap<>();
        scores.forEach((k, v) -> result.put(k, RatingView.ofScores(v)));
        return result;
    }

    private static RatingView scores(List<RatingRecord> ratings) {
        return RatingView.ofScores(ratings.stream().map(RatingRecord::score).toList());
    }

    private static String organisation(RatingRecord rating) {
        return rating.organisation() == null || rating.organisation().isBlank() ? NO_ORGANISATION
                : rating.organisation();
    }
}
