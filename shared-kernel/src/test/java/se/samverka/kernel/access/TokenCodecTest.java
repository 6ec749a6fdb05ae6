package se.samverka.kernel.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import se.samverka.kernel.problem.DomainException;
import se.samverka.kernel.workshop.ParticipantId;
import se.samverka.kernel.workshop.WorkshopId;

class TokenCodecTest {
    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    private final byte[] key = filled((byte) 7);
    private final TokenCodec codec = new TokenCodec(key, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void givenParticipantToken_whenVerified_thenSameCaller() {
        Caller caller = Caller.participant(new WorkshopId("w1"), new ParticipantId("p1"));

        Caller verified = codec.verify(codec.issue(caller, Duration.ofDays(7)));

        assertThat(verified).isEqualTo(caller);
        assertThat(verified.actor()).isEqualTo("participant:p1");
    }

    @Test
    void givenTokenFromOtherKey_whenVerified_thenRefused() {
        TokenCodec other = new TokenCodec(filled((byte) 8), Clock.fixed(NOW, ZoneOffset.UTC));
        String token = other.issue(Caller.facilitator("admin"), Duration.ofHours(1));

        assertThatThrownBy(() -> codec.verify(token)).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).kind()).isEqualTo(DomainException.Kind.UNAUTHENTICATED);
    }

    @Test
    void givenExpiredToken_whenVerified_thenRefused() {
        TokenCodec past = new TokenCodec(key, Clock.fixed(NOW.minus(Duration.ofDays(2)), ZoneOffset.UTC));
        String token = past.issue(Caller.facilitator("admin"), Duration.ofHours(12));

        assertThatThrownBy(() -> codec.verify(token)).hasMessageContaining("expired");
    }

    @Test
    void givenTamperedPayload_whenVerified_thenRefused() {
        String token = codec.issue(Caller.facilitator("admin"), Duration.ofHours(1));
        String tampered = "X" + token.substring(1);

        assertThatThrownBy(() -> codec.verify(tampered)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> codec.verify("no-dot")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> codec.verifyAuthorization("Basic abc")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> codec.verifyAuthorization(null)).isInstanceOf(DomainException.class);
    }

    @Test
    void givenBearerHeader_whenVerified_thenCaller() {
        String token = codec.issue(Caller.facilitator("admin"), Duration.ofHours(1));

        assertThat(codec.verifyAuthorization("Bearer " + token)).isEqualTo(Caller.facilitator("admin"));
    }

    @Test
    void givenParticipantOfOneWorkshop_whenCheckedAgainstAnother_thenNotMember() {
        Caller caller = Caller.participant(new WorkshopId("w1"), new ParticipantId("p1"));

        assertThat(caller.isMemberOf(new WorkshopId("w1"), "admin")).isTrue();
        assertThat(caller.isMemberOf(new WorkshopId("w2"), "admin")).isFalse();
        assertThatThrownBy(() -> caller.requireParticipantOf(new WorkshopId("w2"))).isInstanceOf(DomainException.class);
        assertThatThrownBy(caller::requireFacilitator).isInstanceOf(DomainException.class);
    }

    private static byte[] filled(byte value) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, value);
        return bytes;
    }
}
