package se.samverka.command.risk;

import static se.samverka.command.risk.Membership.ANNA;
import static se.samverka.command.risk.Membership.FACILITATOR;
import static se.samverka.command.risk.Membership.MALLORY;
import static se.samverka.command.risk.Membership.NOW;
import static se.samverka.command.risk.Membership.OTHER_FACILITATOR;
import static se.samverka.command.risk.Membership.OTHER_PROJECT;
import static se.samverka.command.risk.Membership.OTHER_WORKSHOP;
import static se.samverka.command.risk.Membership.PROJECT;
import static se.samverka.command.risk.Membership.WORKSHOP;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.samverka.kernel.problem.DomainException;
import se.samverka.kernel.risk.AcceptRiskProposalCommand;
import se.samverka.kernel.risk.AddRiskActionCommand;
import se.samverka.kernel.risk.AdoptRiskEstimateCommand;
import se.samverka.kernel.risk.AssessmentBasis;
import se.samverka.kernel.risk.CloseRiskCommand;
import se.samverka.kernel.risk.DeclineRiskProposalCommand;
import se.samverka.kernel.risk.DiscardRiskEstimateCommand;
import se.samverka.kernel.risk.EditRiskCommand;
import se.samverka.kernel.risk.GiveRiskEstimateCommand;
import se.samverka.kernel.risk.MitigateRiskCommand;
import se.samverka.kernel.risk.OpenRiskEstimateCommand;
import se.samverka.kernel.risk.ProposeRiskCommand;
import se.samverka.kernel.risk.ReassessRiskCommand;
import se.samverka.kernel.risk.RegisterRiskCommand;
import se.samverka.kernel.risk.ReopenRiskCommand;
import se.samverka.kernel.risk.RevealRiskEstimateCommand;
import se.samverka.kernel.risk.RiskActionAddedEvent;
import se.samverka.kernel.risk.RiskActionId;
import se.samverka.kernel.risk.RiskActionStatus;
import se.samverka.kernel.risk.RiskActionUpdatedEvent;
import se.samverka.kernel.risk.RiskAssessment;
import se.samverka.kernel.risk.RiskClosedEvent;
import se.samverka.kernel.risk.RiskDecider;
import se.samverka.kernel.risk.RiskEditedEvent;
import se.samverka.kernel.risk.RiskEscalatedEvent;
import se.samverka.kernel.risk.RiskEstimateAdoptedEvent;
import se.samverka.kernel.risk.RiskEstimateDiscardedEvent;
import se.samverka.kernel.risk.RiskEstimateGivenEvent;
import se.samverka.kernel.risk.RiskEstimateOpenedEvent;
import se.samverka.kernel.risk.RiskEstimateRevealedEvent;
import se.samverka.kernel.risk.RiskEstimateValue;
import se.samverka.kernel.risk.RiskId;
import se.samverka.kernel.risk.RiskLevel;
import se.samverka.kernel.risk.RiskMitigatedEvent;
import se.samverka.kernel.risk.RiskProposalAcceptedEvent;
import se.samverka.kernel.risk.RiskProposalDeclinedEvent;
import se.samverka.kernel.risk.RiskProposalId;
import se.samverka.kernel.risk.RiskProposedEvent;
import se.samverka.kernel.risk.RiskReassessedEvent;
import se.samverka.kernel.risk.RiskRegisterOutcome;
import se.samverka.kernel.risk.RiskRegisteredEvent;
import se.samverka.kernel.risk.RiskReopenedEvent;
import se.samverka.kernel.risk.UpdateRiskActionCommand;
import se.samverka.kernel.workshop.ParticipantId;

/** Every command path of the risk register, happy and refused, given events and then events. */
class RiskRegisterTest {
    static final RiskId R1 = RiskId.number(1);
    static final RiskId R2 = RiskId.number(2);
    static final RiskAssessment MEDIUM_2_5 = new RiskAssessment(2, 5);
    static final RiskAssessment HIGH_4_4 = new RiskAssessment(4, 4);
    static final RiskAssessment LOW_1_2 = new RiskAssessment(1, 2);
    static final ParticipantId BO = new ParticipantId("bo");
    static final RiskProposalId P1 = RiskProposalId.number(1);
    static final RiskActionId A1 = RiskActionId.number(1);

