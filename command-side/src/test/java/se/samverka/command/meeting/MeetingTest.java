package se.samverka.command.meeting;

import static se.samverka.command.risk.Membership.ANNA;
import static se.samverka.command.risk.Membership.FACILITATOR;
import static se.samverka.command.risk.Membership.NOW;
import static se.samverka.command.risk.Membership.OTHER_FACILITATOR;
import static se.samverka.command.risk.Membership.PROJECT;
import static se.samverka.command.risk.Membership.WORKSHOP;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.samverka.command.risk.Membership;
import se.samverka.kernel.meeting.AgendaItem;
import se.samverka.kernel.meeting.AgendaItemInput;
import se.samverka.kernel.meeting.AgendaItemMovedEvent;
import se.samverka.kernel.meeting.AgendaSetEvent;
import se.samverka.kernel.meeting.CastDecisionVoteCommand;
import se.samverka.kernel.meeting.ChangeSteeringRoleCommand;
import se.samverka.kernel.meeting.DecisionClosedEvent;
import se.samverka.kernel.meeting.DecisionKind;
import se.samverka.kernel.meeting.DecisionOpenedEvent;
import se.samverka.kernel.meeting.DecisionOption;
import se.samverka.kernel.meeting.DecisionResult;
import se.samverka.kernel.meeting.DecisionVoteCastEvent;
import se.samverka.kernel.meeting.MarkPresentCommand;
import se.samverka.kernel.meeting.MeetingStartedEvent;
import se.samverka.kernel.meeting.MoveAgendaCommand;
import se.samverka.kernel.meeting.ParticipantPresentEvent;
import se.samverka.kernel.meeting.SetAgendaCommand;
import se.samverka.kernel.meeting.SteeringRoleChangedEvent;
import se.samverka.kernel.problem.DomainException;
import se.samverka.kernel.workshop.ParticipantId;

/** The meeting's rules, given events and then events: agenda, presence, role and votes. */
class MeetingTest {
    private static final MeetingStartedEvent STARTED = new MeetingStartedEvent(WORKSHOP, PROJECT, FACILITATOR, NOW);
    private static final List<AgendaItem> AGENDA = List.of(new AgendaItem("a1", "Statusrapport", List.of()),
            new AgendaItem("a2", "Beslut", List.of("Godkänna projektplan")));
    private static final AgendaSetEvent AGENDA_SET = new AgendaSetEvent(WORKSHOP, PROJECT, "Syfte", List.of(),
            AGENDA, FACILITATOR, NOW);
    private static final SteeringRoleChangedEvent ANNA_MEMBER = new SteeringRoleChangedEvent(WORKSHOP, PROJECT, ANNA,
            "Anna", true, FACILITATOR, NOW);
    private static final DecisionOpenedEvent OPENED = new DecisionOpenedEvent(WORKSHOP, PROJECT, "d1",
            DecisionKind.PLAN_APPROVAL, "Att godkänna upprättad projektplan v 0.2", DecisionOption.defaults(), "0.2",
            null, false, false, "a2", FACILITATOR, NOW);

