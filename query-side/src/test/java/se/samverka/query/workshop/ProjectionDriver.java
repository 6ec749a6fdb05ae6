package se.samverka.query.workshop;

import se.samverka.kernel.workshop.AgreedModeRecordedEvent;
import se.samverka.kernel.workshop.CapabilityRatedEvent;
import se.samverka.kernel.workshop.ParticipantErasedEvent;
import se.samverka.kernel.workshop.ParticipantJoinedEvent;
import se.samverka.kernel.workshop.ParticipantRemovedEvent;
import se.samverka.kernel.workshop.ResponsibilityModeVotedEvent;
import se.samverka.kernel.workshop.RoundClosedEvent;
import se.samverka.kernel.workshop.RoundOpenedEvent;
import se.samverka.kernel.workshop.RoundRevealedEvent;
import se.samverka.kernel.workshop.RoundTimedOutEvent;
import se.samverka.kernel.workshop.ScenarioDefinedEvent;
import se.samverka.kernel.workshop.ScenarioVoteCastEvent;
import se.samverka.kernel.workshop.ScenarioVoteClosedEvent;
import se.samverka.kernel.workshop.ScenarioVoteOpenedEvent;
import se.samverka.kernel.workshop.ScenarioVoteRevealedEvent;
import se.samverka.kernel.workshop.WorkshopCreatedEvent;
import se.samverka.kernel.workshop.WorkshopModelChangedEvent;
import se.samverka.kernel.workshop.WorkshopEvent;

/**
 * Hands an event to the projection's handler for its type, as Axon would: the projection tests
 * and the replay test drive the same projection the same way.
 */
final class ProjectionDriver {
    private ProjectionDriver() {
    }

    static void apply(WorkshopProjection projection, WorkshopEvent event, long version) {
        if (event instanceof WorkshopCreatedEvent e) {
            projection.on(e, version);
        } else if (event instanceof ParticipantJoinedEvent e) {
            projection.on(e, version);
        } else if (event instanceof ParticipantRemovedEvent e) {
            projection.on(e, version);
        } else if (event instanceof CapabilityRatedEvent e) {
            projection.on(e, version);
        } else if (event instanceof RoundOpenedEvent e) {
            projection.on(e, version);
        } else if (event instanceof RoundClosedEvent e) {
            projection.on(e, version);
        } else if (event instanceof RoundTimedOutEvent e) {
            projection.on(e, version);
        } else if (event instanceof RoundRevealedEvent e) {
            projection.on(e, version);
        } else if (event instanceof ResponsibilityModeVotedEvent e) {
            projection.on(e, version);
        } else if (event instanceof AgreedModeRecordedEvent e) {
            projection.on(e, version);
        } else if (event instanceof ScenarioDefinedEvent e) {
            projection.on(e, version);
        } else if (event instanceof ScenarioVoteOpenedEvent e) {
            projection.on(e, version);
        } else if (event instanceof ScenarioVoteCastEvent e) {
            projection.on(e, version);
        } else if (event instanceof ScenarioVoteClosedEvent e) {
            projection.on(e, version);
        } else if (event instanceof ScenarioVoteRevealedEvent e) {
            projection.on(e, version);
        } else if (event instanceof WorkshopModelChangedEvent e) {
            projection.on(e, version);
        } else if (event instanceof ParticipantErasedEvent e) {
            projection.on(e, version);
        } else {
            throw new IllegalArgumentException(event.toString());
        }
    }
}
