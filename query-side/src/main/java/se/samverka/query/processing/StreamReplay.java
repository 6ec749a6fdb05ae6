package se.samverka.query.processing;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import se.samverka.kernel.problem.DomainException;

/**
 * Rebuilds a read model of one event stream as it stood at a version, in memory, by folding the
 * stream's events with the projection's own step: how evidence "as it was decided on" is shown
 * without storing a copy per version.
 */
public final class StreamReplay {
    private StreamReplay() {
    }

    /** One step of a projection: the view after {@code event}, the stream's event number {@code sequence}. */
    @FunctionalInterface
    public interface Step<V, E> {
        V apply(V view, E event, long sequence);
    }

    /**
     * The view after the stream's events up to and including {@code version}. A version the
     * stream does not have is a 400 that names the versions it has ({@code what}: "the risk register").
     */
    public static <V, E> V atVersion(EventStore events, String streamId, long version, V initial,
                                     Class<E> eventType, Step<V, E> step, String what) {
        V view = initial;
        long latest = -1;
        DomainEventStream stream = events.readEvents(streamId);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            latest = message.getSequenceNumber();
            if (latest <= version && eventType.isInstance(message.getPayload())) {
                view = step.apply(view, eventType.cast(message.getPayload()), latest);
            }
        }
        if (version < 0 || version > latest) {
            throw new DomainException(DomainException.Kind.INVALID, "no-such-version",
                    latest < 0 ? "the project has no " + what + " yet"
                            : "the " + what + " goes from version 0 to " + latest);
        }
        return view;
    }
}