    private FixtureConfiguration<RiskRegister> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(RiskRegister.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(Membership.withTwoProjects());
    }

    /** R1 of the pre-study: a changed assignment leaves the pre-study without a project manager. */
    static RiskRegisteredEvent r1Registered() {
        return new RiskRegisteredEvent(PROJECT, R1, "Ändrat uppdrag e-samordnarroll från VästKom",
                "Beroendet till tjänsten", "Förstudien står utan projektledare", MEDIUM_2_5, true, "Projektledaren",
                null, null, FACILITATOR, NOW);
    }

    static RegisterRiskCommand registerR1(String facilitator) {
        return new RegisterRiskCommand(PROJECT, facilitator, " Ändrat uppdrag e-samordnarroll från VästKom ",
                "Beroendet till tjänsten", "Förstudien står utan projektledare", MEDIUM_2_5, true, "Projektledaren",
                "  ");
    }

    private static RiskEstimateOpenedEvent estimateOpened() {
        return new RiskEstimateOpenedEvent(PROJECT, R1, FACILITATOR, NOW);
    }

    private static RiskEstimateGivenEvent estimated(ParticipantId who, RiskAssessment assessment) {
        return new RiskEstimateGivenEvent(PROJECT, R1, who, assessment, NOW);
    }

    // Registering

    @Test
    void givenNoRegister_whenFacilitatorRegisters_thenRegisterCreatedWithR1() {
        fixture.givenNoPriorActivity()
                .when(registerR1(FACILITATOR))
                .expectEvents(r1Registered())
                .expectResultMessagePayload(new RiskRegisterOutcome("R1", 0));
    }

    @Test
    void givenR1_whenAnotherRiskRegistered_thenItIsR2() {
        fixture.given(r1Registered())
                .when(new RegisterRiskCommand(PROJECT, FACILITATOR, "Projektdeltagare kan inte prioritera",
                        null, null, new RiskAssessment(4, 3), true, null, "Från styrgruppsmötet"))
                .expectEvents(new RiskRegisteredEvent(PROJECT, R2, "Projektdeltagare kan inte prioritera", null,
                        null, new RiskAssessment(4, 3), true, null, "Från styrgruppsmötet", null, FACILITATOR,
                        NOW))
                .expectResultMessagePayload(new RiskRegisterOutcome("R2", 1));
    }

    @Test
    void givenNoRegister_whenFacilitatorOfAnotherProjectRegisters_thenForbiddenAndNothingStored() {
        fixture.givenNoPriorActivity()
                .when(registerR1(OTHER_FACILITATOR))
                .expectException(DomainException.class)
                .expectExceptionMessage("only the facilitator who runs this project may do this")
                .expectNoEvents();
    }

    @Test
    void givenNoProject_whenRegistering_thenNotFound() {
        fixture.givenNoPriorActivity()
                .when(new RegisterRiskCommand(new se.samverka.kernel.project.ProjectId("nowhere"), FACILITATOR,
                        "Hot", null, null, LOW_1_2, false, null, null))
                .expectException(DomainException.class)
                .expectExceptionMessage("no such project")
                .expectNoEvents();
    }

