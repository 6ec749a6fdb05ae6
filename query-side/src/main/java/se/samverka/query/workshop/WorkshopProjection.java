package se.samverka.query.workshop;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;
import se.samverka.kernel.workshop.CapabilityRatedEvent;
import se.samverka.kernel.workshop.ParticipantJoinedEvent;
import se.samverka.kernel.workshop.WorkshopCreatedEvent;
import se.samverka.query.live.LiveMessages;
import se.samverka.query.live.LivePublisher;

/**
 * Projects workshop events into MongoDB and pushes each change live. The workshop version
 * is the event's sequence number in its workshop, so clients can tell when they missed one.
 * A push goes out only after the read model holds the change, so a client that reloads on a
 * gap always finds at least what the push announced.
 */
@Component
@ProcessingGroup(WorkshopProjection.GROUP)
public class WorkshopProjection {
    public static final String GROUP = "workshop-projection";

    private final WorkshopViews views;
    private final LivePublisher live;

    public WorkshopProjection(WorkshopViews views, LivePublisher live) {
        this.views = views;
        this.live = live;
    }

    @EventHandler
    void on(WorkshopCreatedEvent event, @SequenceNumber long version) {
        views.create(WorkshopView.created(event, version));
    }

    @EventHandler
    void on(ParticipantJoinedEvent event, @SequenceNumber long version) {
        String workshopId = event.workshopId().value();
        views.saveParticipant(new ParticipantView(event.participantId().value(), workshopId, event.displayName(),
                event.organisation(), event.joinedAt()));
        views.apply(workshopId, version, view -> view.withParticipantCount(view.participantCount() + 1))
                .ifPresent(view -> live.publish(workshopId, new LiveMessages.ParticipantJoined(version, workshopId,
                        view.participantCount(), new LiveMessages.ParticipantSummary(event.participantId().value(),
                        event.displayName(), event.organisation()))));
    }

    @EventHandler
    void on(CapabilityRatedEvent event, @SequenceNumber long version) {
        String workshopId = event.workshopId().value();
        String participantId = event.participantId().value();
        views.saveRating(new RatingRecord(RatingRecord.idOf(participantId, event.capabilityId()), workshopId,
                participantId, event.capabilityId(), event.score()));
        views.apply(workshopId, version, view -> view.withRating(event.capabilityId(), event.score(),
                        event.previousScore()))
                .ifPresent(view -> live.publish(workshopId, new LiveMessages.CapabilityRated(version, workshopId,
                        event.capabilityId(), view.capability(event.capabilityId()).rating())));
    }

    @ResetHandler
    void reset() {
        views.deleteAll();
    }
}
