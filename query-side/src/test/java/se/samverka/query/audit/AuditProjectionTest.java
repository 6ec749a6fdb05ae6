package se.samverka.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import se.samverka.kernel.capability.CapabilityCategory;
import se.samverka.kernel.capability.CapabilityModel;
import se.samverka.kernel.capability.CapabilityNode;
import se.samverka.kernel.capability.LocalizedText;
import se.samverka.kernel.project.ProjectCreatedEvent;
import se.samverka.kernel.project.ProjectId;
import se.samverka.kernel.workshop.CapabilityRatedEvent;
import se.samverka.kernel.workshop.ParticipantId;
import se.samverka.kernel.workshop.ParticipantJoinedEvent;
import se.samverka.kernel.workshop.WorkshopCreatedEvent;
import se.samverka.kernel.workshop.WorkshopId;
import se.samverka.query.live.LivePublisher;
import se.samverka.query.mongo.CountedFinds;
import se.samverka.kernel.processing.TrackingBatch;

/**
 * Given events, then the audit lines each kind of reader sees, and the pushes: against the
 * MongoDB wire-protocol server through the real driver, with a real messaging template.
 */
class AuditProjectionTest {
    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
    private static final ProjectId PROJECT = new ProjectId("p1");
    private static final WorkshopId WORKSHOP = new WorkshopId("w1");
    private static final ParticipantId ANNA = new ParticipantId("anna");
    private static final ParticipantId BO = new ParticipantId("bo");
    private static final CapabilityModel MODEL = new CapabilityModel("t", new LocalizedText("Modell", "Model"),
            List.of(), List.of(new CapabilityCategory("core", new LocalizedText("Kärn", "Core"), List.of(
                    new CapabilityNode("set-goals", new LocalizedText("Sätta mål", "Set goals"), null)))));

    /** An event of an aggregate Samverka does not have yet: it must join the trail as it is. */
    record RiskReassessedEvent(String riskId, ProjectId projectId, int probability, Integer previousProbability) {
    }

    private MongoServer server;
    private MongoClient client;
    private AuditViews views;
    private AuditReader reader;
    private AuditProjection projection;
    private final List<Message<?>> pushed = new CopyOnWriteArrayList<>();
    private final Map<String, Long> sequences = new HashMap<>();
    private final List<DomainEventMessage<?>> handled = new ArrayList<>();
    private int minute;

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        views = new AuditViews(client.getDatabase("audit-test"));
        reader = new AuditReader(views);
        SimpMessagingTemplate template = new SimpMessagingTemplate((message, timeout) -> pushed.add(message));
        projection = new AuditProjection(views, reader, new LivePublisher(template));
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    private void given(String type, String aggregate, String actor, Object payload) {
        long sequence = sequences.merge(aggregate, 0L, (old, zero) -> old + 1);
        DomainEventMessage<?> message = new GenericDomainEventMessage<>(type, aggregate, sequence, payload,
                MetaData.with("actor", actor).and("requestId", "req-" + handled.size())
                        .and("correlationId", "corr-" + handled.size()),
                "event-" + handled.size(), T0.plusSeconds(60L * minute++));
        handled.add(message);
        projection.on(payload, message);
    }

    private void aWorkshop() {
        given("Project", "p1", "facilitator:admin", new ProjectCreatedEvent(PROJECT, "Förstudie", MODEL, "admin", T0));
        given("Workshop", "w1", "facilitator:admin",
                new WorkshopCreatedEvent(WORKSHOP, PROJECT, "Förmågor", "ABC234", "admin", MODEL, T0));
        given("Workshop", "w1", "participant:anna",
                new ParticipantJoinedEvent(WORKSHOP, ANNA, "Anna", "Uddevalla", T0));
        given("Workshop", "w1", "participant:bo", new ParticipantJoinedEvent(WORKSHOP, BO, "Bo", "Tanum", T0));
        given("Workshop", "w1", "participant:anna", new CapabilityRatedEvent(WORKSHOP, ANNA, "set-goals", 2, null, T0));
        given("Workshop", "w1", "participant:anna", new CapabilityRatedEvent(WORKSHOP, ANNA, "set-goals", 4, 2, T0));
        given("Workshop", "w1", "participant:bo", new CapabilityRatedEvent(WORKSHOP, BO, "set-goals", 3, null, T0));
    }

    private List<AuditLine> read(AuditViewer viewer, String workshop, List<String> kinds, String actor) {
        return reader.page(new AuditReader.Query("p1", workshop, kinds, actor, null, null, null), viewer, 100)
                .entries();
    }

