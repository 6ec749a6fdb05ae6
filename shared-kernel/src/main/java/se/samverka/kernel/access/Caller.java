package se.samverka.kernel.access;

import java.util.Objects;
import se.samverka.kernel.problem.DomainException;
import se.samverka.kernel.workshop.ParticipantId;
import se.samverka.kernel.workshop.WorkshopId;

/**
 * Who sent a request: a facilitator (subject = username) or a participant (subject =
 * participant id) bound to one workshop.
 */
public record Caller(Role role, String subject, WorkshopId workshopId) {
    public Caller {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(subject, "subject");
        if (role == Role.PARTICIPANT && workshopId == null) {
            throw new IllegalArgumentException("a participant belongs to a workshop");
        }
        if (role == Role.FACILITATOR && workshopId != null) {
            throw new IllegalArgumentException("a facilitator token is not bound to a workshop");
        }
    }

    public static Caller facilitator(String username) {
        return new Caller(Role.FACILITATOR, username, null);
    }

    public static Caller participant(WorkshopId workshopId, ParticipantId participantId) {
        return new Caller(Role.PARTICIPANT, participantId.value(), workshopId);
    }

    /** How the caller is named in an event's metadata: {@code facilitator:admin}, {@code participant:<id>}. */
    public String actor() {
        return role.name().toLowerCase() + ":" + subject;
    }

    public boolean isFacilitator() {
        return role == Role.FACILITATOR;
    }

    public ParticipantId participantId() {
        if (role != Role.PARTICIPANT) {
            throw DomainException.forbidden("only a participant of the workshop may do this");
        }
        return new ParticipantId(subject);
    }

    /** Refuses anyone but a facilitator. */
    public Caller requireFacilitator() {
        if (role != Role.FACILITATOR) {
            throw DomainException.forbidden("only a facilitator may do this");
        }
        return this;
    }

    /** Refuses anyone but a participant of {@code workshop}. */
    public ParticipantId requireParticipantOf(WorkshopId workshop) {
        if (role != Role.PARTICIPANT || !workshopId.equals(workshop)) {
            throw DomainException.forbidden("only a participant of this workshop may do this");
        }
        return participantId();
    }

    /**
     * Whether the caller may see {@code workshop}: its participants, and the facilitator who
     * runs it ({@code facilitatorOfWorkshop}).
     */
    public boolean isMemberOf(WorkshopId workshop, String facilitatorOfWorkshop) {
        return switch (role) {
            case PARTICIPANT -> workshopId.equals(workshop);
            case FACILITATOR -> subject.equals(facilitatorOfWorkshop);
        };
    }
}