    private FixtureConfiguration<Meeting> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Meeting.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(Membership.withTwoProjects());
    }

    private static SetAgendaCommand agenda(String by) {
        return new SetAgendaCommand(WORKSHOP, by, "Syfte", List.of(), List.of(
                new AgendaItemInput("Statusrapport", null), new AgendaItemInput("Beslut",
                        List.of("Godkänna projektplan"))));
    }

    private static CastDecisionVoteCommand vote(ParticipantId who, String option) {
        return new CastDecisionVoteCommand(WORKSHOP, who, "d1", option);
    }

    @Test
    void givenNoMeeting_whenFacilitatorSetsAgenda_thenTheMeetingStartsInTheProjectWithNumberedItems() {
        fixture.givenNoPriorActivity().when(agenda(FACILITATOR)).expectEvents(STARTED, AGENDA_SET);
    }

    @Test
    void givenAgenda_whenTheSameAgendaIsSetAgain_thenNothingHappens() {
        fixture.given(STARTED, AGENDA_SET).when(agenda(FACILITATOR)).expectNoEvents();
    }

    @Test
    void givenNoMeeting_whenAnotherFacilitatorSetsAgenda_thenRefusedAndNothingStored() {
        fixture.givenNoPriorActivity().when(agenda(OTHER_FACILITATOR))
                .expectException(DomainException.class).expectNoEvents();
    }

    @Test
    void givenAgenda_whenFacilitatorMovesToAnItem_thenMoved_andAnUnknownItemIsRefused() {
        fixture.given(STARTED, AGENDA_SET).when(new MoveAgendaCommand(WORKSHOP, FACILITATOR, "a2"))
                .expectEvents(new AgendaItemMovedEvent(WORKSHOP, PROJECT, "a2", FACILITATOR, NOW));
        fixture.given(STARTED, AGENDA_SET).when(new MoveAgendaCommand(WORKSHOP, FACILITATOR, "a9"))
                .expectException(DomainException.class).expectExceptionMessage("the agenda has no item a9")
                .expectNoEvents();
    }

    @Test
    void givenMeeting_whenParticipantSaysHereTwice_thenPresentOnce() {
        fixture.given(STARTED).when(new MarkPresentCommand(WORKSHOP, ANNA))
                .expectEvents(new ParticipantPresentEvent(WORKSHOP, PROJECT, ANNA, "Anna", NOW));
        fixture.given(STARTED, new ParticipantPresentEvent(WORKSHOP, PROJECT, ANNA, "Anna", NOW))
                .when(new MarkPresentCommand(WORKSHOP, ANNA)).expectNoEvents();
    }

    @Test
    void givenMeeting_whenFacilitatorGivesTheRoleToAnUnknownParticipant_thenRefused() {
        fixture.given(STARTED).when(new ChangeSteeringRoleCommand(WORKSHOP, FACILITATOR, new ParticipantId("nobody"),
                true)).expectException(DomainException.class).expectNoEvents();
        fixture.given(STARTED).when(new ChangeSteeringRoleCommand(WORKSHOP, FACILITATOR, ANNA, true))
                .expectEvents(ANNA_MEMBER);
    }

    @Test
    void givenOpenDecision_whenANonMemberVotes_thenForbiddenAndNothingStored() {
        fixture.given(STARTED, OPENED).when(vote(ANNA, "continue"))
                .expectException(DomainException.class).expectExceptionMessage("only steering-group members may vote")
                .expectNoEvents();
    }

    @Test
    void givenOpenDecision_whenAMemberVotesRepeatsAndChanges_thenOneEventPerChange() {
        DecisionVoteCastEvent first = new DecisionVoteCastEvent(WORKSHOP, PROJECT, "d1", ANNA, "back", NOW);
        fixture.given(STARTED, ANNA_MEMBER, OPENED).when(vote(ANNA, "back")).expectEvents(first);
        fixture.given(STARTED, ANNA_MEMBER, OPENED, first).when(vote(ANNA, "back")).expectNoEvents();
        fixture.given(STARTED, ANNA_MEMBER, OPENED, first).when(vote(ANNA, "continue"))
                .expectEvents(new DecisionVoteCastEvent(WORKSHOP, PROJECT, "d1", ANNA, "continue", NOW));
    }

    @Test
    void givenOpenDecision_whenAMemberVotesForAnUnknownOption_thenInvalid() {
        fixture.given(STARTED, ANNA_MEMBER, OPENED).when(vote(ANNA, "maybe"))
                .expectException(DomainException.class).expectNoEvents();
    }

    @Test
    void givenClosedDecision_whenAMemberVotes_thenConflictAndNothingStored() {
        DecisionClosedEvent closed = new DecisionClosedEvent(WORKSHOP, PROJECT, "d1", DecisionResult.NO_VOTES, null,
                Map.of(), List.of(), null, FACILITATOR, NOW);
        fixture.given(STARTED, ANNA_MEMBER, OPENED, closed).when(vote(ANNA, "continue"))
                .expectException(DomainException.class).expectExceptionMessage("the decision is closed")
                .expectNoEvents();
    }

    @Test
    void givenNoSuchDecision_whenAMemberVotes_thenNotFound() {
        fixture.given(STARTED, ANNA_MEMBER).when(vote(ANNA, "continue"))
                .expectException(DomainException.class).expectNoEvents();
    }
}