    private static AuditViewer participant(ParticipantId who) {
        return new AuditViewer(false, "participant:" + who.value());
    }

    @Test
    void givenAWorkshop_thenOneLinePerEventNewestFirstWithWhenWhoWhatAndOldToNew() {
        aWorkshop();

        List<AuditLine> lines = read(AuditViewer.FACILITATOR, null, List.of(), null);

        assertThat(lines).extracting(AuditLine::sequence).containsExactly(7L, 6L, 5L, 4L, 3L, 2L, 1L);
        assertThat(lines).extracting(AuditLine::kind).containsExactly("rating", "rating", "rating",
                "participation", "participation", "workshop", "project");
        AuditLine replaced = lines.get(1);
        assertThat(replaced.occurredAt()).isEqualTo(T0.plusSeconds(300));
        assertThat(replaced.actor()).isEqualTo(new AuditLine.Actor("participant", "anna", "Anna", "Uddevalla", false));
        assertThat(replaced.summary()).isEqualTo(new LocalizedText("Ändrade bedömningen av ”Sätta mål” från 2 till 4",
                "Changed the rating of “Set goals” from 2 to 4"));
        assertThat(lines.get(2).summary()).isEqualTo(new LocalizedText("Bedömde ”Sätta mål”: 2",
                "Rated “Set goals”: 2"));
        assertThat(replaced.changes()).containsExactly(
                new AuditChange("score", new LocalizedText("Betyg", "Score"), "2", "4"));
        assertThat(replaced.requestId()).isEqualTo("req-5");
        assertThat(replaced.correlationId()).isEqualTo("corr-5");
        assertThat(replaced.source()).isEqualTo(new AuditLine.Source("Workshop", "w1", 4, "CapabilityRatedEvent"));
        assertThat(replaced.workshopSequence()).isEqualTo(5);
        assertThat(lines.get(6).actor()).isEqualTo(new AuditLine.Actor("facilitator", "admin", "admin", null, false));
        assertThat(lines.get(6).workshopId()).isNull();
    }

    @Test
    void givenAParticipantReading_thenWhoJoinedIsNamedButWhoRatedIsNotExceptThemselves() {
        aWorkshop();

        List<AuditLine> seenByBo = read(participant(BO), "w1", List.of(), null);

        assertThat(seenByBo).hasSize(6);
        assertThat(seenByBo.get(0).actor()).isEqualTo(new AuditLine.Actor("participant", "bo", "Bo", "Tanum", false));
        assertThat(seenByBo.get(1).actor()).isEqualTo(new AuditLine.Actor("participant", null, null, null, true));
        assertThat(seenByBo.get(2).actor().anonymous()).isTrue();
        assertThat(seenByBo.get(4).actor().name()).isEqualTo("Anna");
    }

    @Test
    void givenFilters_thenByKindByPersonAndByTime() {
        aWorkshop();

        assertThat(read(AuditViewer.FACILITATOR, null, List.of("rating"), null)).hasSize(3);
        assertThat(read(AuditViewer.FACILITATOR, null, List.of("project", "workshop"), null)).hasSize(2);
        assertThat(read(AuditViewer.FACILITATOR, null, List.of(), "participant:anna"))
                .extracting(AuditLine::sequence).containsExactly(6L, 5L, 3L);
        assertThat(read(participant(BO), "w1", List.of(), "participant:anna"))
                .as("a person filter does not single out their hidden lines").extracting(AuditLine::sequence)
                .containsExactly(3L);
        assertThat(read(participant(ANNA), "w1", List.of(), "participant:anna")).hasSize(3);
        List<AuditLine> window = reader.page(new AuditReader.Query("p1", null, List.of(), null,
                T0.plusSeconds(120), T0.plusSeconds(240), null), AuditViewer.FACILITATOR, 100).entries();
        assertThat(window).extracting(AuditLine::sequence).containsExactly(4L, 3L);
    }

    @Test
    void givenALongHistory_thenPagesFollowOneAnother() {
        aWorkshop();

        AuditReader.Page first = reader.page(new AuditReader.Query("p1", null, List.of(), null, null, null, null),
                AuditViewer.FACILITATOR, 3);
        AuditReader.Page second = reader.page(new AuditReader.Query("p1", null, List.of(), null, null, null,
                first.nextBefore()), AuditViewer.FACILITATOR, 3);
        AuditReader.Page last = reader.page(new AuditReader.Query("p1", null, List.of(), null, null, null,
                second.nextBefore()), AuditViewer.FACILITATOR, 3);

        assertThat(first.entries()).extracting(AuditLine::sequence).containsExactly(7L, 6L, 5L);
        assertThat(second.entries()).extracting(AuditLine::sequence).containsExactly(4L, 3L, 2L);
        assertThat(last.entries()).extracting(AuditLine::sequence).containsExactly(1L);
        assertThat(last.nextBefore()).isNull();
    }

