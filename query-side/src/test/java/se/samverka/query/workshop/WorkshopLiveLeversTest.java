package se.samverka.query.workshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import se.samverka.kernel.capability.CapabilityCategory;
import se.samverka.kernel.capability.CapabilityModel;
import se.samverka.kernel.capability.CapabilityNode;
import se.samverka.kernel.capability.LocalizedText;
import se.samverka.kernel.project.ProjectId;
import se.samverka.kernel.workshop.CapabilityRatedEvent;
import se.samverka.kernel.workshop.ParticipantErasedEvent;
import se.samverka.kernel.workshop.ParticipantId;
import se.samverka.kernel.workshop.ParticipantErasedEvent;
import se.samverka.kernel.workshop.ParticipantJoinedEvent;
import se.samverka.kernel.workshop.ParticipantRemovedEvent;
import se.samverka.kernel.workshop.ResponsibilityMode;
import se.samverka.kernel.workshop.ResponsibilityModeVotedEvent;
import se.samverka.kernel.workshop.RoundClosedEvent;
import se.samverka.kernel.workshop.RoundId;
import se.samverka.kernel.workshop.RoundOpenedEvent;
import se.samverka.kernel.workshop.RoundRevealedEvent;
import se.samverka.kernel.workshop.RoundScope;
import se.samverka.kernel.workshop.RoundSettings;
import se.samverka.kernel.workshop.WorkshopCreatedEvent;
import se.samverka.kernel.workshop.WorkshopEvent;
import se.samverka.kernel.workshop.WorkshopId;
import se.samverka.query.live.LiveFanOut;
import se.samverka.query.live.LiveMessages;
import se.samverka.query.live.LivePublisher;
import se.samverka.query.mongo.CountedFinds;
import se.samverka.query.processing.ProjectionLag;

/**
 * The levers for many participants, for correctness rather than speed: conflated pushes still
 * bring every client to the read model's state and never carry a sealed value; a projection
 * batched per tracking batch ends exactly where the unbatched one does, and pushes only what it
 * has written. Against the MongoDB wire-protocol server through the real driver.
 */
class WorkshopLiveLeversTest {
    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    private static final WorkshopId WORKSHOP = new WorkshopId("w1");
    private static final RoundId ROUND = new RoundId("r1");
    private static final CapabilityModel MODEL = new CapabilityModel("t", new LocalizedText("Modell", "Model"),
            List.of(), List.of(new CapabilityCategory("core", new LocalizedText("Kärn", "Core"), List.of(
                    new CapabilityNode("set-goals", new LocalizedText("Sätta mål", "Set goals"), List.of(
                            new CapabilityNode("formulate", new LocalizedText("Formulera", "Formulate"), null)))))));
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    /** Long enough that the events of a test fall into few intervals even on a loaded machine. */
    private static final long INTERVAL_MILLIS = 500;

    private MongoServer server;
    private MongoClient client;

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    private static WorkshopCreatedEvent created() {
        return new WorkshopCreatedEvent(WORKSHOP, new ProjectId("p1"), "Förmågor", "ABC234", "admin", MODEL, NOW);
    }

    private static ParticipantId participant(int n) {
        return new ParticipantId("p" + n);
    }

    private static ParticipantJoinedEvent joined(int n) {
        return new ParticipantJoinedEvent(WORKSHOP, participant(n), "Deltagare " + n, "Kommun " + (n % 3), NOW);
    }

    private static RoundOpenedEvent sealedRound() {
        return new RoundOpenedEvent(WORKSHOP, ROUND, 1, RoundScope.all(), List.of("set-goals", "formulate"),
                new RoundSettings(RoundSettings.RatingMode.OVERALL, false, true, null), NOW, null);
    }

    /** The version of a pushed message, whatever its type. */
    private static long versionOf(Object payload) {
        return JSON.valueToTree(payload).get("version").asLong();
    }

    /** A client's state as the web client keeps it: the snapshot, then each push applied in order. */
    private static final class ClientState {
        long version;
        int participantCount;
        final Map<String, RatingView> ratings = new HashMap<>();
        final Map<String, RoundView> rounds = new HashMap<>();

