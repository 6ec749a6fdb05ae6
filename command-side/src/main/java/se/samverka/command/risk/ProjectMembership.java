package se.samverka.command.risk;

import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import se.samverka.kernel.problem.DomainException;
import se.samverka.kernel.project.ProjectCreatedEvent;
import se.samverka.kernel.project.ProjectId;
import se.samverka.kernel.workshop.ParticipantId;
import se.samverka.kernel.workshop.ParticipantJoinedEvent;
import se.samverka.kernel.workshop.WorkshopCreatedEvent;
import se.samverka.kernel.workshop.WorkshopId;

/**
 * Who belongs to a project, as the command side can tell from the event store: the facilitator
 * who created it, and the participants of its workshops.
 *
 * <p>Who created a project and which project a workshop belongs to never change after the
 * first event, so those first events are read directly instead of loading the Project and
 * Workshop aggregates: the aggregates need no accessors for another feature's sake.
 */
@Component
public class ProjectMembership {
    private final EventStore events;

    public ProjectMembership(EventStore events) {
        this.events = events;
    }

    /** Refuses anyone but the facilitator who created the project; an unknown project is a 404. */
    public void requireFacilitator(ProjectId project, String facilitator) {
        ProjectCreatedEvent created = first(project.value(), ProjectCreatedEvent.class).orElseThrow(() ->
                DomainException.notFound("unknown-project", "no such project"));
        if (!created.createdBy().equals(facilitator)) {
            throw DomainException.forbidden("only the facilitator who runs this project may do this");
        }
    }

    /** Refuses a participant whose workshop belongs to another project. */
    public void requireParticipant(ProjectId project, WorkshopId workshop) {
        WorkshopCreatedEvent created = first(workshop.value(), WorkshopCreatedEvent.class).orElseThrow(() ->
                DomainException.forbidden("the participant's workshop does not exist"));
        if (!created.projectId().equals(project)) {
            throw DomainException.forbidden("only participants of this project's workshops may do this");
        }
    }

    /**
     * The name the participant joined the workshop with, or null. Reads the workshop's whole
     * history, so it is for rare commands (a proposal), not for every estimate.
     */
    public String displayNameOf(WorkshopId workshop, ParticipantId participant) {
        DomainEventStream stream = events.readEvents(workshop.value(), 0);
        while (stream.hasNext()) {
            if (stream.next().getPayload() instanceof ParticipantJoinedEvent joined
                    && joined.participantId().equals(participant)) {
                return joined.displayName();
            }
        }
        return null;
    }

    /** The workshop's first event (who runs it, which project it belongs to); an unknown workshop is a 404. */
    public WorkshopCreatedEvent workshopCreated(WorkshopId workshop) {
        return first(workshop.value(), WorkshopCreatedEvent.class).orElseThrow(() ->
                DomainException.notFound("unknown-workshop", "no such workshop"));
    }

    private <T> Optional<T> first(String aggregateIdentifier, Class<T> type) {
        DomainEventStream stream = events.readEvents(aggregateIdentifier, 0);
        if (!stream.hasNext()) {
            return Optional.empty();
        }
        Object payload = stream.next().getPayload();
        return type.isInstance(payload) ? Optional.of(type.cast(payload)) : Optional.empty();
    }
}
