package se.samverka.query.workshop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import se.samverka.kernel.capability.CapabilityCategory;
import se.samverka.kernel.capability.CapabilityModel;
import se.samverka.kernel.capability.CapabilityNode;
import se.samverka.kernel.capability.LocalizedText;
import se.samverka.kernel.processing.ReplayTokenStore;
import se.samverka.kernel.project.ProjectId;
import se.samverka.kernel.workshop.CapabilityRatedEvent;
import se.samverka.kernel.workshop.ParticipantErasedEvent;
import se.samverka.kernel.workshop.ParticipantId;
import se.samverka.kernel.workshop.ParticipantJoinedEvent;
import se.samverka.kernel.workshop.WorkshopCreatedEvent;
import se.samverka.kernel.workshop.WorkshopEvent;
import se.samverka.kernel.workshop.WorkshopId;
import se.samverka.query.live.LivePublisher;
import se.samverka.query.processing.ProjectionLag;

/**
 * A rebuild carries its state across tracking batches under the {@link ReplayTokenStore}: the
 * token never passes writes that are not stored, a failed batch drops what was carried and the
 * events handled again from the stored token end where one-by-one handling ends, and the end of
 * the replay, an idle processor or the write limit store everything. Batches are handed over as
 * a tracking processor hands them (a batching unit of work whose commit stores the token), to the
 * real projection, against the MongoDB wire-protocol server through the real driver, with the
 * Mongo token store.
 */
