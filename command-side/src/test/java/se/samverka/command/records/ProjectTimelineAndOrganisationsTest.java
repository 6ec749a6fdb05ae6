package se.samverka.command.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.samverka.command.risk.Membership.FACILITATOR;
import static se.samverka.command.risk.Membership.NOW;
import static se.samverka.command.risk.Membership.OTHER_FACILITATOR;
import static se.samverka.command.risk.Membership.PROJECT;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.samverka.command.risk.Membership;
import se.samverka.kernel.problem.DomainException;
import se.samverka.kernel.records.ActivityRemovedEvent;
import se.samverka.kernel.records.ActivitySetEvent;
import se.samverka.kernel.records.IsoWeeks;
import se.samverka.kernel.records.OrganisationList;
import se.samverka.kernel.records.OrganisationsSetEvent;
import se.samverka.kernel.records.RecordsOutcome;
import se.samverka.kernel.records.RemoveActivityCommand;
import se.samverka.kernel.records.SetActivityCommand;
import se.samverka.kernel.records.SetOrganisationsCommand;

/** The timeline's activities by ISO week, and the project's member organisations. */
class ProjectTimelineAndOrganisationsTest {
    private FixtureConfiguration<ProjectRecords> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ProjectRecords.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(Membership.withTwoProjects());
    }

    @Test
    void givenNoRecords_whenAnActivityRunsAcrossTheYearBoundary_thenSetWithWeeksWrittenOneWay() {
        fixture.givenNoPriorActivity()
                .when(new SetActivityCommand(PROJECT, FACILITATOR, "A8", "Sammanställ scenario 1", "2020-W53", "2021-W2"))
                .expectEvents(new ActivitySetEvent(PROJECT, "A8", "Sammanställ scenario 1", "2020-W53", "2021-W02",
                        FACILITATOR, NOW));
    }

    @Test
    void givenAnActivity_whenSetAgainUnchanged_thenNoEvent_andChangedItIsSetAgain() {
        ActivitySetEvent set = new ActivitySetEvent(PROJECT, "A1", "Intervjuer", "2020-W41", "2020-W43", FACILITATOR,
                NOW);
        fixture.given(set).when(new SetActivityCommand(PROJECT, FACILITATOR, "A1", "Intervjuer", "2020-W41",
                "2020-W43")).expectNoEvents();
        fixture.given(set).when(new SetActivityCommand(PROJECT, FACILITATOR, "A1", "Intervjuer", "2020-W41",
                "2020-W44")).expectEvents(new ActivitySetEvent(PROJECT, "A1", "Intervjuer", "2020-W41", "2020-W44",
                FACILITATOR, NOW));
    }

    @Test
    void givenNoRecords_whenWeeksDoNotParseOrEndBeforeTheyStart_thenInvalidAndNothingStored() {
        for (String[] weeks : new String[][] {{"vecka 41", "2020-W43"}, {"2021-W53", "2021-W53"},
            {"2020-W44", "2020-W41"}, {"2021-W01", "2020-W52"}, {"2020-W00", "2020-W02"}}) {
            fixture.givenNoPriorActivity().when(new SetActivityCommand(PROJECT, FACILITATOR, "A1", "Intervjuer",
                    weeks[0], weeks[1])).expectException(DomainException.class).expectNoEvents();
        }
        fixture.givenNoPriorActivity().when(new SetActivityCommand(PROJECT, FACILITATOR, "B1", "Intervjuer",
                "2020-W41", "2020-W43")).expectException(DomainException.class).expectNoEvents();
        fixture.givenNoPriorActivity().when(new SetActivityCommand(PROJECT, OTHER_FACILITATOR, "A1", "Intervjuer",
                "2020-W41", "2020-W43")).expectException(DomainException.class).expectNoEvents();
    }

    @Test
    void givenAnActivity_whenRemoved_thenRemovedWithWhatItWas_andSettingItAgainAddsItAnew() {
        ActivitySetEvent set = new ActivitySetEvent(PROJECT, "A1", "Intervjuer", "2020-W41", "2020-W43", FACILITATOR,
                NOW);
        ActivityRemovedEvent removed = new ActivityRemovedEvent(PROJECT, "A1", "Intervjuer", "2020-W41", "2020-W43",
                FACILITATOR, NOW);
        fixture.given(set).when(new RemoveActivityCommand(PROJECT, FACILITATOR, "A1"))
                .expectEvents(removed)
                .expectResultMessagePayload(new RecordsOutcome("A1", 1));
        fixture.given(set, removed).when(new SetActivityCommand(PROJECT, FACILITATOR, "A1", "Intervjuer",
                "2020-W41", "2020-W43")).expectEvents(set);
    }

    @Test
    void givenAnActivity_whenAnotherOrARemovedOneIsRemoved_thenNotFound_andAnotherFacilitatorIsRefused() {
        ActivitySetEvent set = new ActivitySetEvent(PROJECT, "A1", "Intervjuer", "2020-W41", "2020-W43", FACILITATOR,
                NOW);
        fixture.given(set).when(new RemoveActivityCommand(PROJECT, FACILITATOR, "A2"))
                .expectException(DomainException.class).expectExceptionMessage("the timeline has no activity A2")
                .expectNoEvents();
        fixture.given(set, new ActivityRemovedEvent(PROJECT, "A1", "Intervjuer", "2020-W41", "2020-W43", FACILITATOR,
                NOW)).when(new RemoveActivityCommand(PROJECT, FACILITATOR, "A1"))
                .expectException(DomainException.class).expectNoEvents();
        fixture.givenNoPriorActivity().when(new RemoveActivityCommand(PROJECT, FACILITATOR, "A1"))
                .expectException(DomainException.class).expectNoEvents();
        fixture.given(set).when(new RemoveActivityCommand(PROJECT, OTHER_FACILITATOR, "A1"))
                .expectException(DomainException.class).expectNoEvents();
    }

    @Test
    void isoWeeks_knowWhichYearsHaveAWeek53() {
        assertThat(IsoWeeks.monday("2020-W53")).contains(LocalDate.of(2020, 12, 28));
        assertThat(IsoWeeks.monday("2021-W53")).isEmpty();
        assertThat(IsoWeeks.of(LocalDate.of(2021, 1, 3))).isEqualTo("2020-W53");
        assertThat(IsoWeeks.of(LocalDate.of(2021, 1, 29))).isEqualTo("2021-W04");
    }

    @Test
    void givenNoRecords_whenOrganisationsAreSet_thenStored_andTheSameListAgainIsANoOp() {
        OrganisationsSetEvent set = new OrganisationsSetEvent(PROJECT, List.of("Bengtsfors", "Dals-Ed"), false,
                FACILITATOR, NOW);
        fixture.givenNoPriorActivity().when(new SetOrganisationsCommand(PROJECT, FACILITATOR,
                List.of(" Bengtsfors ", "Dals-Ed"), false)).expectEvents(set);
        fixture.given(set).when(new SetOrganisationsCommand(PROJECT, FACILITATOR, List.of("Bengtsfors", "Dals-Ed"),
                false)).expectNoEvents();
    }

    @Test
    void givenNoRecords_whenAnOrganisationIsListedTwiceOrBlank_thenInvalid() {
        fixture.givenNoPriorActivity().when(new SetOrganisationsCommand(PROJECT, FACILITATOR,
                List.of("Tanum", "tanum"), false)).expectException(DomainException.class).expectNoEvents();
        fixture.givenNoPriorActivity().when(new SetOrganisationsCommand(PROJECT, FACILITATOR,
                List.of("Tanum", " "), false)).expectException(DomainException.class).expectNoEvents();
    }

    @Test
    void anOrganisationList_acceptsListedNamesInItsSpelling_andFreeTextOnlyWhereAllowed() {
        OrganisationList closed = new OrganisationList(List.of("Uddevalla", "Åmål"), false);
        assertThat(closed.accept(" åmål ")).contains("Åmål");
        assertThat(closed.accept(null)).isEmpty();
        assertThatThrownBy(() -> closed.accept("Göteborg")).isInstanceOf(DomainException.class)
                .hasMessageContaining("not one of the project's organisations");
        assertThat(new OrganisationList(List.of("Uddevalla"), true).accept("VästKom")).contains("VästKom");
        assertThat(OrganisationList.OPEN.accept("Vad som helst")).contains("Vad som helst");
    }
}
