package se.samverka.query.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import se.samverka.kernel.project.ProjectId;
import se.samverka.kernel.risk.AssessmentBasis;
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
import se.samverka.kernel.risk.RiskRegisterEvent;
import se.samverka.kernel.risk.RiskRegisteredEvent;
import se.samverka.kernel.risk.RiskReopenedEvent;
import se.samverka.kernel.workshop.ParticipantId;
import se.samverka.kernel.workshop.WorkshopId;
import se.samverka.query.live.LivePublisher;

/**
 * Given register events, then the read model and the pushes: against the MongoDB wire-protocol
 * server through the real driver, with a real messaging template whose channel records what it
 * sends.
 */
class RiskProjectionTest {
    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    private static final ProjectId PROJECT = new ProjectId("p1");
    private static final RiskId R1 = RiskId.number(1);
    private static final RiskId R2 = RiskId.number(2);
    private static final ParticipantId ANNA = new ParticipantId("anna");
    private static final ParticipantId BO = new ParticipantId("bo");
    private static final RiskAssessment MEDIUM_2_5 = new RiskAssessment(2, 5);
    private static final RiskAssessment HIGH_4_4 = new RiskAssessment(4, 4);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private RiskRegisterViews views;
    private RiskProjection projection;
    private final List<Message<?>> pushed = new CopyOnWriteArrayList<>();
    private long nextVersion;

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        database = client.getDatabase("projection-test");
        views = new RiskRegisterViews(database);
        projection = new RiskProjection(views, new LivePublisher(
                new SimpMessagingTemplate((message, timeout) -> pushed.add(message))));
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    private void given(RiskRegisterEvent... events) {
        for (RiskRegisterEvent event : events) {
            projection.on(event, nextVersion++);
        }
    }

    private RiskRegisterView register() {
        return views.find("p1").orElseThrow();
    }

    private RiskView risk(String id) {
        return register().risk(id).orElseThrow();
    }

    private List<RiskLiveMessage> messages() {
        return pushed.stream().map(m -> (RiskLiveMessage) m.getPayload()).toList();
    }

    private static RiskRegisteredEvent r1() {
        return new RiskRegisteredEvent(PROJECT, R1, "Ändrat uppdrag", "Beroendet till tjänsten",
                "Förstudien står utan projektledare", MEDIUM_2_5, true, "Projektledaren", null, null, "admin", NOW);
    }

    private static RiskRegisteredEvent r2() {
        return new RiskRegisteredEvent(PROJECT, R2, "Projektdeltagare kan inte prioritera", null, null,
                new RiskAssessment(4, 3), true, null, "Från mötet", null, "admin", NOW);
    }

    private static RiskEstimateGivenEvent estimated(ParticipantId who, RiskAssessment assessment) {
        return new RiskEstimateGivenEvent(PROJECT, R1, who, assessment, NOW);
    }

