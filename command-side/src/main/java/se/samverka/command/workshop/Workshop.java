package se.samverka.command.workshop;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import se.samverka.kernel.capability.CapabilityModel;
import se.samverka.kernel.problem.DomainException;
import se.samverka.kernel.project.ProjectId;
import se.samverka.kernel.workshop.CapabilityRatedEvent;
import se.samverka.kernel.workshop.JoinWorkshopCommand;
import se.samverka.kernel.workshop.ParticipantId;
import se.samverka.kernel.workshop.ParticipantJoinedEvent;
import se.samverka.kernel.workshop.RateCapabilityCommand;
import se.samverka.kernel.workshop.WorkshopCreatedEvent;
import se.samverka.kernel.workshop.WorkshopId;

/**
 * A live session in a project: who has joined, and each participant's current rating of each
 * capability. Command handlers return the workshop's version (the sequence number of its last
 * event), which is the version clients see in snapshots and live messages.
 */
@Aggregate(cache = "workshopCache")
public class Workshop {
    static final int MAX_TITLE = 200;
    static final int MAX_NAME = 80;
    static final int MAX_ORGANISATION = 120;

    @AggregateIdentifier
    private WorkshopId workshopId;
    private Set<String> capabilityIds;
    private final Set<ParticipantId> participants = new HashSet<>();
    private final Map<RatingKey, Integer> ratings = new HashMap<>();
    private long version;

    private record RatingKey(ParticipantId participant, String capabilityId) {
    }

    protected Workshop() {
        // for Axon's event sourcing
    }

    /** Creates a workshop; called by {@link WorkshopCreation}, which resolves the model and the join code. */
    public Workshop(WorkshopId workshopId, ProjectId projectId, String title, String joinCode, String facilitator,
                    CapabilityModel capabilityModel, Instant createdAt) {
        String trimmed = title == null ? "" : title.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_TITLE) {
            throw new DomainException(DomainException.Kind.INVALID, "invalid-title",
                    "a workshop title needs 1 to " + MAX_TITLE + " characters");
        }
        apply(new WorkshopCreatedEvent(workshopId, projectId, trimmed, joinCode, facilitator, capabilityModel,
                createdAt));
    }

    @CommandHandler
    public long handle(JoinWorkshopCommand command, Clock clock) {
        if (participants.contains(command.participantId())) {
            return version; // a retried join changes nothing
        }
        String name = command.displayName() == null ? "" : command.displayName().strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw new DomainException(DomainException.Kind.INVALID, "invalid-display-name",
                    "a display name needs 1 to " + MAX_NAME + " characters");
        }
        String organisation = command.organisation() == null ? null : command.organisation().strip();
        if (organisation != null && organisation.length() > MAX_ORGANISATION) {
            throw new DomainException(DomainException.Kind.INVALID, "invalid-organisation",
                    "an organisation name has at most " + MAX_ORGANISATION + " characters");
        }
        apply(new ParticipantJoinedEvent(workshopId, command.participantId(), name,
                organisation == null || organisation.isEmpty() ? null : organisation, clock.instant()));
        return version;
    }

    @CommandHandler
    public long handle(RateCapabilityCommand command, Clock clock) {
        if (!participants.contains(command.participantId())) {
            throw DomainException.forbidden("only a participant of this workshop may rate");
        }
        if (!capabilityIds.contains(command.capabilityId())) {
            throw DomainException.notFound("unknown-capability",
                    "the workshop has no capability '" + command.capabilityId() + "'");
        }
        RatingKey key = new RatingKey(command.participantId(), command.capabilityId());
        Integer previous = ratings.get(key);
        if (previous != null && previous == command.score().value()) {
            return version; // the same rating again changes nothing, so it is no event
        }
        apply(new CapabilityRatedEvent(workshopId, command.participantId(), command.capabilityId(),
                command.score().value(), previous, clock.instant()));
        return version;
    }

    @EventSourcingHandler
    void on(WorkshopCreatedEvent event, @SequenceNumber long sequence) {
        this.workshopId = event.workshopId();
        this.capabilityIds = Set.copyOf(event.capabilityModel().capabilityIds());
        this.version = sequence;
    }

    @EventSourcingHandler
    void on(ParticipantJoinedEvent event, @SequenceNumber long sequence) {
        participants.add(event.participantId());
        this.version = sequence;
    }

    @EventSourcingHandler
    void on(CapabilityRatedEvent event, @SequenceNumber long sequence) {
        ratings.put(new RatingKey(event.participantId(), event.capabilityId()), event.score());
        this.version = sequence;
    }
}