    @Test
    void givenLines_thenEachStreamIsPushedWithVersionsRisingByOneAndPeersSeeNoRaters() {
        aWorkshop();

        List<AuditPushed> project = pushesTo("/topic/projects.p1.audit");
        List<AuditPushed> workshop = pushesTo("/topic/workshops.w1.audit");

        assertThat(project).extracting(AuditPushed::version).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(workshop).extracting(AuditPushed::version).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(project.get(6).entry().actor().name()).isEqualTo("Bo");
        assertThat(workshop.get(5).entry().actor().anonymous()).isTrue();
        assertThat(workshop.get(5).entry().actor().id()).isNull();
        assertThat(workshop.get(1).entry().actor().name()).isEqualTo("Anna");
    }

    @Test
    void givenEventHandledTwice_thenOneLineAndOnePush() {
        aWorkshop();
        int pushes = pushed.size();

        DomainEventMessage<?> again = handled.get(5);
        projection.on(again.getPayload(), again);

        assertThat(read(AuditViewer.FACILITATOR, null, List.of(), null)).hasSize(7);
        assertThat(pushed).hasSize(pushes);
    }

    /**
     * A crash after a line is written but before its stream counters move: the event comes again,
     * finds its line, and moves the counters then, so the next line takes the next number.
     */
    @Test
    void givenACrashBetweenLineAndCounter_whenTheEventComesAgain_thenNoNumberIsGivenTwice() {
        aWorkshop();
        var counters = client.getDatabase("audit-test").getCollection("audit_counters");
        counters.updateOne(com.mongodb.client.model.Filters.eq("_id", "project:p1"),
                com.mongodb.client.model.Updates.set("last", 6L));
        counters.updateOne(com.mongodb.client.model.Filters.eq("_id", "workshop:w1"),
                com.mongodb.client.model.Updates.set("last", 5L));

        DomainEventMessage<?> again = handled.get(6);
        projection.on(again.getPayload(), again);
        given("Workshop", "w1", "participant:bo", new CapabilityRatedEvent(WORKSHOP, BO, "set-goals", 5, 3, T0));

        assertThat(read(AuditViewer.FACILITATOR, null, List.of(), null)).extracting(AuditLine::sequence)
                .containsExactly(8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L);
        assertThat(pushesTo("/topic/workshops.w1.audit")).extracting(AuditPushed::version)
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
    }

    /** A trail stored before the counters existed goes on from its last line. */
    @Test
    void givenATrailWithoutCounters_thenNumberingGoesOnFromItsLastLine() {
        aWorkshop();
        client.getDatabase("audit-test").getCollection("audit_counters").drop();

        given("Workshop", "w1", "participant:bo", new CapabilityRatedEvent(WORKSHOP, BO, "set-goals", 5, 3, T0));

        assertThat(read(AuditViewer.FACILITATOR, null, List.of(), null).get(0).sequence()).isEqualTo(8L);
        assertThat(pushesTo("/topic/workshops.w1.audit")).extracting(AuditPushed::version)
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
    }

    @Test
    void givenAnEventOfAnAggregateNotKnownHere_thenItJoinsItsProjectsTrailWithOldToNew() {
        aWorkshop();

        given("Risk", "r1", "facilitator:admin", new RiskReassessedEvent("r1", PROJECT, 4, 2));

        AuditLine line = read(AuditViewer.FACILITATOR, null, List.of(), null).get(0);
        assertThat(line.sequence()).isEqualTo(8);
        assertThat(line.kind()).isEqualTo("audit");
        assertThat(line.type()).isEqualTo("RiskReassessedEvent");
        assertThat(line.summary().en()).isEqualTo("Risk reassessed");
        assertThat(line.changes()).containsExactly(
                new AuditChange("probability", new LocalizedText("probability", "probability"), "2", "4"));
        assertThat(line.workshopId()).isNull();
    }

    @Test
    void givenReset_thenTheTrailIsGoneForTheReplay() {
        aWorkshop();

        projection.reset();

        assertThat(read(AuditViewer.FACILITATOR, null, List.of(), null)).isEmpty();
        assertThat(views.lastSequence("p1")).isZero();
        assertThat(views.lastNumbered("p1")).isZero();
    }