        ClientState(WorkshopView snapshot) {
            version = snapshot.version();
            participantCount = snapshot.participantCount();
            snapshot.capabilities().forEach(c -> ratings.put(c.id(), c.rating()));
        }

        void apply(Object payload) {
            if (payload instanceof LiveMessages.WorkshopChanges changes) {
                assertThat(changes.since()).as("no gap before a conflated push").isLessThanOrEqualTo(version);
                assertThat(changes.version()).isGreaterThan(version);
                participantCount = changes.participantCount();
                changes.capabilities().forEach(c -> ratings.put(c.id(), c.rating()));
                changes.rounds().forEach(r -> rounds.put(r.id(), r));
                version = changes.version();
                return;
            }
            assertThat(versionOf(payload)).as("a delta is the next version").isEqualTo(version + 1);
            version++;
            if (payload instanceof LiveMessages.ParticipantJoined joined) {
                participantCount = joined.participantCount();
            } else if (payload instanceof LiveMessages.CapabilityRated rated) {
                ratings.put(rated.capabilityId(), rated.rating());
            } else if (payload instanceof LiveMessages.RoundOpened opened) {
                rounds.put(opened.round().id(), opened.round());
            }
        }
    }

    @Test
    void givenManyVotesQuickly_whenConflated_thenFewerPushesThanVotesAndTheLastStateHasEveryVote() {
        WorkshopViews views = new WorkshopViews(client.getDatabase("conflation"));
        List<Object> pushed = new CopyOnWriteArrayList<>();
        LivePublisher live = new LivePublisher(new LiveFanOut(new SimpMessagingTemplate((m, t) -> pushed.add(m.getPayload()))),
                INTERVAL_MILLIS);
        WorkshopProjection projection = new WorkshopProjection(views, live);
        try {
            ProjectionDriver.apply(projection, created(), 0);
            ClientState client = new ClientState(views.find("w1").orElseThrow());
            long version = 0;
            for (int n = 0; n < 40; n++) {
                ProjectionDriver.apply(projection, joined(n), ++version);
            }
            for (int n = 0; n < 40; n++) {
                ProjectionDriver.apply(projection, new CapabilityRatedEvent(WORKSHOP, participant(n),
                        n % 2 == 0 ? "set-goals" : "formulate", 1 + n % 5, null, NOW), ++version);
            }
            long last = version;
            await().atMost(Duration.ofSeconds(10)).until(() -> !pushed.isEmpty()
                    && versionOf(pushed.get(pushed.size() - 1)) == last);

            assertThat(pushed).as("pushes for 80 changes").hasSizeLessThan(80);
            assertThat(pushed).hasAtLeastOneElementOfType(LiveMessages.WorkshopChanges.class);
            pushed.forEach(client::apply);
            WorkshopView server = views.find("w1").orElseThrow();
            assertThat(client.version).isEqualTo(last).isEqualTo(server.version());
            assertThat(client.participantCount).isEqualTo(40);
            assertThat(client.ratings.get("set-goals").count() + client.ratings.get("formulate").count())
                    .as("every vote in the last state pushed").isEqualTo(40);
            server.capabilities().forEach(c -> assertThat(client.ratings.get(c.id())).isEqualTo(c.rating()));
            // The web client takes a conflated capability's rating and modes, nothing else.
            pushed.stream().filter(LiveMessages.WorkshopChanges.class::isInstance)
                    .forEach(p -> JSON.valueToTree(p).get("capabilities").forEach(c ->
                            assertThat(c.fieldNames()).toIterable().containsExactly("id", "rating", "modes")));
        } finally {
            live.destroy();
        }
    }

