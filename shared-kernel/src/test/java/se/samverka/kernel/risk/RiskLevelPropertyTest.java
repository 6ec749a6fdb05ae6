package se.samverka.kernel.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The pre-study's rule, checked against every possible assessment: the level and the body that
 * must decide follow from R = S × K by the ranges of {@code riskManagement.levels}.
 */
class RiskLevelPropertyTest {
    /** The pre-study's table, written out independently of {@link RiskLevel}. */
    private record Range(int from, int to, RiskLevel level, RiskDecider decidedBy) {
    }

    private static final List<Range> TABLE = List.of(
            new Range(1, 6, RiskLevel.LOW, RiskDecider.PROJECT_MANAGER),
            new Range(8, 12, RiskLevel.MEDIUM, RiskDecider.TACTICAL_STEERING_GROUP),
            new Range(15, 25, RiskLevel.HIGH, RiskDecider.COMMISSIONING_PARTY));

    private static Range rangeOf(int value) {
        List<Range> matching = TABLE.stream().filter(r -> value >= r.from() && value <= r.to()).toList();
        assertThat(matching).as("R = %d lies in exactly one range", value).hasSize(1);
        return matching.get(0);
    }

    @Property(generation = GenerationMode.EXHAUSTIVE)
    void everyAssessmentHasTheLevelAndDeciderOfItsRange(@ForAll @IntRange(min = 1, max = 5) int probability,
                                                        @ForAll @IntRange(min = 1, max = 5) int impact) {
        RiskAssessment assessment = new RiskAssessment(probability, impact);
        Range range = rangeOf(probability * impact);

        assertThat(assessment.value()).isEqualTo(probability * impact);
        assertThat(assessment.level()).isEqualTo(range.level());
        assertThat(assessment.level().decidedBy()).isEqualTo(range.decidedBy());
    }

    @Property(generation = GenerationMode.EXHAUSTIVE)
    void escalationIsExactlyARiseInLevel(@ForAll @IntRange(min = 1, max = 5) int fromS,
                                         @ForAll @IntRange(min = 1, max = 5) int fromK,
                                         @ForAll @IntRange(min = 1, max = 5) int toS,
                                         @ForAll @IntRange(min = 1, max = 5) int toK) {
        int fromRank = TABLE.indexOf(rangeOf(fromS * fromK));
        int toRank = TABLE.indexOf(rangeOf(toS * toK));

        boolean escalates = new RiskAssessment(toS, toK).level().escalatesFrom(new RiskAssessment(fromS, fromK).level());

        assertThat(escalates).isEqualTo(toRank > fromRank);
    }

    @Property
    void valuesOffTheScaleAreRefused(@ForAll @IntRange(min = -1000, max = 1000) int value) {
        boolean onScale = value >= 1 && value <= 5;
        boolean accepted;
        try {
            new RiskAssessment(value, 3);
            new RiskAssessment(3, value);
            accepted = true;
        } catch (IllegalArgumentException e) {
            accepted = false;
        }
        assertThat(accepted).isEqualTo(onScale);
    }
}