    @Test
    void givenRegister_whenThreatBlankOrTextsTooLong_thenInvalidNamingTheField() {
        fixture.given(r1Registered())
                .when(new RegisterRiskCommand(PROJECT, FACILITATOR, "   ", null, null, LOW_1_2, false, null, null))
                .expectException(invalid("invalid-threat", "threat is required")).expectNoEvents();
        fixture.given(r1Registered())
                .when(new RegisterRiskCommand(PROJECT, FACILITATOR, "x".repeat(501), null, null, LOW_1_2, false,
                        null, null))
                .expectException(invalid("invalid-threat", "threat is at most 500 characters")).expectNoEvents();
        fixture.given(r1Registered())
                .when(new RegisterRiskCommand(PROJECT, FACILITATOR, "Hot", "v".repeat(501), null, LOW_1_2, false,
                        null, null))
                .expectException(invalid("invalid-vulnerability", "vulnerability is at most 500 characters"))
                .expectNoEvents();
        fixture.given(r1Registered())
                .when(new RegisterRiskCommand(PROJECT, FACILITATOR, "Hot", null, null, LOW_1_2, false,
                        "o".repeat(121), null))
                .expectException(invalid("invalid-owner", "owner is at most 120 characters")).expectNoEvents();
        fixture.given(r1Registered())
                .when(new RegisterRiskCommand(PROJECT, FACILITATOR, "Hot", null, null, null, false, null, null))
                .expectException(invalid("invalid-assessment", "probability (S) and consequence (K) are required"))
                .expectNoEvents();
    }

    @Test
    void givenRegister_whenTextsPaddedOrBlank_thenStoredStrippedAndBlankAsLeftOut() {
        fixture.given(r1Registered())
                .when(new RegisterRiskCommand(PROJECT, FACILITATOR, "  Hot  ", " ", "", LOW_1_2, false, "  ", null))
                .expectEvents(new RiskRegisteredEvent(PROJECT, R2, "Hot", null, null, LOW_1_2, false, null, null,
                        null, FACILITATOR, NOW));
    }