    @Test
    void givenSealedRound_whenManyRateQuickly_thenNoConflatedPushCarriesAValueUntilTheReveal() {
        WorkshopViews views = new WorkshopViews(client.getDatabase("sealed"));
        List<Object> pushed = new CopyOnWriteArrayList<>();
        LivePublisher live = new LivePublisher(new LiveFanOut(new SimpMessagingTemplate((m, t) -> pushed.add(m.getPayload()))),
                INTERVAL_MILLIS);
        WorkshopProjection projection = new WorkshopProjection(views, live);
        try {
            ProjectionDriver.apply(projection, created(), 0);
            ClientState client = new ClientState(views.find("w1").orElseThrow());
            long version = 0;
            for (int n = 0; n < 10; n++) {
                ProjectionDriver.apply(projection, joined(n), ++version);
            }
            ProjectionDriver.apply(projection, sealedRound(), ++version);
            for (int n = 0; n < 30; n++) {
                ProjectionDriver.apply(projection, new CapabilityRatedEvent(WORKSHOP, participant(n % 10),
                        n % 2 == 0 ? "set-goals" : "formulate", 1 + n % 5, null, NOW, ROUND, null), ++version);
            }
            long beforeClose = version;
            await().atMost(Duration.ofSeconds(10)).until(() -> !pushed.isEmpty()
                    && versionOf(pushed.get(pushed.size() - 1)) == beforeClose);
            ProjectionDriver.apply(projection, new RoundClosedEvent(WORKSHOP, ROUND, NOW), ++version);
            ProjectionDriver.apply(projection, new RoundRevealedEvent(WORKSHOP, ROUND, NOW), ++version);
            long last = version;
            await().atMost(Duration.ofSeconds(10)).until(() -> versionOf(pushed.get(pushed.size() - 1)) == last);

            List<Object> beforeReveal = pushed.subList(0, pushed.size() - 1);
            assertThat(beforeReveal).hasAtLeastOneElementOfType(LiveMessages.WorkshopChanges.class);
            assertThat(beforeReveal).noneMatch(p -> p instanceof LiveMessages.RoundRated);
            assertThat(beforeReveal).allSatisfy(payload -> {
                if (payload instanceof LiveMessages.WorkshopChanges changes) {
                    assertThat(changes.capabilities()).as("free rating untouched").isEmpty();
                    assertThat(changes.rounds()).allSatisfy(r -> assertThat(r.results()).isNull());
                }
                assertThat(JSON.writeValueAsString(payload)).doesNotContain("\"results\":[")
                        .doesNotContain("\"distribution\":[");
            });
            pushed.forEach(client::apply);
            assertThat(client.version).isEqualTo(last);
            assertThat(pushed.get(pushed.size() - 1)).isInstanceOf(LiveMessages.RoundRevealed.class);
        } finally {
            live.destroy();
        }
    }

    /** Joins, free ratings with replacements, a sealed round to its reveal, mode votes. */
    private static List<WorkshopEvent> meeting() {
        List<WorkshopEvent> events = new ArrayList<>();
        events.add(created());
        for (int n = 0; n < 12; n++) {
            events.add(joined(n));
        }
        for (int n = 0; n < 12; n++) {
            events.add(new CapabilityRatedEvent(WORKSHOP, participant(n), "set-goals", 1 + n % 5, null, NOW));
        }
        for (int n = 0; n < 4; n++) {
            events.add(new CapabilityRatedEvent(WORKSHOP, participant(n), "set-goals", 5, 1 + n % 5, NOW));
        }
        for (int n = 0; n < 6; n++) {
            events.add(new ResponsibilityModeVotedEvent(WORKSHOP, participant(n), "formulate",
                    n % 2 == 0 ? ResponsibilityMode.OWN : ResponsibilityMode.COLLABORATION, null, NOW));
        }
        events.add(sealedRound());
        for (int n = 0; n < 12; n++) {
            events.add(new CapabilityRatedEvent(WORKSHOP, participant(n), "formulate", 1 + n % 5, null, NOW, ROUND,
                    null));
        }
        events.add(new RoundClosedEvent(WORKSHOP, ROUND, NOW));
        events.add(new RoundRevealedEvent(WORKSHOP, ROUND, NOW));
        return events;
    }

    private static void handleBatch(WorkshopProjection projection, WorkshopViews views, List<WorkshopEvent> events,
                                    long firstVersion) {
        handleBatch(projection, views, events, firstVersion, null);
    }

