package se.samverka.query.results;

import java.util.List;
import java.util.Map;
import se.samverka.kernel.capability.LocalizedText;
import se.samverka.query.workshop.RatingView;

/**
 * The capability picture of a workshop, a round or a whole project: per capability for the
 * region and per organisation, the heatmap of organisations × capabilities, and the common
 * strengths and weaknesses.
 */
public record ResultsView(String scope, int ratingCount, List<String> organisations,
                          List<CapabilityResult> capabilities, Heatmap heatmap, List<Highlight> strengths,
                          List<Highlight> weaknesses) {

    /** One capability: all its ratings pooled ({@code region}), per dimension and per organisation. */
    public record CapabilityResult(String capabilityId, String parentId, String category, LocalizedText name,
                                   RatingView region, Map<String, RatingView> byDimension,
                                   Map<String, RatingView> byOrganisation) {
    }

    /** Rows are organisations, columns capabilities (in {@code capabilityIds} order). */
    public record Heatmap(List<String> organisations, List<String> capabilityIds, List<List<Cell>> rows) {
    }

    /** A heatmap cell; {@code lowAgreement} marks where the organisation's raters disagree. */
    public record Cell(int count, Double mean, Double agreement, boolean lowAgreement) {
    }

    /** A capability the region rates high (or low) and agrees on. */
    public record Highlight(String capabilityId, LocalizedText name, double mean, double agreement, int count,
                            int organisations) {
    }
}
