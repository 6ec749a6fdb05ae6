package se.samverka.query.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.samverka.kernel.capability.LocalizedText;
import se.samverka.query.workshop.CapabilityView;
import se.samverka.query.workshop.ModeVotes;
import se.samverka.query.workshop.RatingRecord;
import se.samverka.query.workshop.RatingView;

class ResultsCalculatorTest {
    private static final List<CapabilityView> MODEL = List.of(capability("strong"), capability("weak"),
            capability("split"), capability("unrated"));

    private static CapabilityView capability(String id) {
        return new CapabilityView(id, null, "core", new LocalizedText(id, id), RatingView.empty(), ModeVotes.none(),
                false);
    }

    private static final List<RatingRecord> RATINGS = new ArrayList<>();
    private static int next;

    private static void rate(String organisation, String capability, String dimension, int score) {
        next++;
        RATINGS.add(new RatingRecord("r" + next, "w1", "p1", "person" + next, organisation, null, capability,
                dimension, score));
    }

    static {
        rate("Uddevalla", "strong", null, 5);
        rate("Uddevalla", "strong", null, 4);
        rate("Tanum", "strong", null, 5);
        rate("Uddevalla", "weak", null, 1);
        rate("Tanum", "weak", null, 2);
        rate("Tanum", "weak", null, 1);
        rate("Uddevalla", "split", null, 1);
        rate("Uddevalla", "split", null, 5);
        rate("Tanum", "split", "people", 5);
        rate(null, "split", "tools", 1);
    }

    @Test
    void givenRatingsOfTwoOrganisations_thenRegionPerOrganisationAndPerDimension() {
        ResultsView results = ResultsCalculator.calculate("current", MODEL, RATINGS);

        assertThat(results.ratingCount()).isEqualTo(10);
        assertThat(results.organisations()).containsExactly("Tanum", "Uddevalla", ResultsCalculator.NO_ORGANISATION);
        ResultsView.CapabilityResult strong = results.capabilities().get(0);
        assertThat(strong.region()).isEqualTo(RatingView.ofScores(List.of(5, 4, 5)));
        assertThat(strong.byOrganisation()).containsEntry("Uddevalla", RatingView.ofScores(List.of(5, 4)))
                .containsEntry("Tanum", RatingView.ofScores(List.of(5)));
        ResultsView.CapabilityResult split = results.capabilities().get(2);
        assertThat(split.byDimension()).containsOnlyKeys("people", "tools");
        assertThat(results.capabilities().get(3).region().count()).isZero();
    }

    @Test
    void givenRatings_thenStrengthsAndWeaknessesAreHighAndLowWithAgreement() {
        ResultsView results = ResultsCalculator.calculate("current", MODEL, RATINGS);

        assertThat(results.strengths()).extracting(ResultsView.Highlight::capabilityId).containsExactly("strong");
        assertThat(results.weaknesses()).extracting(ResultsView.Highlight::capabilityId).containsExactly("weak");
        assertThat(results.strengths().get(0).organisations()).isEqualTo(2);
    }

    @Test
    void givenDisagreementWithinAnOrganisation_thenItsHeatmapCellIsMarked() {
        ResultsView results = ResultsCalculator.calculate("current", MODEL, RATINGS);

        ResultsView.Heatmap heatmap = results.heatmap();
        int uddevalla = heatmap.organisations().indexOf("Uddevalla");
        int split = heatmap.capabilityIds().indexOf("split");
        int strong = heatmap.capabilityIds().indexOf("strong");
        assertThat(heatmap.rows().get(uddevalla).get(split).lowAgreement()).isTrue();
        assertThat(heatmap.rows().get(uddevalla).get(strong).lowAgreement()).isFalse();
        assertThat(heatmap.rows().get(uddevalla).get(strong).mean()).isEqualTo(4.5);
        assertThat(heatmap.rows().get(heatmap.organisations().indexOf("Tanum")).get(3).count()).isZero();
    }

    @Test
    void givenCapabilityRatedByOneOrganisationOnly_thenNoCommonStrength() {
        List<RatingRecord> oneSided = new ArrayList<>(RATINGS);
        oneSided.add(new RatingRecord("x1", "w1", "p1", "x1", "Uddevalla", null, "unrated", null, 5));
        oneSided.add(new RatingRecord("x2", "w1", "p1", "x2", "Uddevalla", null, "unrated", null, 5));

        ResultsView results = ResultsCalculator.calculate("current", MODEL, oneSided);

        assertThat(results.strengths()).extracting(ResultsView.Highlight::capabilityId).doesNotContain("unrated");
    }
}