    @Test
    void givenRegisteredRisks_thenEachHasItsValueLevelDeciderAndFirstAssessmentInItsHistory() {
        given(r1(), r2());

        RiskRegisterView register = register();
        assertThat(register.version()).isEqualTo(1);
        assertThat(register.risks()).extracting(RiskView::id).containsExactly("R1", "R2");
        RiskView r1 = risk("R1");
        assertThat(r1.value()).isEqualTo(10);
        assertThat(r1.level()).isEqualTo("MEDIUM");
        assertThat(r1.decidedBy()).isEqualTo("TACTICAL_STEERING_GROUP");
        assertThat(r1.state()).isEqualTo("OPEN");
        assertThat(r1.history()).singleElement().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo("registered");
            assertThat(entry.by()).isEqualTo("admin");
            assertThat(entry.value()).isEqualTo(10);
            assertThat(entry.at()).isEqualTo(NOW);
        });
        assertThat(pushed).extracting(m -> m.getHeaders().get("simpDestination"))
                .containsOnly("/topic/projects.p1.risks");
        assertThat(messages()).extracting(RiskLiveMessage::type, RiskLiveMessage::version)
                .containsExactly(tuple("risk.registered", 0L),
                        tuple("risk.registered", 1L));
        assertThat(messages().get(1).risk()).isEqualTo(risk("R2"));
    }

    @Test
    void givenReassessmentThatEscalates_thenRiskMovesTheEscalationIsKeptAndPushedWithTheRisk() {
        given(r1(),
                new RiskReassessedEvent(PROJECT, R1, HIGH_4_4, MEDIUM_2_5, "Avtalet sägs upp",
                        AssessmentBasis.FACILITATOR, "admin", NOW),
                new RiskEscalatedEvent(PROJECT, R1, RiskLevel.MEDIUM, RiskLevel.HIGH, RiskDecider.COMMISSIONING_PARTY,
                        HIGH_4_4, NOW));

        RiskView r1 = risk("R1");
        assertThat(r1.probability()).isEqualTo(4);
        assertThat(r1.impact()).isEqualTo(4);
        assertThat(r1.value()).isEqualTo(16);
        assertThat(r1.level()).isEqualTo("HIGH");
        assertThat(r1.decidedBy()).isEqualTo("COMMISSIONING_PARTY");
        assertThat(r1.history()).extracting(RiskHistoryEntry::kind)
                .containsExactly("registered", "reassessed", "escalated");
        RiskHistoryEntry reassessed = r1.history().get(1);
        assertThat(reassessed.reason()).isEqualTo("Avtalet sägs upp");
        assertThat(reassessed.previousLevel()).isEqualTo("MEDIUM");
        assertThat(reassessed.basis()).isEqualTo("FACILITATOR");
        assertThat(register().escalations()).singleElement().satisfies(escalation -> {
            assertThat(escalation.riskId()).isEqualTo("R1");
            assertThat(escalation.level()).isEqualTo("HIGH");
            assertThat(escalation.decidedBy()).isEqualTo("COMMISSIONING_PARTY");
            assertThat(escalation.version()).isEqualTo(2);
        });
        RiskLiveMessage last = messages().get(2);
        assertThat(last.type()).isEqualTo("risk.escalated");
        assertThat(last.escalation()).isEqualTo(register().escalations().get(0));
        assertThat(last.risk().level()).isEqualTo("HIGH");
    }

    @Test
    void givenSealedEstimates_thenNeitherTheReadModelNorAnyPushHoldsTheirValues() throws Exception {
        given(r1(), new RiskEstimateOpenedEvent(PROJECT, R1, "admin", NOW),
                estimated(ANNA, new RiskAssessment(5, 4)), estimated(BO, new RiskAssessment(3, 1)),
                estimated(ANNA, new RiskAssessment(4, 3)));

        RiskEstimateView estimate = risk("R1").estimate();
        assertThat(estimate.state()).isEqualTo("open");
        assertThat(estimate.estimators()).containsExactly("anna", "bo");
        assertThat(estimate.count()).isEqualTo(2);
        assertThat(estimate.values()).isNull();
        assertThat(estimate.probability()).isNull();
        Document stored = database.getCollection("risk_registers").find().first();
        assertThat(stored.toJson()).doesNotContain("\"values\"").doesNotContain("\"median\"");
        for (RiskLiveMessage message : messages().subList(1, messages().size())) {
            String json = JSON.writeValueAsString(message.risk().estimate());
            assertThat(json).contains("\"values\":null", "\"probability\":null", "\"impact\":null", "\"value\":null");
        }
        assertThat(messages()).extracting(RiskLiveMessage::type).containsExactly("risk.registered",
                "risk.estimate-opened", "risk.estimate-given", "risk.estimate-given", "risk.estimate-given");
        assertThat(risk("R1").value()).as("the risk's own assessment is untouched").isEqualTo(10);
    }

    @Test
    void givenRevealThenAdoption_thenSpreadShownAnonymouslyAndTheAdoptedValueBecomesTheAssessment() {
        given(r1(), new RiskEstimateOpenedEvent(PROJECT, R1, "admin", NOW),
                estimated(ANNA, new RiskAssessment(5, 4)), estimated(BO, new RiskAssessment(3, 1)),
                new RiskEstimateRevealedEvent(PROJECT, R1, List.of(
                        new RiskEstimateValue(ANNA, new RiskAssessment(5, 4)),
                        new RiskEstimateValue(BO, new RiskAssessment(3, 1))), "admin", NOW));

        RiskEstimateView revealed = risk("R1").estimate();
        assertThat(revealed.state()).isEqualTo("revealed");
        assertThat(revealed.values()).containsExactly(new RiskEstimatePoint(3, 1, 3), new RiskEstimatePoint(5, 4, 20));
        assertThat(revealed.probability()).isEqualTo(new RiskSpread(3, 5, 4.0, 4.0));
        assertThat(revealed.impact()).isEqualTo(new RiskSpread(1, 4, 2.5, 2.5));
        assertThat(revealed.value()).isEqualTo(new RiskSpread(3, 20, 11.5, 11.5));
        assertThat(messages().get(4).risk().estimate()).isEqualTo(revealed);

        given(new RiskEstimateAdoptedEvent(PROJECT, R1, new RiskAssessment(4, 3), "admin", NOW),
                new RiskReassessedEvent(PROJECT, R1, new RiskAssessment(4, 3), MEDIUM_2_5, null,
                        AssessmentBasis.JOINT_ESTIMATE, "admin", NOW));

        RiskView r1 = risk("R1");
        assertThat(r1.estimate()).isNull();
        assertThat(r1.value()).isEqualTo(12);
        assertThat(r1.history()).extracting(RiskHistoryEntry::kind).containsExactly("registered", "estimate-opened",
                "estimate-revealed", "estimate-adopted", "reassessed");
        assertThat(r1.history().get(4).basis()).isEqualTo("JOINT_ESTIMATE");
    }

    @Test
    void givenProposals_thenPendingAcceptedAsARiskOrDeclined() {
        WorkshopId workshop = new WorkshopId("w1");
        given(new RiskProposedEvent(PROJECT, RiskProposalId.number(1), "Nyckelperson slutar", null, null,
                        new RiskAssessment(3, 3), workshop, ANNA, "Anna", NOW),
                new RiskProposedEvent(PROJECT, RiskProposalId.number(2), "Dubblett", null, null,
                        new RiskAssessment(1, 1), workshop, BO, "Bo", NOW),
                new RiskProposalAcceptedEvent(PROJECT, RiskProposalId.number(1), R1, "admin", NOW),
                new RiskRegisteredEvent(PROJECT, R1, "Nyckelperson slutar", null, null, new RiskAssessment(3, 3), false,
                        null, null, RiskProposalId.number(1), "admin", NOW),
                new RiskProposalDeclinedEvent(PROJECT, RiskProposalId.number(2), "Finns redan", "admin", NOW));

        assertThat(register().proposals()).extracting(RiskProposalView::id, RiskProposalView::state,
                        RiskProposalView::riskId, RiskProposalView::proposedByName)
                .containsExactly(tuple("P1", "accepted", "R1", "Anna"),
                        tuple("P2", "declined", null, "Bo"));
        assertThat(register().proposals().get(1).reason()).isEqualTo("Finns redan");
        assertThat(risk("R1").fromProposal()).isEqualTo("P1");
        assertThat(messages()).extracting(RiskLiveMessage::type).containsExactly("risk.proposed", "risk.proposed",
                "risk.proposal-accepted", "risk.registered", "risk.proposal-declined");
        assertThat(messages().get(2).proposal().state()).isEqualTo("accepted");
    }

    @Test
    void givenActionsEditsAndStates_thenRiskShowsThemAndHistoryKeepsEveryStep() {
        RiskActionId a1 = RiskActionId.number(1);
        given(r1(),
                new RiskActionAddedEvent(PROJECT, R1, a1, "Förhandla med VästKom", null, LocalDate.of(2026, 12, 15),
                        RiskActionStatus.PLANNED, "admin", NOW),
                new RiskActionUpdatedEvent(PROJECT, R1, a1, "Förhandla med VästKom", "Fyrbodal",
                        LocalDate.of(2026, 12, 15), RiskActionStatus.DONE, "admin", NOW),
                new RiskEditedEvent(PROJECT, R1, "Ändrat uppdrag från VästKom", null, null, false, "Styrgruppen",
                        "admin", NOW),
                new RiskMitigatedEvent(PROJECT, R1, "Avtal klart", "admin", NOW),
                new RiskClosedEvent(PROJECT, R1, null, "admin", NOW),
                new RiskReopenedEvent(PROJECT, R1, "Nytt besked", "admin", NOW));

        RiskView r1 = risk("R1");
        assertThat(r1.actions()).containsExactly(new RiskActionView("A1", "Förhandla med VästKom", "Fyrbodal",
                LocalDate.of(2026, 12, 15), "DONE"));
        assertThat(r1.threat()).isEqualTo("Ändrat uppdrag från VästKom");
        assertThat(r1.vulnerability()).isNull();
        assertThat(r1.owner()).isEqualTo("Styrgruppen");
        assertThat(r1.state()).isEqualTo("OPEN");
        assertThat(r1.history()).extracting(RiskHistoryEntry::kind).containsExactly("registered", "action-added",
                "action-updated", "edited", "mitigated", "closed", "reopened");
        assertThat(r1.history().get(6).reason()).isEqualTo("Nytt besked");
    }

    @Test
    void givenEveryKindOfEvent_thenExactlyOnePushPerEventWithVersionsRisingByOne() {
        given(r1(), r2(),
                new RiskEditedEvent(PROJECT, R2, "Deltagare prioriterar inte", null, null, true, null, "admin", NOW),
                new RiskReassessedEvent(PROJECT, R1, HIGH_4_4, MEDIUM_2_5, "Skäl", AssessmentBasis.FACILITATOR,
                        "admin", NOW),
                new RiskEscalatedEvent(PROJECT, R1, RiskLevel.MEDIUM, RiskLevel.HIGH, RiskDecider.COMMISSIONING_PARTY,
                        HIGH_4_4, NOW),
                new RiskActionAddedEvent(PROJECT, R1, RiskActionId.number(1), "Åtgärd", null, null,
                        RiskActionStatus.PLANNED, "admin", NOW),
                new RiskEstimateOpenedEvent(PROJECT, R2, "admin", NOW),
                new RiskEstimateGivenEvent(PROJECT, R2, ANNA, HIGH_4_4, NOW),
                new RiskEstimateDiscardedEvent(PROJECT, R2, "admin", NOW),
                new RiskMitigatedEvent(PROJECT, R2, null, "admin", NOW));

        assertThat(messages()).extracting(RiskLiveMessage::version)
                .containsExactlyElementsOf(LongStream.range(0, 10).boxed().toList());
        assertThat(register().version()).isEqualTo(9);
    }

    @Test
    void givenEventHandledTwice_thenAppliedOnceAndPushedOnce() {
        RiskReassessedEvent reassessed = new RiskReassessedEvent(PROJECT, R1, HIGH_4_4, MEDIUM_2_5, "Skäl",
                AssessmentBasis.FACILITATOR, "admin", NOW);
        given(r1(), reassessed);
        int pushes = pushed.size();

        projection.on(reassessed, 1);
        projection.on(r1(), 0);

        assertThat(risk("R1").history()).hasSize(2);
        assertThat(register().risks()).hasSize(1);
        assertThat(pushed).hasSize(pushes);
    }

    @Test
    void givenReset_thenRegistersAreGoneForTheReplay() {
        given(r1());

        projection.reset();

        assertThat(views.find("p1")).isEmpty();
    }
}
