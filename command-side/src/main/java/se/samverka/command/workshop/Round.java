package se.samverka.command.workshop;

import java.time.Instant;
import java.util.Set;
import se.samverka.kernel.workshop.RoundSettings;

/** What the Workshop aggregate remembers of a round to decide on ratings in it. */
record Round(Set<String> capabilityIds, RoundSettings settings, Instant deadline, State state) {
    enum State { OPEN, CLOSED, REVEALED }

    Round {
        capabilityIds = Set.copyOf(capabilityIds);
    }

    boolean covers(String capabilityId) {
        return capabilityIds.contains(capabilityId);
    }

    /** Open and, if it has a time limit, not past it: the timer's event may lag the clock. */
    boolean acceptsRatingsAt(Instant now) {
        return state == State.OPEN && (deadline == null || !now.isAfter(deadline));
    }

    Round withState(State next) {
        return new Round(capabilityIds, settings, deadline, next);
    }
}
