package se.samverka.kernel.meeting;

import java.time.Instant;
import se.samverka.kernel.workshop.ParticipantId;

/** A member's final vote as recorded at closing; {@code optionId} is null when the decision was anonymous. */
public record RecordedVote(ParticipantId participantId, String displayName, String optionId, Instant castAt) {
}
