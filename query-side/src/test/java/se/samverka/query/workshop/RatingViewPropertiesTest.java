package se.samverka.query.workshop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The statistics agree with the raw ratings, whatever the ratings are. */
class RatingViewPropertiesTest {

    @Property
    void statisticsAgreeWithRawRatings(@ForAll @Size(min = 1, max = 200) List<@IntRange(min = 1, max = 5) Integer> scores) {
        RatingView view = RatingView.ofScores(scores);

        List<Integer> sorted = new ArrayList<>(scores);
        sorted.sort(Integer::compare);
        double mean = scores.stream().mapToInt(Integer::intValue).average().orElseThrow();
        double variance = scores.stream().mapToDouble(s -> Math.pow(s - mean, 2)).sum() / scores.size();
        double median = (sorted.get((sorted.size() - 1) / 2) + sorted.get(sorted.size() / 2)) / 2.0;

        assertThat(view.count()).isEqualTo(scores.size());
        assertThat(view.distribution().stream().mapToInt(Integer::intValue).sum()).isEqualTo(scores.size());
        for (int score = 1; score <= 5; score++) {
            int s = score;
            assertThat(view.distribution().get(score - 1)).isEqualTo((int) scores.stream().filter(x -> x == s).count());
        }
        assertThat(view.mean()).isCloseTo(mean, org.assertj.core.data.Offset.offset(0.005));
        assertThat(view.median()).isEqualTo(median);
        assertThat(view.stddev()).isCloseTo(Math.sqrt(variance), org.assertj.core.data.Offset.offset(0.005));
        assertThat(view.agreement()).isBetween(0.0, 1.0);
    }

    @Property
    void replacingARatingEqualsRatingTheNewScoreFromTheStart(
            @ForAll @Size(min = 1, max = 50) List<@IntRange(min = 1, max = 5) Integer> scores,
            @ForAll @IntRange(min = 1, max = 5) int replacement) {
        RatingView built = RatingView.empty();
        for (int score : scores) {
            built = built.replace(score, null);
        }
        RatingView replaced = built.replace(replacement, scores.get(0));

        List<Integer> expected = new ArrayList<>(scores);
        expected.set(0, replacement);
        assertThat(replaced).isEqualTo(RatingView.ofScores(expected));
    }

    @Property
    void fullAgreementOnlyWhenEveryoneGaveTheSameScore(
            @ForAll @Size(min = 1, max = 50) List<@IntRange(min = 1, max = 5) Integer> scores) {
        RatingView view = RatingView.ofScores(scores);

        assertThat(view.agreement() == 1.0).isEqualTo(scores.stream().distinct().count() == 1);
    }
}
