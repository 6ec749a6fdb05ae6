package se.samverka.kernel.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.samverka.kernel.records.Milestones;

/** The counting rule of decisions and the lateness rule of milestones. */
class DecisionRulesTest {
    private static final List<DecisionOption> OPTIONS = DecisionOption.defaults();

    @Test
    void givenMostVotesForOneOption_whenCounted_thenDecidedWithATallyOfEveryOption() {
        DecisionRules.Count count = DecisionRules.count(OPTIONS, List.of("continue", "continue", "back"), 2);
        assertThat(count.result()).isEqualTo(DecisionResult.DECIDED);
        assertThat(count.outcome()).isEqualTo("continue");
        assertThat(count.tally()).containsExactly(java.util.Map.entry("continue", 2), java.util.Map.entry("back", 1),
                java.util.Map.entry("stop", 0));
    }

    @Test
    void givenFewerVotesThanTheQuorum_whenCounted_thenNoQuorumAndNoOutcome() {
        DecisionRules.Count count = DecisionRules.count(OPTIONS, List.of("continue"), 3);
        assertThat(count.result()).isEqualTo(DecisionResult.NO_QUORUM);
        assertThat(count.outcome()).isNull();
        assertThat(count.tally()).containsEntry("continue", 1);
    }

    @Test
    void givenATie_whenCounted_thenTiedAndNoOutcome() {
        assertThat(DecisionRules.count(OPTIONS, List.of("continue", "stop"), null).result())
                .isEqualTo(DecisionResult.TIED);
    }

    @Test
    void givenNoVotes_whenCounted_thenNoVotes() {
        assertThat(DecisionRules.count(OPTIONS, List.of(), null).result()).isEqualTo(DecisionResult.NO_VOTES);
    }

    @Test
    void milestoneIsLateWhenPastDueAndNotReached_orReachedAfterDue() {
        LocalDate due = LocalDate.of(2020, 10, 30);
        assertThat(Milestones.isLate(due, null, due)).isFalse();
        assertThat(Milestones.isLate(due, null, due.plusDays(1))).isTrue();
        assertThat(Milestones.isLate(due, due, due.plusDays(10))).isFalse();
        assertThat(Milestones.isLate(due, due.plusDays(1), due.plusDays(10))).isTrue();
        assertThat(Milestones.isLate(null, null, due)).isFalse();
    }
}