    /** The refusal every aggregate gives for bad free text: 400, a code naming the field, a clear message. */
    private static Matcher<DomainException> invalid(String code, String message) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(DomainException e) {
                return e.kind() == DomainException.Kind.INVALID && e.code().equals(code)
                        && e.getMessage().equals(message);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("invalid " + code + ": " + message);
            }
        };
    }

    // Editing

    @Test
    void givenR1_whenTextsChange_thenEditedWithTheWholeNewDescription() {
        fixture.given(r1Registered())
                .when(new EditRiskCommand(PROJECT, FACILITATOR, R1, "Ändrat uppdrag", " ", "Ingen projektledare",
                        false, "Styrgruppen"))
                .expectEvents(new RiskEditedEvent(PROJECT, R1, "Ändrat uppdrag", null, "Ingen projektledare", false,
                        "Styrgruppen", FACILITATOR, NOW))
                .expectResultMessagePayload(new RiskRegisterOutcome("R1", 1));
    }

    @Test
    void givenR1_whenEditedToWhatItSays_thenNoEvent() {
        RiskRegisteredEvent r1 = r1Registered();
        fixture.given(r1)
                .when(new EditRiskCommand(PROJECT, FACILITATOR, R1, r1.threat(), r1.vulnerability(),
                        r1.consequence(), r1.actionNeeded(), r1.owner()))
                .expectNoEvents()
                .expectResultMessagePayload(new RiskRegisterOutcome("R1", 0));
    }

    @Test
    void givenR1_whenUnknownRiskEdited_thenNotFound() {
        fixture.given(r1Registered())
                .when(new EditRiskCommand(PROJECT, FACILITATOR, R2, "Hot", null, null, false, null))
                .expectException(DomainException.class)
                .expectExceptionMessage("the register has no risk R2")
                .expectNoEvents();
    }

    @Test
    void givenR1_whenAnotherFacilitatorEdits_thenForbidden() {
        fixture.given(r1Registered())
                .when(new EditRiskCommand(PROJECT, OTHER_FACILITATOR, R1, "Hot", null, null, false, null))
                .expectException(DomainException.class).expectNoEvents();
    }

    // Reassessing

    @Test
    void givenMediumRisk_whenReassessedHigh_thenReassessedAndEscalatedToTheCommissioningParty() {
        fixture.given(r1Registered())
                .when(new ReassessRiskCommand(PROJECT, FACILITATOR, R1, HIGH_4_4, " VästKom har sagt upp avtalet "))
                .expectEvents(
                        new RiskReassessedEvent(PROJECT, R1, HIGH_4_4, MEDIUM_2_5, "VästKom har sagt upp avtalet",
                                AssessmentBasis.FACILITATOR, FACILITATOR, NOW),
                        new RiskEscalatedEvent(PROJECT, R1, RiskLevel.MEDIUM, RiskLevel.HIGH,
                                RiskDecider.COMMISSIONING_PARTY, HIGH_4_4, NOW))
                .expectResultMessagePayload(new RiskRegisterOutcome("R1", 2));
    }

    @Test
    void givenMediumRisk_whenReassessedLow_thenNoEscalation() {
        fixture.given(r1Registered())
                .when(new ReassessRiskCommand(PROJECT, FACILITATOR, R1, LOW_1_2, "Avtal förlängt"))
                .expectEvents(new RiskReassessedEvent(PROJECT, R1, LOW_1_2, MEDIUM_2_5, "Avtal förlängt",
                        AssessmentBasis.FACILITATOR, FACILITATOR, NOW));
    }

    @Test
    void givenMediumRisk_whenReassessedWithinMedium_thenNoEscalation() {
        fixture.given(r1Registered())
                .when(new ReassessRiskCommand(PROJECT, FACILITATOR, R1, new RiskAssessment(3, 4), "Oförändrat läge"))
                .expectEvents(new RiskReassessedEvent(PROJECT, R1, new RiskAssessment(3, 4), MEDIUM_2_5,
                        "Oförändrat läge", AssessmentBasis.FACILITATOR, FACILITATOR, NOW));
    }

    @Test
    void givenR1_whenReassessedWithoutReason_thenInvalid() {
        fixture.given(r1Registered())
                .when(new ReassessRiskCommand(PROJECT, FACILITATOR, R1, HIGH_4_4, " "))
                .expectException(invalid("invalid-reason", "reason is required")).expectNoEvents();
    }

    @Test
    void givenClosedRisk_whenReassessed_thenConflict() {
        fixture.given(r1Registered(), new RiskClosedEvent(PROJECT, R1, null, FACILITATOR, NOW))
                .when(new ReassessRiskCommand(PROJECT, FACILITATOR, R1, HIGH_4_4, "Nytt läge"))
                .expectException(DomainException.class)
                .expectExceptionMessage("R1 is closed; reopen it first")
                .expectNoEvents();
    }

    // Actions

    @Test
    void givenR1_whenActionAdded_thenA1Planned() {
        fixture.given(r1Registered())
                .when(new AddRiskActionCommand(PROJECT, FACILITATOR, R1, "Förhandla med VästKom", "Fyrbodal",
                        LocalDate.of(2026, 12, 15)))
                .expectEvents(new RiskActionAddedEvent(PROJECT, R1, A1, "Förhandla med VästKom", "Fyrbodal",
                        LocalDate.of(2026, 12, 15), RiskActionStatus.PLANNED, FACILITATOR, NOW))
                .expectResultMessagePayload(new RiskRegisterOutcome("A1", 1));
    }

    @Test
    void givenAction_whenStatusChanges_thenUpdatedWithTheWholeAction() {
        fixture.given(r1Registered(), new RiskActionAddedEvent(PROJECT, R1, A1, "Förhandla", null, null,
                        RiskActionStatus.PLANNED, FACILITATOR, NOW))
                .when(new UpdateRiskActionCommand(PROJECT, FACILITATOR, R1, A1, "Förhandla", "Fyrbodal", null,
                        RiskActionStatus.IN_PROGRESS))
                .expectEvents(new RiskActionUpdatedEvent(PROJECT, R1, A1, "Förhandla", "Fyrbodal", null,
                        RiskActionStatus.IN_PROGRESS, FACILITATOR, NOW));
    }

    @Test
    void givenAction_whenUpdatedToWhatItIs_thenNoEvent() {
        fixture.given(r1Registered(), new RiskActionAddedEvent(PROJECT, R1, A1, "Förhandla", null, null,
                        RiskActionStatus.PLANNED, FACILITATOR, NOW))
                .when(new UpdateRiskActionCommand(PROJECT, FACILITATOR, R1, A1, "Förhandla", null, null,
                        RiskActionStatus.PLANNED))
                .expectNoEvents();
    }

    @Test
    void givenR1_whenActionOnUnknownRiskOrUnknownAction_thenNotFound() {
        fixture.given(r1Registered())
                .when(new AddRiskActionCommand(PROJECT, FACILITATOR, R2, "Åtgärd", null, null))
                .expectException(DomainException.class).expectExceptionMessage("the register has no risk R2")
                .expectNoEvents();
        fixture.given(r1Registered())
                .when(new UpdateRiskActionCommand(PROJECT, FACILITATOR, R1, A1, "Åtgärd", null, null,
                        RiskActionStatus.DONE))
                .expectException(DomainException.class).expectExceptionMessage("R1 has no action A1")
                .expectNoEvents();
    }

    @Test
    void givenR1_whenActionWithoutDescription_thenInvalid() {
        fixture.given(r1Registered())
                .when(new AddRiskActionCommand(PROJECT, FACILITATOR, R1, " ", null, null))
                .expectException(invalid("invalid-description", "description is required")).expectNoEvents();
    }

    // States

    @Test
    void givenOpenRisk_whenMitigatedThenClosedThenReopened_thenEachIsAnEvent() {
        fixture.given(r1Registered())
                .when(new MitigateRiskCommand(PROJECT, FACILITATOR, R1, "Avtal klart"))
                .expectEvents(new RiskMitigatedEvent(PROJECT, R1, "Avtal klart", FACILITATOR, NOW));
        fixture.given(r1Registered(), new RiskMitigatedEvent(PROJECT, R1, null, FACILITATOR, NOW))
                .when(new CloseRiskCommand(PROJECT, FACILITATOR, R1, null))
                .expectEvents(new RiskClosedEvent(PROJECT, R1, null, FACILITATOR, NOW));
        fixture.given(r1Registered(), new RiskClosedEvent(PROJECT, R1, null, FACILITATOR, NOW))
                .when(new ReopenRiskCommand(PROJECT, FACILITATOR, R1, "Hotet är tillbaka"))
                .expectEvents(new RiskReopenedEvent(PROJECT, R1, "Hotet är tillbaka", FACILITATOR, NOW));
    }

    @Test
    void givenRiskAlreadyInTheState_whenAskedAgain_thenNoEvent() {
        fixture.given(r1Registered(), new RiskMitigatedEvent(PROJECT, R1, null, FACILITATOR, NOW))
                .when(new MitigateRiskCommand(PROJECT, FACILITATOR, R1, null)).expectNoEvents();
        fixture.given(r1Registered(), new RiskClosedEvent(PROJECT, R1, null, FACILITATOR, NOW))
                .when(new CloseRiskCommand(PROJECT, FACILITATOR, R1, null)).expectNoEvents();
        fixture.given(r1Registered())
                .when(new ReopenRiskCommand(PROJECT, FACILITATOR, R1, null)).expectNoEvents();
    }

    @Test
    void givenClosedRisk_whenMitigatedOrActionAdded_thenConflict() {
        fixture.given(r1Registered(), new RiskClosedEvent(PROJECT, R1, null, FACILITATOR, NOW))
                .when(new MitigateRiskCommand(PROJECT, FACILITATOR, R1, null))
                .expectException(DomainException.class).expectNoEvents();
        fixture.given(r1Registered(), new RiskClosedEvent(PROJECT, R1, null, FACILITATOR, NOW))
                .when(new AddRiskActionCommand(PROJECT, FACILITATOR, R1, "Åtgärd", null, null))
                .expectException(DomainException.class).expectNoEvents();
    }

    @Test
    void givenOpenEstimate_whenRiskClosed_thenEstimateDiscardedFirst() {
        fixture.given(r1Registered(), estimateOpened(), estimated(ANNA, HIGH_4_4))
                .when(new CloseRiskCommand(PROJECT, FACILITATOR, R1, "Inaktuell"))
                .expectEvents(new RiskEstimateDiscardedEvent(PROJECT, R1, FACILITATOR, NOW),
                        new RiskClosedEvent(PROJECT, R1, "Inaktuell", FACILITATOR, NOW))
                .expectResultMessagePayload(new RiskRegisterOutcome("R1", 4));
    }

    // Proposals

    private RiskProposedEvent proposed() {
        return new RiskProposedEvent(PROJECT, P1, "Projektdeltagare kan inte prioritera", null,
                "Underlaget får bristande kvalitet", new RiskAssessment(4, 3), WORKSHOP, ANNA, "Anna", NOW);
    }

    @Test
    void givenNoRegister_whenParticipantProposes_thenRegisterCreatedWithP1NamedAfterTheProposer() {
        fixture.givenNoPriorActivity()
                .when(new ProposeRiskCommand(PROJECT, WORKSHOP, ANNA, "Projektdeltagare kan inte prioritera", "",
                        "Underlaget får bristande kvalitet", new RiskAssessment(4, 3)))
                .expectEvents(proposed())
                .expectResultMessagePayload(new RiskRegisterOutcome("P1", 0));
    }

    @Test
    void givenRegister_whenParticipantOfAnotherProjectProposes_thenForbidden() {
        fixture.given(r1Registered())
                .when(new ProposeRiskCommand(PROJECT, OTHER_WORKSHOP, MALLORY, "Hot", null, null, LOW_1_2))
                .expectException(DomainException.class)
                .expectExceptionMessage("only participants of this project's workshops may do this")
                .expectNoEvents();
    }

    @Test
    void givenProposal_whenAccepted_thenAcceptedAndRegisteredAsTheNextRisk() {
        fixture.given(r1Registered(), proposed())
                .when(new AcceptRiskProposalCommand(PROJECT, FACILITATOR, P1))
                .expectEvents(new RiskProposalAcceptedEvent(PROJECT, P1, R2, FACILITATOR, NOW),
                        new RiskRegisteredEvent(PROJECT, R2, "Projektdeltagare kan inte prioritera", null,
                                "Underlaget får bristande kvalitet", new RiskAssessment(4, 3), false, null, null,
                                P1, FACILITATOR, NOW))
                .expectResultMessagePayload(new RiskRegisterOutcome("R2", 3));
    }

    @Test
    void givenAcceptedProposal_whenAcceptedAgain_thenNothingChanges() {
        fixture.given(r1Registered(), proposed(), new RiskProposalAcceptedEvent(PROJECT, P1, R2, FACILITATOR, NOW),
                        new RiskRegisteredEvent(PROJECT, R2, "Projektdeltagare kan inte prioritera", null, null,
                                new RiskAssessment(4, 3), false, null, null, P1, FACILITATOR, NOW))
                .when(new AcceptRiskProposalCommand(PROJECT, FACILITATOR, P1))
                .expectNoEvents()
                .expectResultMessagePayload(new RiskRegisterOutcome("R2", 3));
    }

    @Test
    void givenProposal_whenDeclined_thenDeclinedAndCannotBeAcceptedAfterwards() {
        fixture.given(proposed())
                .when(new DeclineRiskProposalCommand(PROJECT, FACILITATOR, P1, "Finns redan som R1"))
                .expectEvents(new RiskProposalDeclinedEvent(PROJECT, P1, "Finns redan som R1", FACILITATOR, NOW));
        fixture.given(proposed(), new RiskProposalDeclinedEvent(PROJECT, P1, null, FACILITATOR, NOW))
                .when(new AcceptRiskProposalCommand(PROJECT, FACILITATOR, P1))
                .expectException(DomainException.class).expectNoEvents();
    }

    @Test
    void givenProposal_whenUnknownProposalAcceptedOrAnotherFacilitatorDeclines_thenRefused() {
        fixture.given(proposed())
                .when(new AcceptRiskProposalCommand(PROJECT, FACILITATOR, RiskProposalId.number(2)))
                .expectException(DomainException.class).expectExceptionMessage("the register has no proposal P2")
                .expectNoEvents();
        fixture.given(proposed())
                .when(new DeclineRiskProposalCommand(PROJECT, OTHER_FACILITATOR, P1, null))
                .expectException(DomainException.class).expectNoEvents();
    }

    // Estimates

    @Test
    void givenR1_whenEstimateOpened_thenOpenedAndOpeningAgainChangesNothing() {
        fixture.given(r1Registered())
                .when(new OpenRiskEstimateCommand(PROJECT, FACILITATOR, R1))
                .expectEvents(estimateOpened());
        fixture.given(r1Registered(), estimateOpened())
                .when(new OpenRiskEstimateCommand(PROJECT, FACILITATOR, R1))
                .expectNoEvents();
    }

    @Test
    void givenOpenEstimate_whenParticipantsEstimate_thenEachGivenAndARepeatIsNoEvent() {
        fixture.given(r1Registered(), estimateOpened())
                .when(new GiveRiskEstimateCommand(PROJECT, WORKSHOP, ANNA, R1, HIGH_4_4))
                .expectEvents(estimated(ANNA, HIGH_4_4))
                .expectResultMessagePayload(new RiskRegisterOutcome("R1", 2));
        fixture.given(r1Registered(), estimateOpened(), estimated(ANNA, HIGH_4_4))
                .when(new GiveRiskEstimateCommand(PROJECT, WORKSHOP, ANNA, R1, HIGH_4_4))
                .expectNoEvents();
        fixture.given(r1Registered(), estimateOpened(), estimated(ANNA, HIGH_4_4))
                .when(new GiveRiskEstimateCommand(PROJECT, WORKSHOP, ANNA, R1, LOW_1_2))
                .expectEvents(estimated(ANNA, LOW_1_2));
    }

    @Test
    void givenNoOpenEstimate_whenEstimating_thenConflict() {
        fixture.given(r1Registered())
                .when(new GiveRiskEstimateCommand(PROJECT, WORKSHOP, ANNA, R1, HIGH_4_4))
                .expectException(DomainException.class).expectExceptionMessage("R1 has no open estimate")
                .expectNoEvents();
    }

    @Test
    void givenOpenEstimate_whenParticipantOfAnotherProjectEstimates_thenForbidden() {
        fixture.given(r1Registered(), estimateOpened())
                .when(new GiveRiskEstimateCommand(PROJECT, OTHER_WORKSHOP, MALLORY, R1, HIGH_4_4))
                .expectException(DomainException.class).expectNoEvents();
    }

    @Test
    void givenEstimates_whenRevealed_thenRevealedWithEveryLatestValueInOrderOfFirstEstimate() {
        fixture.given(r1Registered(), estimateOpened(), estimated(ANNA, HIGH_4_4), estimated(BO, LOW_1_2),
                        estimated(ANNA, new RiskAssessment(3, 5)))
                .when(new RevealRiskEstimateCommand(PROJECT, FACILITATOR, R1))
                .expectEvents(new RiskEstimateRevealedEvent(PROJECT, R1, List.of(
                        new RiskEstimateValue(ANNA, new RiskAssessment(3, 5)),
                        new RiskEstimateValue(BO, LOW_1_2)), FACILITATOR, NOW));
    }

    @Test
    void givenOpenEstimateWithoutValues_whenRevealed_thenConflict() {
        fixture.given(r1Registered(), estimateOpened())
                .when(new RevealRiskEstimateCommand(PROJECT, FACILITATOR, R1))
                .expectException(DomainException.class).expectExceptionMessage("nobody has estimated R1 yet")
                .expectNoEvents();
    }

    @Test
    void givenSealedEstimate_whenAdopting_thenConflict() {
        fixture.given(r1Registered(), estimateOpened(), estimated(ANNA, HIGH_4_4))
                .when(new AdoptRiskEstimateCommand(PROJECT, FACILITATOR, R1, HIGH_4_4, null))
                .expectException(DomainException.class)
                .expectExceptionMessage("the estimate of R1 is sealed; reveal it before adopting a value")
                .expectNoEvents();
    }

    @Test
    void givenRevealedEstimate_whenEstimatingOrOpeningAgain_thenConflict() {
        RiskEstimateRevealedEvent revealed = new RiskEstimateRevealedEvent(PROJECT, R1,
                List.of(new RiskEstimateValue(ANNA, HIGH_4_4)), FACILITATOR, NOW);
        fixture.given(r1Registered(), estimateOpened(), estimated(ANNA, HIGH_4_4), revealed)
                .when(new GiveRiskEstimateCommand(PROJECT, WORKSHOP, ANNA, R1, LOW_1_2))
                .expectException(DomainException.class).expectNoEvents();
        fixture.given(r1Registered(), estimateOpened(), estimated(ANNA, HIGH_4_4), revealed)
                .when(new OpenRiskEstimateCommand(PROJECT, FACILITATOR, R1))
                .expectException(DomainException.class).expectNoEvents();
    }

    @Test
    void givenRevealedEstimate_whenValueAdopted_thenAdoptedReassessedFromTheEstimateAndEscalated() {
        fixture.given(r1Registered(), estimateOpened(), estimated(ANNA, HIGH_4_4), estimated(BO, HIGH_4_4),
                        new RiskEstimateRevealedEvent(PROJECT, R1, List.of(new RiskEstimateValue(ANNA, HIGH_4_4),
                                new RiskEstimateValue(BO, HIGH_4_4)), FACILITATOR, NOW))
                .when(new AdoptRiskEstimateCommand(PROJECT, FACILITATOR, R1, HIGH_4_4, "Samstämmig bedömning"))
                .expectEvents(new RiskEstimateAdoptedEvent(PROJECT, R1, HIGH_4_4, FACILITATOR, NOW),
                        new RiskReassessedEvent(PROJECT, R1, HIGH_4_4, MEDIUM_2_5, "Samstämmig bedömning",
                                AssessmentBasis.JOINT_ESTIMATE, FACILITATOR, NOW),
                        new RiskEscalatedEvent(PROJECT, R1, RiskLevel.MEDIUM, RiskLevel.HIGH,
                                RiskDecider.COMMISSIONING_PARTY, HIGH_4_4, NOW))
                .expectResultMessagePayload(new RiskRegisterOutcome("R1", 7));
    }

    @Test
    void givenOpenEstimate_whenDiscarded_thenDiscardedAndANewOneMayOpen() {
        fixture.given(r1Registered(), estimateOpened(), estimated(ANNA, HIGH_4_4))
                .when(new DiscardRiskEstimateCommand(PROJECT, FACILITATOR, R1))
                .expectEvents(new RiskEstimateDiscardedEvent(PROJECT, R1, FACILITATOR, NOW));
        fixture.given(r1Registered(), estimateOpened(), new RiskEstimateDiscardedEvent(PROJECT, R1, FACILITATOR,
                        NOW))
                .when(new OpenRiskEstimateCommand(PROJECT, FACILITATOR, R1))
                .expectEvents(new RiskEstimateOpenedEvent(PROJECT, R1, FACILITATOR, NOW));
    }

    @Test
    void givenNoEstimate_whenDiscarded_thenNothingChanges() {
        fixture.given(r1Registered())
                .when(new DiscardRiskEstimateCommand(PROJECT, FACILITATOR, R1))
                .expectNoEvents();
    }

    @Test
    void givenRegisterOfOneProject_whenFacilitatorOfAnotherProjectReveals_thenForbidden() {
        fixture.given(r1Registered(), estimateOpened(), estimated(ANNA, HIGH_4_4))
                .when(new RevealRiskEstimateCommand(PROJECT, OTHER_FACILITATOR, R1))
                .expectException(DomainException.class).expectNoEvents();
    }

    @Test
    void givenOtherProject_whenItsFacilitatorRegisters_thenItsOwnRegisterStartsAtR1() {
        fixture.givenNoPriorActivity()
                .when(new RegisterRiskCommand(OTHER_PROJECT, OTHER_FACILITATOR, "Hot", null, null, LOW_1_2, false,
                        null, null))
                .expectEvents(new RiskRegisteredEvent(OTHER_PROJECT, R1, "Hot", null, null, LOW_1_2, false, null, null,
                        null, OTHER_FACILITATOR, NOW));
    }
}
