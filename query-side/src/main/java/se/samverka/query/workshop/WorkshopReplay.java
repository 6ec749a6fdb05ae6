package se.samverka.query.workshop;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Function;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import se.samverka.kernel.problem.DomainException;
import se.samverka.kernel.workshop.CapabilityRatedEvent;
import se.samverka.kernel.workshop.ParticipantJoinedEvent;
import se.samverka.kernel.workshop.WorkshopCreatedEvent;
import se.samverka.kernel.workshop.WorkshopEvent;

/**
 * A workshop's dashboard as it stood at a chosen event or moment, rebuilt in memory from the
 * workshop's events up to that point: nothing is stored per version, and the replay uses the
 * same {@link WorkshopView} steps as the live projection. Every kind of workshop event needs a
 * step here; a test holds that to the sealed {@link WorkshopEvent}'s list.
 */
@Component
public class WorkshopReplay {
    /** How each workshop event changes the view; the view's version is set after the step. */
    static final Map<Class<? extends WorkshopEvent>, Step> STEPS = Map.of(
            WorkshopCreatedEvent.class, (view, event, version) -> WorkshopView.created(
                    asStored((WorkshopCreatedEvent) event), version),
            ParticipantJoinedEvent.class, (view, event, version) -> view.withParticipantCount(
                    view.participantCount() + 1),
            CapabilityRatedEvent.class, (view, event, version) -> {
                CapabilityRatedEvent rated = (CapabilityRatedEvent) event;
                return view.withRating(rated.capabilityId(), rated.score(), rated.previousScore());
            });

    /** MongoDB keeps times to the millisecond; so does the replay, or the two would differ in that alone. */
    private static WorkshopCreatedEvent asStored(WorkshopCreatedEvent e) {
        return new WorkshopCreatedEvent(e.workshopId(), e.projectId(), e.title(), e.joinCode(), e.facilitator(),
                e.capabilityModel(), e.createdAt().truncatedTo(ChronoUnit.MILLIS));
    }

    @FunctionalInterface
    interface Step {
        WorkshopView apply(WorkshopView view, WorkshopEvent event, long version);
    }

    /**
     * The workshop after the event with {@code version} (its sequence number), how many events
     * it has now, and when and what that event was.
     */
    public record Replayed(long version, long latestVersion, Instant occurredAt, String eventType,
                           WorkshopView workshop) {
    }

    private final EventStore events;

    public WorkshopReplay(EventStore events) {
        this.events = events;
    }

    /** The workshop as it stands now, replayed like any other moment. */
    public Replayed latest(String workshopId) {
        return replay(workshopId, message -> true, "no such workshop");
    }

    /** The workshop after the event with this version. */
    public Replayed atVersion(String workshopId, long version) {
        Replayed replayed = replay(workshopId, message -> message.getSequenceNumber() <= version,
                "the workshop has no version " + version);
        if (version < 0 || version > replayed.latestVersion()) {
            throw new DomainException(DomainException.Kind.INVALID, "no-such-version",
                    "the workshop has versions 0 to " + replayed.latestVersion());
        }
        return replayed;
    }

    /** The workshop as it stood at this moment: after the last event at or before it. */
    public Replayed atMoment(String workshopId, Instant moment) {
        return replay(workshopId, message -> !message.getTimestamp().isAfter(moment),
                "the workshop did not exist yet at " + moment);
    }

    private Replayed replay(String workshopId, Function<DomainEventMessage<?>, Boolean> included, String none) {
        WorkshopView view = null;
        Instant occurredAt = null;
        String eventType = null;
        long latest = -1;
        DomainEventStream stream = events.readEvents(workshopId);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            latest = message.getSequenceNumber();
            if (!included.apply(message) || !(message.getPayload() instanceof WorkshopEvent event)) {
                continue;
            }
            Step step = STEPS.get(event.getClass());
            long version = message.getSequenceNumber();
            if (step != null && (view != null || event instanceof WorkshopCreatedEvent)) {
                view = step.apply(view, event, version);
            }
            if (view != null) {
                view = view.withVersion(version);
                occurredAt = message.getTimestamp();
                eventType = event.getClass().getSimpleName();
            }
        }
        if (view == null) {
            throw new DomainException(DomainException.Kind.INVALID, "no-such-moment", none);
        }
        return new Replayed(view.version(), latest, occurredAt, eventType, view);
    }
}
