package se.samverka.query.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What one query node knows of the others' followers, from the reports they send it (NodeRelay carries them). */
class FollowerReportsTest {
    private static final String WORKSHOP = "/topic/workshops.w1";
    private static final long SECOND = 1_000_000_000L;

    private final FollowerReports here = new FollowerReports("node-a");

    @Test
    void givenAnotherNodesReport_thenItsFollowersCount() {
        here.received(new FollowerReports("node-b").report(Map.of(WORKSHOP, 1_900)), 0);

        assertThat(here.elsewhere(WORKSHOP, SECOND)).isEqualTo(1_900);
        assertThat(here.elsewhere("/topic/workshops.w2", SECOND)).isZero();
        assertThat(here.elsewhere(SECOND)).containsExactly(Map.entry(WORKSHOP, 1_900));
    }

    @Test
    void givenItsOwnReportBackFromRabbitMq_thenItIsNotCountedAsAnotherNodes() {
        here.received(here.report(Map.of(WORKSHOP, 40)), 0);

        assertThat(here.elsewhere(WORKSHOP, SECOND)).isZero();
    }

    @Test
    void givenReportsFromTwoNodes_thenTheNodeWithMostFollowersCounts() {
        here.received(new FollowerReports("node-b").report(Map.of(WORKSHOP, 300)), 0);
        here.received(new FollowerReports("node-c").report(Map.of(WORKSHOP, 1_200)), 0);
        here.received(new FollowerReports("node-b").report(Map.of(WORKSHOP, 350)), SECOND);

        assertThat(here.elsewhere(WORKSHOP, SECOND)).isEqualTo(1_200);
    }

    @Test
    void givenAReportOlderThanFiveSeconds_thenItNoLongerCountsAndIsForgotten() {
        here.received(new FollowerReports("node-b").report(Map.of(WORKSHOP, 2_000)), 0);
        long later = FollowerReports.FRESH_NANOS;

        assertThat(here.elsewhere(WORKSHOP, later - 1)).isEqualTo(2_000);
        assertThat(here.elsewhere(WORKSHOP, later)).isZero();
        here.received(new FollowerReports("node-c").report(Map.of("/topic/workshops.w2", 5)), later);
        assertThat(here.elsewhere(later)).containsExactly(Map.entry("/topic/workshops.w2", 5));
    }

    @Test
    void givenAMalformedReport_thenNothingOfItIsKept() {
        byte[] halfGood = "{\"node\":\"node-b\",\"followers\":{\"/topic/workshops.w1\":3,\"/topic/workshops.w2\":\"many\"}}"
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> here.received(halfGood, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> here.received("not json".getBytes(StandardCharsets.UTF_8), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> here.received("{\"followers\":{}}".getBytes(StandardCharsets.UTF_8), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(here.elsewhere(WORKSHOP, SECOND)).isZero();
    }
}
