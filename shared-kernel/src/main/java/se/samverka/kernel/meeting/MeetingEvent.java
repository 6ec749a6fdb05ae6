package se.samverka.kernel.meeting;

import se.samverka.kernel.project.ProjectId;
import se.samverka.kernel.workshop.WorkshopId;

/**
 * Everything that happens in a meeting (agenda, presence, roles, decisions). Every event names
 * the workshop and the project, and moves the meeting's version up by one.
 */
public sealed interface MeetingEvent permits MeetingStartedEvent, AgendaSetEvent, AgendaItemMovedEvent,
        ParticipantPresentEvent, SteeringRoleChangedEvent, DecisionOpenedEvent, DecisionVoteCastEvent,
        DecisionClosedEvent {
    WorkshopId workshopId();

    ProjectId projectId();
}
