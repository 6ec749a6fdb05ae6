package se.samverka.query.workshop;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import se.samverka.kernel.workshop.RoundOpenedEvent;
import se.samverka.kernel.workshop.RoundScope;
import se.samverka.kernel.workshop.RoundSettings;

/**
 * A voting round as every screen may see it. {@code results} stay null while a sealed round
 * is not revealed, so no value or aggregate of it can reach anyone before the reveal.
 * {@code voterIds} counts who has voted; it is never served (names are shown to the
 * facilitator only, and never for anonymous rounds).
 */
public record RoundView(String id, int number, RoundScope scope, List<String> capabilityIds,
                        RoundSettings.RatingMode ratingMode, boolean anonymous, boolean sealed, String state,
                        boolean timedOut, Instant openedAt, Instant deadline, Instant closedAt, Instant revealedAt,
                        int voterCount, List<RoundResult> results, @JsonIgnore List<String> voterIds) {
    public static final String OPEN = "open";
    public static final String CLOSED = "closed";
    public static final String REVEALED = "revealed";

    static RoundView opened(RoundOpenedEvent event) {
        RoundSettings settings = event.settings();
        return new RoundView(event.roundId().value(), event.number(), event.scope(), event.capabilityIds(),
                settings.ratingMode(), settings.anonymous(), settings.sealed(), OPEN, false, event.openedAt(),
                event.deadline(), null, null, 0, settings.sealed() ? null : List.of(), List.of());
    }

    /** Whether values of this round may be shown: live rounds always, sealed ones once revealed. */
    public boolean visible() {
        return !sealed || REVEALED.equals(state);
    }

    RoundView withVoter(String participantId) {
        if (voterIds.contains(participantId)) {
            return this;
        }
        List<String> voters = new ArrayList<>(voterIds);
        voters.add(participantId);
        return new RoundView(id, number, scope, capabilityIds, ratingMode, anonymous, sealed, state, timedOut,
                openedAt, deadline, closedAt, revealedAt, voters.size(), results, voters);
    }

    RoundView withResults(List<RoundResult> next) {
        return new RoundView(id, number, scope, capabilityIds, ratingMode, anonymous, sealed, state, timedOut,
                openedAt, deadline, closedAt, revealedAt, voterCount, next, voterIds);
    }

    RoundView closed(Instant at, boolean byTimer) {
        return new RoundView(id, number, scope, capabilityIds, ratingMode, anonymous, sealed, CLOSED, byTimer,
                openedAt, deadline, at, revealedAt, voterCount, results, voterIds);
    }

    RoundView revealed(Instant at, List<RoundResult> finalResults) {
        return new RoundView(id, number, scope, capabilityIds, ratingMode, anonymous, sealed, REVEALED, timedOut,
                openedAt, deadline, closedAt, at, voterCount, finalResults, voterIds);
    }

    /** The live result of one capability and dimension after a rating replaced {@code previous}. */
    RoundView withRating(String capabilityId, String dimension, int score, Integer previous) {
        List<RoundResult> next = new ArrayList<>(results == null ? List.of() : results);
        int at = -1;
        for (int i = 0; i < next.size(); i++) {
            RoundResult result = next.get(i);
            if (result.capabilityId().equals(capabilityId) && java.util.Objects.equals(result.dimension(), dimension)) {
                at = i;
            }
        }
        if (at < 0) {
            next.add(new RoundResult(capabilityId, dimension, RatingView.empty().replace(score, previous)));
        } else {
            next.set(at, new RoundResult(capabilityId, dimension, next.get(at).rating().replace(score, previous)));
        }
        return withResults(next);
    }
}
