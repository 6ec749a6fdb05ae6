package se.samverka.query.processing;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The token store of the query processors, over Axon's Mongo token store on a real Mongo wire server. */
class SkippedEventsTokenStoreTest {
    private static final String PROCESSOR = "workshop-projection";
    private static final long INTERVAL_MILLIS = 1_000;

    private MongoServer server;
    private MongoClient client;
    private final AtomicLong clock = new AtomicLong();
    private TokenStore stored;
    private SkippedEventsTokenStore tokens;

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        stored = mongoTokenStore("node-a");
        tokens = new SkippedEventsTokenStore(stored, INTERVAL_MILLIS, clock::get);
        tokens.initializeTokenSegments(PROCESSOR, 1);
        tokens.fetchToken(PROCESSOR, 0);
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    private MongoTokenStore mongoTokenStore(String node) {
        return MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(client.getDatabase("tokens")).build())
                .serializer(JacksonSerializer.defaultSerializer())
                .nodeId(node)
                .claimTimeout(Duration.ofSeconds(10))
                .build();
    }

    private static TrackingToken at(long index) {
        return new GlobalSequenceTrackingToken(index);
    }

    private TrackingToken inStore() {
        return stored.fetchToken(PROCESSOR, 0);
    }

    private void later(long millis) {
        clock.addAndGet(Duration.ofMillis(millis).toNanos());
    }

    @Test
    void givenOnlySkippedEvents_whenTokensComeWithinTheInterval_thenOneIsWrittenPerInterval() {
        tokens.storeToken(at(5), PROCESSOR, 0);
        later(10);
        tokens.storeToken(at(6), PROCESSOR, 0);
        later(10);
        tokens.storeToken(at(7), PROCESSOR, 0);

        assertThat(inStore()).isEqualTo(at(5));

        later(INTERVAL_MILLIS);
        tokens.storeToken(at(8), PROCESSOR, 0);

        assertThat(inStore()).isEqualTo(at(8));
    }

    @Test
    void givenHandledBatch_whenItsTokenIsStoredInItsUnitOfWork_thenItIsWrittenAtOnce() {
        tokens.storeToken(at(5), PROCESSOR, 0);
        later(10);

        DefaultUnitOfWork.startAndGet(null).execute(() -> tokens.storeToken(at(6), PROCESSOR, 0));

        assertThat(inStore()).isEqualTo(at(6));
    }

    @Test
    void givenHeldBackToken_whenTheTokensAreReset_thenTheResetIsWrittenAtOnce() {
        tokens.storeToken(at(5), PROCESSOR, 0);
        tokens.storeToken(at(9), PROCESSOR, 0);

        tokens.storeToken(at(2), PROCESSOR, 0);
        assertThat(inStore()).isEqualTo(at(2));

        TrackingToken replay = ReplayToken.createReplayToken(at(9), at(0));
        tokens.storeToken(replay, PROCESSOR, 0);
        assertThat(inStore()).isEqualTo(replay);
    }

    @Test
    void givenHeldBackToken_whenTheProcessorGoesIdle_thenExtendingTheClaimWritesIt() {
        tokens.storeToken(at(5), PROCESSOR, 0);
        tokens.storeToken(at(7), PROCESSOR, 0);

        tokens.extendClaim(PROCESSOR, 0);

        assertThat(inStore()).isEqualTo(at(7));
    }

    @Test
    void givenHeldBackToken_whenTheClaimIsReleased_thenAnotherNodeStartsFromTheLastWrittenOne() {
        tokens.storeToken(at(5), PROCESSOR, 0);
        tokens.storeToken(at(7), PROCESSOR, 0);

        tokens.releaseClaim(PROCESSOR, 0);

        assertThat(mongoTokenStore("node-b").fetchToken(PROCESSOR, 0)).isEqualTo(at(5));
    }
}