    @Test
    void givenTheSameEventsInTrackingBatches_thenTheSameTrailAndPushes_andABatchHandledAgainAddsNothing() {
        aWorkshop();
        given("Workshop", "w1", "participant:bo", new CapabilityRatedEvent(WORKSHOP, BO, "set-goals", 1, 3, T0));
        AuditViews batchedViews = new AuditViews(client.getDatabase("audit-batched"));
        AuditReader batchedReader = new AuditReader(batchedViews);
        List<Message<?>> batchedPushes = new CopyOnWriteArrayList<>();
        List<Long> storedAtPush = new CopyOnWriteArrayList<>();
        AuditProjection batched = new AuditProjection(batchedViews, batchedReader, new LivePublisher(
                new SimpMessagingTemplate((message, timeout) -> {
                    batchedPushes.add(message);
                    return storedAtPush.add(batchedViews.lastSequence("p1"));
                })));

        for (int from = 0; from < handled.size(); from += 3) {
            handleBatch(batched, batchedViews, handled.subList(from, Math.min(handled.size(), from + 3)));
        }

        AuditReader.Query all = new AuditReader.Query("p1", null, List.of(), null, null, null, null);
        assertThat(batchedReader.page(all, AuditViewer.FACILITATOR, 100).entries())
                .isEqualTo(reader.page(all, AuditViewer.FACILITATOR, 100).entries());
        assertThat(batchedPushes.stream().map(Message::getPayload).toList())
                .isEqualTo(pushed.stream().map(Message::getPayload).toList());
        for (int i = 0; i < batchedPushes.size(); i++) {
            if ("/topic/projects.p1.audit".equals(batchedPushes.get(i).getHeaders().get("simpDestination"))) {
                long line = ((AuditPushed) batchedPushes.get(i).getPayload()).version();
                assertThat(storedAtPush.get(i)).as("line %d pushed only once stored", line).isGreaterThanOrEqualTo(line);
            }
        }

        // A crash between the lines and the token: the last batch is handled again.
        handleBatch(batched, batchedViews, handled.subList(6, handled.size()));

        assertThat(batchedReader.page(all, AuditViewer.FACILITATOR, 100).entries()).hasSize(handled.size());
        assertThat(batchedViews.lastNumbered("p1")).isEqualTo(handled.size());
        assertThat(batchedPushes).hasSize(pushed.size());
    }

    @Test
    void givenABatchOfVotes_thenThePeopleItNamesAreReadInOneQuery_andEachLineNamesItsVoter() {
        aWorkshop();
        try (CountedFinds peopleReads = new CountedFinds(server, "audit_people", command -> true)) {
            MongoClient counting = peopleReads.client();
            AuditViews countedViews = new AuditViews(counting.getDatabase("audit-counted"));
            List<Message<?>> countedPushes = new CopyOnWriteArrayList<>();
            AuditProjection counted = new AuditProjection(countedViews, new AuditReader(countedViews),
                    new LivePublisher(new SimpMessagingTemplate((message, timeout) -> countedPushes.add(message))));
            handleBatch(counted, countedViews, handled.subList(0, 4));
            given("Workshop", "w1", "participant:bo", new CapabilityRatedEvent(WORKSHOP, BO, "set-goals", 1, 3, T0));
            peopleReads.clear();
            countedPushes.clear();

            handleBatch(counted, countedViews, handled.subList(4, handled.size()));

            assertThat(peopleReads.finds()).as("reads of audit_people in a batch of four votes by two people").hasSize(1);
            assertThat(countedPushes.stream()
                    .filter(m -> "/topic/projects.p1.audit".equals(m.getHeaders().get("simpDestination")))
                    .map(m -> ((AuditPushed) m.getPayload()).entry().actor().name()))
                    .containsExactly("Anna", "Anna", "Bo", "Bo");
        }
    }

    /** Hands the events to the projection as one tracking batch, through the audit trail's batching. */
    private static void handleBatch(AuditProjection projection, AuditViews views, List<DomainEventMessage<?>> events) {
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(new ArrayList<>(events));
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> new DefaultInterceptorChain<EventMessage<?>>(
                unitOfWork, List.of(TrackingBatch.interceptor(AuditViews.BATCH, AuditBatching.batched(views))),
                message -> {
                    DomainEventMessage<?> event = (DomainEventMessage<?>) message;
                    projection.on(event.getPayload(), event);
                    return null;
                }).proceed());
        assertThat(result.isExceptional()).as("batch failed: %s", result).isFalse();
    }

    private List<AuditPushed> pushesTo(String destination) {
        return pushed.stream().filter(m -> destination.equals(m.getHeaders().get("simpDestination")))
                .map(m -> (AuditPushed) m.getPayload()).toList();
    }
}
