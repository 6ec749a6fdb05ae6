package se.samverka.command.records;

import static se.samverka.command.risk.Membership.FACILITATOR;
import static se.samverka.command.risk.Membership.NOW;
import static se.samverka.command.risk.Membership.OTHER_FACILITATOR;
import static se.samverka.command.risk.Membership.OTHER_WORKSHOP;
import static se.samverka.command.risk.Membership.PROJECT;
import static se.samverka.command.risk.Membership.WORKSHOP;

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
import se.samverka.kernel.records.AddPlanVersionCommand;
import se.samverka.kernel.records.MilestoneSetEvent;
import se.samverka.kernel.records.PlanVersionAddedEvent;
import se.samverka.kernel.records.ReportStatusCommand;
import se.samverka.kernel.records.SetMilestoneCommand;
import se.samverka.kernel.records.SetProjectFactsCommand;
import se.samverka.kernel.records.StatusLight;
import se.samverka.kernel.records.StatusReportedEvent;
import se.samverka.kernel.records.StatusRow;

/** The project records' rules: dates in order, plan versions once, status reports per meeting of the project. */
class ProjectRecordsTest {
    private static final LocalDate START = LocalDate.of(2020, 9, 25);
    private FixtureConfiguration<ProjectRecords> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ProjectRecords.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(Membership.withTwoProjects());
    }

    @Test
    void givenNoRecords_whenFactsEndBeforeTheyStart_thenInvalidAndNothingStored() {
        fixture.givenNoPriorActivity().when(new SetProjectFactsCommand(PROJECT, FACILITATOR, "Förstudie", null,
                        605000L, List.of(), null, START, LocalDate.of(2020, 1, 29), List.of()))
                .expectException(DomainException.class).expectNoEvents();
    }

    @Test
    void givenNoRecords_whenAnotherFacilitatorSetsFacts_thenForbidden() {
        fixture.givenNoPriorActivity().when(new SetProjectFactsCommand(PROJECT, OTHER_FACILITATOR, "Förstudie", null,
                null, null, null, null, null, null)).expectException(DomainException.class).expectNoEvents();
    }

    @Test
    void givenNoRecords_whenAPlanVersionIsAddedTwice_thenStoredOnceAsADraft() {
        PlanVersionAddedEvent added = new PlanVersionAddedEvent(PROJECT, "0.2", null, FACILITATOR, NOW);
        fixture.givenNoPriorActivity().when(new AddPlanVersionCommand(PROJECT, FACILITATOR, "0.2", null))
                .expectEvents(added);
        fixture.given(added).when(new AddPlanVersionCommand(PROJECT, FACILITATOR, "0.2", null)).expectNoEvents();
    }

    @Test
    void givenNoRecords_whenAMilestoneIsDueBeforeItIsPlanned_thenInvalid_andInOrderItIsSet() {
        fixture.givenNoPriorActivity().when(new SetMilestoneCommand(PROJECT, FACILITATOR, "M1",
                        "Projektplan fastställd", LocalDate.of(2020, 10, 30), LocalDate.of(2020, 9, 28), null))
                .expectException(DomainException.class).expectNoEvents();
        fixture.givenNoPriorActivity().when(new SetMilestoneCommand(PROJECT, FACILITATOR, "M1",
                        "Projektplan fastställd", LocalDate.of(2020, 9, 28), LocalDate.of(2020, 10, 30), null))
                .expectEvents(new MilestoneSetEvent(PROJECT, "M1", "Projektplan fastställd", LocalDate.of(2020, 9, 28),
                        LocalDate.of(2020, 10, 30), null, FACILITATOR, NOW));
    }

    @Test
    void givenNoRecords_whenStatusIsReportedForAMeetingOfAnotherProject_thenNotFound() {
        List<StatusRow> rows = List.of(new StatusRow("Budget", StatusLight.ON_TRACK, null, null, null));
        fixture.givenNoPriorActivity().when(new ReportStatusCommand(PROJECT, FACILITATOR, OTHER_WORKSHOP, START, rows))
                .expectException(DomainException.class).expectNoEvents();
        fixture.givenNoPriorActivity().when(new ReportStatusCommand(PROJECT, FACILITATOR, WORKSHOP, START, rows))
                .expectEvents(new StatusReportedEvent(PROJECT, WORKSHOP, START, rows, FACILITATOR, NOW));
    }

    @Test
    void givenNoRecords_whenAnAreaHasNoLight_thenInvalid() {
        fixture.givenNoPriorActivity().when(new ReportStatusCommand(PROJECT, FACILITATOR, WORKSHOP, START,
                        List.of(new StatusRow("Budget", null, null, null, null))))
                .expectException(DomainException.class).expectNoEvents();
    }
}
