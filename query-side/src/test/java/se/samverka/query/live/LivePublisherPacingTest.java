package se.samverka.query.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.simp.SimpMessagingTemplate;

/** The conflation interval of a workshop as its followers on the node grow. */
class LivePublisherPacingTest {
    private static final long HUNDRED_MILLIS = TimeUnit.MILLISECONDS.toNanos(100);

    @Test
    void aWorkshopKeepsTheConfiguredIntervalWhileItsFollowersFitThePace() {
        assertThat(LivePublisher.interval(HUNDRED_MILLIS, 12_000, 0)).isEqualTo(HUNDRED_MILLIS);
        assertThat(LivePublisher.interval(HUNDRED_MILLIS, 12_000, 1_200)).isEqualTo(HUNDRED_MILLIS);
    }

    @Test
    void aWorkshopWithMoreFollowersIsPushedLessOften() {
        assertThat(LivePublisher.interval(HUNDRED_MILLIS, 12_000, 2_000))
                .isEqualTo(TimeUnit.SECONDS.toNanos(1) * 2_000 / 12_000);
        assertThat(LivePublisher.interval(HUNDRED_MILLIS, 12_000, 6_000)).isEqualTo(TimeUnit.MILLISECONDS.toNanos(500));
    }

    @Test
    void noPacingKeepsTheIntervalWhateverTheFollowers() {
        assertThat(LivePublisher.interval(HUNDRED_MILLIS, 0, 100_000)).isEqualTo(HUNDRED_MILLIS);
    }

    @Test
    void negativeSettingsAreRefused() {
        LiveFanOut fanOut = new LiveFanOut(new SimpMessagingTemplate((message, timeout) -> true));
        assertThatThrownBy(() -> new LivePublisher(fanOut, Optional.empty(), 100, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