class ReplayCarryTest {
    private static final String GROUP = WorkshopProjection.GROUP;
    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private static final WorkshopId WORKSHOP = new WorkshopId("w1");
    private static final CapabilityModel MODEL = new CapabilityModel("t", new LocalizedText("Modell", "Model"),
            List.of(), List.of(new CapabilityCategory("core", new LocalizedText("Kärn", "Core"), List.of(
                    new CapabilityNode("set-goals", new LocalizedText("Sätta mål", "Set goals"), List.of(
                            new CapabilityNode("formulate", new LocalizedText("Formulera", "Formulate"), null)))))));
    private static final int WRITE_EVERY = 25;
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    private MongoServer server;
    private MongoClient client;
    private TokenStore stored;
    private ReplayTokenStore tokens;
    private WorkshopViews views;
    private WorkshopProjection projection;
    private final List<Object> pushed = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        MongoDatabase database = client.getDatabase("rebuilt");
        stored = MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(database).build())
                .serializer(JacksonSerializer.defaultSerializer())
                .nodeId("node")
                .build();
        tokens = new ReplayTokenStore(stored, WRITE_EVERY, Duration.ofSeconds(1));
        stored.initializeTokenSegments(GROUP, 1);
        views = new WorkshopViews(database);
        projection = new WorkshopProjection(views,
                new LivePublisher(new SimpMessagingTemplate((m, t) -> pushed.add(m.getPayload()))));
        // As the processing thread opening its stream.
        tokens.fetchToken(GROUP, 0);
    }

    @AfterEach
    void tearDown() {
        tokens.releaseClaim(GROUP, 0);
        client.close();
        server.shutdownNow();
    }

    @Test
    void givenARebuild_whenBatchesAreCarried_thenTheTokenNeverPassesTheWrittenReadModelAndTheEndIsAsLive() {
        List<WorkshopEvent> events = meeting();
        long resetAt = events.size() - 1L;

        handle(events, 0, 10, resetAt);
        assertThat(storedPosition()).as("the token waits for the carried writes").isEmpty();
        assertThat(views.find("w1").orElseThrow().version()).as("created at once, changed only in memory")
                .isZero();

        handle(events, 10, 20, resetAt);
        handle(events, 20, 30, resetAt);
        assertThat(storedPosition()).as("written after %s events, the token with them", WRITE_EVERY)
                .hasValue(29);
        assertThat(views.find("w1").orElseThrow().version()).isEqualTo(29);

        handle(events, 30, 40, resetAt);
        handle(events, 40, events.size(), resetAt);
        assertThat(storedPosition()).as("the replay's last batch stores all").hasValue(resetAt);
        assertAsLive(events);
        assertThat(pushed).as("a rebuild resends nothing screens have seen").isEmpty();
    }

    @Test
    void givenCarriedBatches_whenABatchFails_thenWhatWasCarriedIsHandledAgainFromTheStoredToken() {
        List<WorkshopEvent> events = meeting();
        long resetAt = events.size() - 1L;
        handle(events, 0, 30, resetAt);
        handle(events, 30, 40, resetAt);
        assertThat(storedPosition()).hasValue(29);

        ResultMessage<?> failed = batch(events, 40, 50, resetAt, 45);
        assertThat(failed.isExceptional()).isTrue();
        assertThat(storedPosition()).as("the failure stored nothing").hasValue(29);
        assertThat(views.find("w1").orElseThrow().version()).isEqualTo(29);

        // The processor reopens its stream at the stored token.
        tokens.releaseClaim(GROUP, 0);
        tokens.fetchToken(GROUP, 0);
        handle(events, 30, 45, resetAt);
        handle(events, 45, events.size(), resetAt);
        assertAsLive(events);
    }

    @Test
    void givenCarriedBatches_whenTheProcessorFindsNoMoreEvents_thenWhatWaitsIsWrittenWithItsToken() {
        List<WorkshopEvent> events = meeting();
        handle(events, 0, 20, events.size() + 100L);
        assertThat(storedPosition()).isEmpty();

        tokens.extendClaim(GROUP, 0);

        assertThat(storedPosition()).hasValue(19);
        assertThat(views.find("w1").orElseThrow().version()).isEqualTo(19);
    }

    @Test
    void givenCarriedBatches_whenALiveBatchFollows_thenItWritesAllAndPushesOnlyItsOwnChanges() {
        List<WorkshopEvent> events = meeting();
        long resetAt = events.size() - 3L;
        handle(events, 0, 10, resetAt);
        assertThat(storedPosition()).isEmpty();

        // Its last event is past the reset position: the batch is live, as it was before carrying.
        handle(events, 10, events.size(), resetAt);

        assertThat(storedPosition()).hasValue(events.size() - 1L);
        assertAsLive(events);
        assertThat(pushed).isNotEmpty().allSatisfy(payload -> assertThat(JSON.valueToTree(payload).get("version")
                .asLong()).as("nothing of the carried batch is pushed").isGreaterThanOrEqualTo(10));
    }

    private void assertAsLive(List<WorkshopEvent> events) {
        WorkshopViews liveViews = new WorkshopViews(client.getDatabase("live"));
        WorkshopProjection live = new WorkshopProjection(liveViews,
                new LivePublisher(new SimpMessagingTemplate((m, t) -> true)));
        for (int i = 0; i < events.size(); i++) {
            ProjectionDriver.apply(live, events.get(i), i);
        }
        assertThat(views.find("w1")).isEqualTo(liveViews.find("w1"));
        assertThat(views.ratingsInWorkshop("w1")).containsExactlyInAnyOrderElementsOf(liveViews.ratingsInWorkshop("w1"));
        assertThat(views.participantsOf("w1")).isEqualTo(liveViews.participantsOf("w1"));
    }

    private OptionalLong storedPosition() {
        TrackingToken token = stored.fetchToken(GROUP, 0);
        return token == null ? OptionalLong.empty() : token.position();
    }

    private void handle(List<WorkshopEvent> events, int from, int to, long resetAt) {
        ResultMessage<?> result = batch(events, from, to, resetAt, -1);
        assertThat(result.isExceptional()).as("batch failed: %s", result).isFalse();
    }

    /**
     * Events {@code from} to {@code to} (their global positions and versions) in one batch, as
     * a tracking processor reset at {@code resetAt} hands them over: the token of the last is
     * stored when the unit of work commits. The handler fails at {@code failAt}, if any.
     */
    private ResultMessage<?> batch(List<WorkshopEvent> events, int from, int to, long resetAt, int failAt) {
        List<EventMessage<?>> messages = new ArrayList<>();
        for (int i = from; i < to; i++) {
            messages.add(new GenericTrackedDomainEventMessage<>(token(i, resetAt),
                    new GenericDomainEventMessage<>("Workshop", "w1", i, events.get(i))));
        }
        TrackingToken last = token(to - 1, resetAt);
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(messages);
        unitOfWork.onPrepareCommit(committing -> tokens.storeToken(last, GROUP, 0));
        return unitOfWork.executeWithResult(() -> new DefaultInterceptorChain<EventMessage<?>>(
                unitOfWork, List.of(this::extendClaimAtFirst, WorkshopBatching.interceptor(views, new ProjectionLag())),
                message -> {
                    DomainEventMessage<?> event = (DomainEventMessage<?>) message;
                    if (event.getSequenceNumber() == failAt) {
                        throw new IllegalStateException("the store went away");
                    }
                    ProjectionDriver.apply(projection, (WorkshopEvent) event.getPayload(), event.getSequenceNumber());
                    return null;
                }).proceed());
    }

    /** As the processor does at the start of each batch (its own interceptor). */
    private Object extendClaimAtFirst(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        if (((BatchingUnitOfWork<?>) unitOfWork).isFirstMessage()) {
            tokens.extendClaim(GROUP, 0);
        }
        return chain.proceed();
    }

    private static TrackingToken token(long position, long resetAt) {
        GlobalSequenceTrackingToken at = new GlobalSequenceTrackingToken(position);
        return position > resetAt ? at : new ReplayToken(new GlobalSequenceTrackingToken(resetAt), at);
    }

    /** A workshop's first hour: joins, ratings replaced many times, an erasure. */
    private static List<WorkshopEvent> meeting() {
        List<WorkshopEvent> events = new ArrayList<>();
        events.add(new WorkshopCreatedEvent(WORKSHOP, new ProjectId("p1"), "Förmågor", "ABC234", "admin", MODEL, NOW));
        for (int n = 0; n < 8; n++) {
            events.add(new ParticipantJoinedEvent(WORKSHOP, new ParticipantId("p" + n), "Deltagare " + n,
                    "Kommun " + (n % 3), NOW));
        }
        for (int round = 0; round < 5; round++) {
            for (int n = 0; n < 8; n++) {
                events.add(new CapabilityRatedEvent(WORKSHOP, new ParticipantId("p" + n),
                        round % 2 == 0 ? "set-goals" : "formulate", 1 + (n + round) % 5,
                        round < 2 ? null : 1 + (n + round + 1) % 5, NOW));
            }
            if (round == 3) {
                events.add(new ParticipantErasedEvent(WORKSHOP, new ParticipantId("p1"), "admin", NOW));
            }
        }
        return events;
    }
}
