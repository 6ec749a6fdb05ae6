package se.samverka.kernel.workshop;

/** Everything that happens in a workshop; projections switch over it exhaustively. */
public sealed interface WorkshopEvent permits WorkshopCreatedEvent, ParticipantJoinedEvent, CapabilityRatedEvent,
        RoundOpenedEvent, RoundClosedEvent, RoundTimedOutEvent, RoundRevealedEvent, ResponsibilityModeVotedEvent,
        AgreedModeRecordedEvent, ScenarioDefinedEvent, ScenarioVoteOpenedEvent, ScenarioVoteCastEvent,
        ScenarioVoteClosedEvent, ScenarioVoteRevealedEvent, WorkshopModelChangedEvent, ParticipantErasedEvent,
        ParticipantRemovedEvent {
    WorkshopId workshopId();
}