    /**
     * As a tracking processor hands a batch over; with {@code resetAt}, as in a rebuild: each
     * event carries a replay token reset at that global position (here the event's version).
     */
    private static void handleBatch(WorkshopProjection projection, WorkshopViews views, List<WorkshopEvent> events,
                                    long firstVersion, Long resetAt) {
        List<EventMessage<?>> messages = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            long version = firstVersion + i;
            GenericDomainEventMessage<WorkshopEvent> message =
                    new GenericDomainEventMessage<>("Workshop", "w1", version, events.get(i));
            messages.add(resetAt == null ? message : new GenericTrackedDomainEventMessage<>(
                    ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(resetAt),
                            new GlobalSequenceTrackingToken(version)), message));
        }
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(messages);
        MessageHandlerInterceptor<EventMessage<?>> interceptor = WorkshopBatching.interceptor(views, new ProjectionLag());
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> new DefaultInterceptorChain<EventMessage<?>>(
                unitOfWork, List.of(interceptor), message -> {
                    DomainEventMessage<?> event = (DomainEventMessage<?>) message;
                    ProjectionDriver.apply(projection, (WorkshopEvent) event.getPayload(), event.getSequenceNumber());
                    return null;
                }).proceed());
        assertThat(result.isExceptional()).as("batch failed: %s", result).isFalse();
    }

    @Test
    void givenTheSameEvents_whenProjectedInTrackingBatches_thenReadModelAndPushesAreAsUnbatched() {
        WorkshopViews plainViews = new WorkshopViews(client.getDatabase("unbatched"));
        List<Object> plainPushes = new CopyOnWriteArrayList<>();
        WorkshopProjection plain = new WorkshopProjection(plainViews,
                new LivePublisher(new SimpMessagingTemplate((m, t) -> plainPushes.add(m.getPayload()))));
        WorkshopViews batchedViews = new WorkshopViews(client.getDatabase("batched"));
        List<Object> batchedPushes = new CopyOnWriteArrayList<>();
        List<Long> storedAtPush = new CopyOnWriteArrayList<>();
        WorkshopProjection batched = new WorkshopProjection(batchedViews,
                new LivePublisher(new SimpMessagingTemplate((m, t) -> {
                    batchedPushes.add(m.getPayload());
                    return storedAtPush.add(batchedViews.find("w1").orElseThrow().version());
                })));
        List<WorkshopEvent> events = meeting();

        for (int i = 0; i < events.size(); i++) {
            ProjectionDriver.apply(plain, events.get(i), i);
        }
        for (int from = 0; from < events.size(); from += 7) {
            handleBatch(batched, batchedViews, events.subList(from, Math.min(events.size(), from + 7)), from);
        }

        assertThat(batchedViews.find("w1")).isEqualTo(plainViews.find("w1"));
        assertThat(batchedViews.ratingsInWorkshop("w1")).containsExactlyInAnyOrderElementsOf(
                plainViews.ratingsInWorkshop("w1"));
        assertThat(batchedViews.participantsOf("w1")).isEqualTo(plainViews.participantsOf("w1"));
        assertThat(batchedPushes).isEqualTo(plainPushes);
        boolean writtenOncePerBatch = false;
        for (int i = 0; i < batchedPushes.size(); i++) {
            assertThat(storedAtPush.get(i)).as("pushed only once written")
                    .isGreaterThanOrEqualTo(versionOf(batchedPushes.get(i)));
            // The document already held the batch's last version when its first change was pushed.
            writtenOncePerBatch |= storedAtPush.get(i) > versionOf(batchedPushes.get(i));
        }
        assertThat(writtenOncePerBatch).as("the batch was written at its end").isTrue();
    }

    /**
     * Ratings wait for the batch's end and the participants they name are read at its start: a
     * batch that holds joins, ratings, a rating replaced, an erasure, a removal and a round's
     * reveal (which reads the ratings) ends exactly as one event at a time does.
     */
    @Test
    void givenJoinsRatingsErasureAndRevealInOneBatch_thenRatingsAndResultsAreAsUnbatched() {
        List<WorkshopEvent> events = new ArrayList<>(meeting());
        int close = events.size() - 2;
        events.add(close, new ParticipantErasedEvent(WORKSHOP, participant(1), "admin", NOW));
        events.add(close, new CapabilityRatedEvent(WORKSHOP, participant(1), "formulate", 5, 2, NOW, ROUND, null));
        events.add(close, new ParticipantRemovedEvent(WORKSHOP, participant(3), NOW));
        events.add(new CapabilityRatedEvent(WORKSHOP, participant(2), "set-goals", 2, 3, NOW));
        events.add(new ParticipantErasedEvent(WORKSHOP, participant(2), "admin", NOW));
        WorkshopViews plainViews = new WorkshopViews(client.getDatabase("one-by-one"));
        WorkshopProjection plain = new WorkshopProjection(plainViews,
                new LivePublisher(new SimpMessagingTemplate((m, t) -> true)));
        WorkshopViews batchedViews = new WorkshopViews(client.getDatabase("one-batch"));
        WorkshopProjection batched = new WorkshopProjection(batchedViews,
                new LivePublisher(new SimpMessagingTemplate((m, t) -> true)));

        for (int i = 0; i < events.size(); i++) {
            ProjectionDriver.apply(plain, events.get(i), i);
        }
        handleBatch(batched, batchedViews, events, 0);

        WorkshopView revealed = batchedViews.find("w1").orElseThrow();
        assertThat(revealed).isEqualTo(plainViews.find("w1").orElseThrow());
        assertThat(revealed.round(ROUND.value()).results()).as("the reveal counted the batch's ratings")
                .anySatisfy(result -> assertThat(result.rating().count()).isEqualTo(12));
        assertThat(batchedViews.ratingsInWorkshop("w1")).containsExactlyInAnyOrderElementsOf(
                plainViews.ratingsInWorkshop("w1"));
        assertThat(batchedViews.ratingsInWorkshop("w1")).as("an erased participant's ratings carry no organisation")
                .filteredOn(r -> r.participantId().equals("p1") || r.participantId().equals("p2"))
                .isNotEmpty().allSatisfy(r -> assertThat(r.organisation()).isNull());
        assertThat(batchedViews.ratingsInWorkshop("w1")).filteredOn(r -> r.participantId().equals("p4"))
                .isNotEmpty().allSatisfy(r -> assertThat(r.organisation()).isEqualTo("Kommun 1"));
        assertThat(batchedViews.participantsOf("w1")).isEqualTo(plainViews.participantsOf("w1"));
    }

    @Test
    void givenABatchHandledAgainAfterACrash_thenNothingCountsTwiceAndNothingIsPushedAgain() {
        WorkshopViews views = new WorkshopViews(client.getDatabase("again"));
        List<Object> pushed = new CopyOnWriteArrayList<>();
        WorkshopProjection projection = new WorkshopProjection(views,
                new LivePublisher(new SimpMessagingTemplate((m, t) -> pushed.add(m.getPayload()))));
        List<WorkshopEvent> events = meeting();
        handleBatch(projection, views, events.subList(0, 20), 0);
        handleBatch(projection, views, events.subList(20, events.size()), 20);
        WorkshopView before = views.find("w1").orElseThrow();
        int pushes = pushed.size();

        handleBatch(projection, views, events.subList(10, 30), 10);

        assertThat(views.find("w1").orElseThrow()).isEqualTo(before);
        assertThat(pushed).hasSize(pushes);
    }

    /**
     * A batch of votes after the first reads only the workshop's version (the copy this node wrote
     * is current), never the whole document: it is the largest the projection reads, and a busy
     * workshop is read at the start of every batch.
     */
    @Test
    void givenABatchOfVotesAfterAnEarlierBatch_thenTheWholeWorkshopDocumentIsNotReadAgain() {
        try (CountedFinds wholeReads = new CountedFinds(server, "workshops", find -> !find.containsKey("projection"))) {
            MongoClient counting = wholeReads.client();
            WorkshopViews views = new WorkshopViews(counting.getDatabase("read-once"));
            List<Object> pushed = new CopyOnWriteArrayList<>();
            WorkshopProjection projection = new WorkshopProjection(views,
                    new LivePublisher(new SimpMessagingTemplate((m, t) -> pushed.add(m.getPayload()))));
            List<WorkshopEvent> events = meeting().subList(0, 25);
            handleBatch(projection, views, events.subList(0, 13), 0);
            wholeReads.clear();
            pushed.clear();

            handleBatch(projection, views, events.subList(13, 25), 13);

            assertThat(wholeReads.finds()).as("whole reads of the workshop in a batch of twelve votes").isEmpty();
            assertThat(views.find("w1").orElseThrow().capability("set-goals").rating().count()).isEqualTo(12);
            assertThat(pushed).hasSize(12);
        }
    }

    @Test
    void givenAnotherNodeWroteTheWorkshopMeanwhile_whenTheNextBatchComes_thenItBuildsOnTheStoredDocument() {
        WorkshopViews plainViews = new WorkshopViews(client.getDatabase("one-writer"));
        WorkshopProjection plain = new WorkshopProjection(plainViews,
                new LivePublisher(new SimpMessagingTemplate((m, t) -> true)));
        // Two nodes on one database: the segment moves from A to B and back, so A's kept copy is stale.
        WorkshopViews nodeA = new WorkshopViews(client.getDatabase("two-writers"));
        WorkshopViews nodeB = new WorkshopViews(client.getDatabase("two-writers"));
        LivePublisher quiet = new LivePublisher(new SimpMessagingTemplate((m, t) -> true));
        WorkshopProjection onA = new WorkshopProjection(nodeA, quiet);
        WorkshopProjection onB = new WorkshopProjection(nodeB, quiet);
        List<WorkshopEvent> events = meeting();
        for (int i = 0; i < events.size(); i++) {
            ProjectionDriver.apply(plain, events.get(i), i);
        }

        handleBatch(onA, nodeA, events.subList(0, 15), 0);
        handleBatch(onB, nodeB, events.subList(15, 25), 15);
        handleBatch(onA, nodeA, events.subList(25, events.size()), 25);

        assertThat(nodeA.find("w1")).isEqualTo(plainViews.find("w1"));
    }

    @Test
    void givenLiveReadModels_whenRebuiltInReplayedBatches_thenTheSameDocumentsAndNothingPushedAgain() {
        WorkshopViews liveViews = new WorkshopViews(client.getDatabase("live"));
        WorkshopProjection live = new WorkshopProjection(liveViews,
                new LivePublisher(new SimpMessagingTemplate((m, t) -> true)));
        List<WorkshopEvent> events = meeting();
        // Bo (participant 1) is erased in the middle of a batch in which he and others rate again.
        events.add(new ParticipantErasedEvent(WORKSHOP, participant(1), "admin", NOW));
        events.add(new CapabilityRatedEvent(WORKSHOP, participant(1), "set-goals", 2, 5, NOW));
        events.add(new CapabilityRatedEvent(WORKSHOP, participant(2), "set-goals", 1, 5, NOW));
        for (int from = 0; from < events.size(); from += 9) {
            handleBatch(live, liveViews, events.subList(from, Math.min(events.size(), from + 9)), from);
        }
        WorkshopViews rebuiltViews = new WorkshopViews(client.getDatabase("rebuilt"));
        List<Object> pushed = new CopyOnWriteArrayList<>();
        WorkshopProjection rebuilt = new WorkshopProjection(rebuiltViews,
                new LivePublisher(new SimpMessagingTemplate((m, t) -> pushed.add(m.getPayload()))));
        long resetAt = events.size() - 1L;

        for (int from = 0; from < events.size(); from += 13) {
            handleBatch(rebuilt, rebuiltViews, events.subList(from, Math.min(events.size(), from + 13)), from,
                    resetAt);
        }

        assertThat(rebuiltViews.find("w1")).isEqualTo(liveViews.find("w1"));
        assertThat(rebuiltViews.ratingsInWorkshop("w1")).containsExactlyInAnyOrderElementsOf(
                liveViews.ratingsInWorkshop("w1"));
        assertThat(rebuiltViews.ratingsInWorkshop("w1")).filteredOn(r -> r.participantId().equals("p1"))
                .isNotEmpty().allSatisfy(r -> assertThat(r.organisation()).isNull());
        assertThat(rebuiltViews.participantsOf("w1")).isEqualTo(liveViews.participantsOf("w1"));
        assertThat(pushed).as("a rebuild resends nothing screens have seen").isEmpty();

        // The first event after the reset position is live again: it is pushed.
        handleBatch(rebuilt, rebuiltViews, List.of(new CapabilityRatedEvent(WORKSHOP, participant(3), "set-goals",
                4, 5, NOW)), events.size(), resetAt);
        assertThat(pushed).hasSize(1);
    }
}
