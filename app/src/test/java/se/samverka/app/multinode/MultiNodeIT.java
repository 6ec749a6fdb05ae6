package se.samverka.app.multinode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import se.samverka.app.support.ApiClient;
import se.samverka.app.support.LiveClient;
import se.samverka.app.support.PostgresDatabase;
import se.samverka.app.support.ServiceProcess;

/**
 * Samverka past one node, on this machine: two command nodes and two query nodes of the
 * packaged jar on loopback ports, events in a PostgreSQL database of the test's own, read
 * models and tracking tokens in one shared MongoDB (a mongo-java-server in this JVM, as no
 * MongoDB is installed here), live pushes relayed through RabbitMQ's STOMP plugin (in a virtual
 * host of the test's own, see {@link RabbitMqVirtualHost}).
 *
 * <p>Proves: a client on one query node sees a vote sent to a command node and projected by
 * whichever query node holds its segment; each query node holds one RabbitMQ session and its
 * three subscriptions however many clients it serves, and tells the other how many of its
 * clients follow a workshop; when RabbitMQ goes away and comes back the
 * nodes reconnect, clients stay connected, and one that missed pushes meanwhile mends on the next;
 * the query nodes split the projections' segments;
 * two command nodes voting on one workshop at once lose nothing and count nothing twice
 * (conflicts retried); after {@code kill -9} of a query node the other takes its segments over
 * and a client that reconnects to it reaches every update.
 */
@Timeout(value = 12, unit = TimeUnit.MINUTES)
class MultiNodeIT {
    static final String STOMP_HOST = env("SAMVERKA_TEST_STOMP_HOST", "127.0.0.1");
    static final int STOMP_PORT = Integer.parseInt(env("SAMVERKA_TEST_STOMP_PORT", "61613"));
    static final String SECRET = "multi-node-test-secret-0123456789abcdef";
    static final long CLAIM_TIMEOUT_MILLIS = 4_000;
    /** The projections split in two; the audit trail keeps one segment (docs/architecture.md). */
    static final List<String> SPLIT = List.of("workshop-projection", "project-projection", "risk-projection",
            "meeting-projection", "records-projection");

    /** Kept after the run (under target/), so the four nodes' logs can be read when it fails. */
    private final Path runDir = Path.of("target", "multinode-it", String.valueOf(System.currentTimeMillis()));

    private MongoServer mongo;
    private PostgresDatabase database;
    private RabbitMqVirtualHost rabbitMq;
    private final List<ServiceProcess> nodes = new ArrayList<>();

    @BeforeEach
    void requireRabbitMqStomp() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(STOMP_HOST, STOMP_PORT), 2_000);
        } catch (IOException e) {
            throw new AssertionError("RabbitMQ's STOMP plugin does not listen on " + STOMP_HOST + ":" + STOMP_PORT
                    + " (" + e.getMessage() + "). This test needs it: `rabbitmq-plugins enable rabbitmq_stomp` "
                    + "(.ci/run does that), or point SAMVERKA_TEST_STOMP_HOST/PORT at a broker that has it.");
        }
    }

    @AfterEach
    void stopEverything() throws InterruptedException {
        for (ServiceProcess node : nodes) {
            node.stop();
        }
        if (mongo != null) {
            mongo.shutdownNow();
        }
        if (database != null) {
            database.close();
        }
        if (rabbitMq != null) {
            rabbitMq.close();
        }
    }

    @Test
    void commandAndQueryNodesShareWorkSeeEachOthersVotesAndSurviveAKilledQueryNode() throws Exception {
        Files.createDirectories(runDir);
        database = PostgresDatabase.create("samverka_multinode");
        rabbitMq = RabbitMqVirtualHost.create("samverka-multinode-" + runDir.getFileName(), "guest");
        mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        String mongoUri = "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort();

        ServiceProcess commandA = node("command-a", "samverka.role=command", "samverka.command.aggregate-cache=false");
        ServiceProcess commandB = node("command-b", "samverka.role=command", "samverka.command.aggregate-cache=false");
        ServiceProcess queryA = queryNode("query-a", mongoUri);
        ServiceProcess queryB = queryNode("query-b", mongoUri);
        // The first command node creates the schema and the facilitator account; the rest start together.
        commandA.start();
        startTogether(commandB, queryA, queryB);

        try (MongoClient client = MongoClients.create(mongoUri)) {
            MongoCollection<Document> tokens = client.getDatabase("samverka").getCollection("trackingtokens");
            // Tracking work is split: each query node holds one of each projection's two segments.
            await("segments split across the query nodes").atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(owners(tokens)).allSatisfy((processor, owners) -> {
                        if (SPLIT.contains(processor)) {
                            assertThat(owners).as(processor).containsExactlyInAnyOrder("query-a", "query-b");
                        }
                    }).containsKeys(SPLIT.toArray(String[]::new)));

            ApiClient commandsA = new ApiClient(commandA.baseUrl());
            ApiClient commandsB = new ApiClient(commandB.baseUrl());
            ApiClient readsA = new ApiClient(queryA.baseUrl());
            ApiClient readsB = new ApiClient(queryB.baseUrl());

            // Each node answers what its role has, and nothing else.
            String facilitator = commandsA.loginAdmin();
            assertThat(readsA.send("POST", "/api/v1/auth/login", null, Map.of("username", "admin",
                    "password", "x".repeat(12))).status()).isEqualTo(404);

            JsonNode workshop = commandsA.send("POST", "/api/v1/workshops", facilitator,
                    Map.of("title", "Fyrbodal, två noder")).require(201);
            String workshopId = workshop.get("id").asText();
            String joinCode = workshop.get("joinCode").asText();
            await().atMost(Duration.ofSeconds(30)).until(() -> readsA.workshop(facilitator, workshopId).status() == 200);
            assertThat(commandsA.workshop(facilitator, workshopId).status()).isEqualTo(404);
            List<String> capabilities = new ArrayList<>();
            for (JsonNode capability : readsA.workshop(facilitator, workshopId).require(200).get("capabilities")) {
                capabilities.add(capability.get("id").asText());
            }

            // A client on each query node sees a vote sent to command node A, whichever query node projected it.
            try (LiveClient onA = LiveClient.connect(ws(queryA), facilitator).subscribeToWorkshop(workshopId);
                 LiveClient onB = LiveClient.connect(ws(queryB), facilitator).subscribeToWorkshop(workshopId)) {
                awaitSubscribed(commandsA, joinCode, onA, onB);
                JsonNode voter = commandsA.join(joinCode, "Astrid", "Orust");
                long version = commandsA.rate(voter.get("token").asText(), workshopId, capabilities.get(0), 4)
                        .require(200).get("version").asLong();
                await("the vote on both query nodes").atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                    assertThat(onA.messages()).anySatisfy(m -> assertThat(m.get("version").asLong()).isEqualTo(version));
                    assertThat(onB.messages()).anySatisfy(m -> assertThat(m.get("version").asLong()).isEqualTo(version));
                });

                // One RabbitMQ session per query node, with one subscription to all workshops, one to
                // all projects and one to the nodes' follower reports, whether a node serves one client
                // or eleven: pushes cross RabbitMQ once per node and are fanned out to clients by each
                // node's own broker.
                assertRelayedOncePerNode();
                List<LiveClient> more = new ArrayList<>();
                try {
                    for (int i = 0; i < 20; i++) {
                        more.add(LiveClient.connect(ws(i % 2 == 0 ? queryA : queryB), facilitator)
                                .subscribeToWorkshop(workshopId));
                    }
                    awaitSubscribed(commandsA, joinCode, more.toArray(LiveClient[]::new));
                    assertRelayedOncePerNode();
                    // Each node tells the other how many of its clients follow the workshop (eleven on
                    // each), so whichever publishes paces the pushes for the node with most followers.
                    String topic = "/topic/workshops." + workshopId;
                    for (ApiClient reads : List.of(readsA, readsB)) {
                        await("the other node's followers reported").atMost(Duration.ofSeconds(30))
                                .pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                                    // Nodes report the workshops they were sent pushes for: a join is one.
                                    commandsA.join(joinCode, "Probe", "Probe");
                                    assertThat(relayHealth(reads).path("details").path("followersElsewhere")
                                            .path(topic).asInt()).isEqualTo(11);
                                });
                    }
                } finally {
                    more.forEach(LiveClient::close);
                }

                // RabbitMQ goes away: both nodes' sessions end, their relay health is down, clients stay
                // connected to their node. A vote meanwhile is not pushed (its push is lost); when
                // RabbitMQ is back the nodes reconnect, the next vote reaches clients on both nodes, and
                // a client that follows versions sees the gap and reloads: it reaches the last version.
                Follower mending = new Follower(readsB, facilitator, workshopId);
                mending.connect(ws(queryB));
                rabbitMq.cutOff();
                for (ApiClient reads : List.of(readsA, readsB)) {
                    await("relay down").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                            assertThat(relayHealth(reads).path("status").asText()).isEqualTo("DOWN"));
                }
                long unpushed = commandsA.rate(voter.get("token").asText(), workshopId, capabilities.get(0), 2)
                        .require(200).get("version").asLong();
                rabbitMq.restore();
                for (ApiClient reads : List.of(readsA, readsB)) {
                    await("relay back").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                        JsonNode relay = relayHealth(reads);
                        assertThat(relay.path("status").asText()).isEqualTo("UP");
                        assertThat(relay.path("details").path("sessions").asLong()).isEqualTo(2);
                    });
                }
                assertThat(onA.isConnected() && onB.isConnected()).isTrue();
                long after = commandsA.rate(voter.get("token").asText(), workshopId, capabilities.get(0), 5)
                        .require(200).get("version").asLong();
                assertThat(after).isGreaterThan(unpushed);
                await("a vote after the outage on both query nodes").atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                    assertThat(onA.messages()).anySatisfy(m -> assertThat(m.get("version").asLong()).isEqualTo(after));
                    assertThat(onB.messages()).anySatisfy(m -> assertThat(m.get("version").asLong()).isEqualTo(after));
                });
                await("the following client mended").atMost(Duration.ofSeconds(20))
                        .untilAsserted(() -> assertThat(mending.version()).isEqualTo(after));
                mending.close();
                assertRelayedOncePerNode();

                // The relay changes nothing about access: a participant may not follow another workshop.
                JsonNode other = commandsA.send("POST", "/api/v1/workshops", facilitator,
                        Map.of("title", "Någon annans")).require(201);
                try (LiveClient intruder = LiveClient.connect(ws(queryB), voter.get("token").asText())) {
                    intruder.subscribeToWorkshop(other.get("id").asText());
                    await().atMost(Duration.ofSeconds(10)).until(() -> !intruder.errors().isEmpty());
                    assertThat(intruder.messages()).isEmpty();
                }
            }

            // A participant whose requests alternate between the command nodes: each decision sees
            // the other node's last write (3, then 5 on the other node, then 3 again is a change).
            String flipper = commandsB.join(joinCode, "Bertil", "Tanum").get("token").asText();
            commandsA.rate(flipper, workshopId, capabilities.get(1), 3).require(200);
            commandsB.rate(flipper, workshopId, capabilities.get(1), 5).require(200);
            commandsA.rate(flipper, workshopId, capabilities.get(1), 3).require(200);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(readsB.send("GET",
                    "/api/v1/workshops/" + workshopId + "/my-ratings", flipper, (String) null).require(200)
                    .path(capabilities.get(1)).asInt()).isEqualTo(3));

            // Two command nodes voting on one workshop at the same moment: every vote is stored once.
            int voters = 12;
            int votesEach = 6;
            List<String> voterTokens = new ArrayList<>();
            for (int i = 0; i < voters; i++) {
                ApiClient node = i % 2 == 0 ? commandsA : commandsB;
                voterTokens.add(node.join(joinCode, "Röstare " + i, "Lysekil").get("token").asText());
            }
            ExecutorService pool = Executors.newFixedThreadPool(voters);
            AtomicLong lastVersion = new AtomicLong();
            List<Future<?>> burst = new ArrayList<>();
            for (int i = 0; i < voters; i++) {
                int voter = i;
                burst.add(pool.submit(() -> {
                    for (int v = 0; v < votesEach; v++) {
                        ApiClient node = (voter + v) % 2 == 0 ? commandsA : commandsB;
                        long answered = node.rate(voterTokens.get(voter), workshopId, capabilities.get(2 + v),
                                1 + (voter + v) % 5).require(200).get("version").asLong();
                        lastVersion.accumulateAndGet(answered, Math::max);
                    }
                }));
            }
            for (Future<?> voter : burst) {
                voter.get(3, TimeUnit.MINUTES);
            }
            await("every concurrent vote counted").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode snapshot = readsB.workshop(facilitator, workshopId).require(200);
                for (int v = 0; v < votesEach; v++) {
                    assertThat(ApiClient.ratingOf(snapshot, capabilities.get(2 + v)).get("count").asInt())
                            .as(capabilities.get(2 + v)).isEqualTo(voters);
                }
            });
            // Astrid's three votes (before, during and after RabbitMQ's absence), the flipper's three.
            assertThat(storedEvents("CapabilityRatedEvent")).isEqualTo(3 + 3 + (long) voters * votesEach);

            // kill -9 of query node B while votes keep coming: A takes B's segments over, and a
            // client of B that reconnects to A reaches every update.
            Follower follower = new Follower(readsB, facilitator, workshopId);
            follower.connect(ws(queryB));
            AtomicInteger lateAcknowledged = new AtomicInteger();
            int lateVotes = 40;
            Future<?> late = pool.submit(() -> {
                for (int n = 0; n < lateVotes; n++) {
                    ApiClient node = n % 2 == 0 ? commandsA : commandsB;
                    // Each vote changes one voter's earlier score (1 + (voter + round) % 5) to another: one event each.
                    int voter = n % voters;
                    int round = n / voters;
                    long answered = node.rate(voterTokens.get(voter), workshopId, capabilities.get(2 + round),
                            1 + (voter + round + 1) % 5).require(200).get("version").asLong();
                    lastVersion.accumulateAndGet(answered, Math::max);
                    lateAcknowledged.incrementAndGet();
                    pause();
                }
            });
            await().atMost(Duration.ofSeconds(60)).until(() -> lateAcknowledged.get() >= 8);
            queryB.kill9();
            follower.reconnect(ws(queryA), readsA);
            late.get(3, TimeUnit.MINUTES);

            await("query node A holds every segment").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(owners(tokens)).allSatisfy((processor, owners) ->
                            assertThat(owners).as(processor).containsOnly("query-a")));
            await("the reconnected client reaches the last update").atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(follower.version()).isEqualTo(lastVersion.get()));
            JsonNode finalState = readsA.workshop(facilitator, workshopId).require(200);
            assertThat(finalState.get("version").asLong()).isEqualTo(lastVersion.get());
            long ratedEvents = storedEvents("CapabilityRatedEvent");
            assertThat(ratedEvents).isEqualTo(3 + 3 + (long) voters * votesEach + lateVotes);
            for (int v = 0; v < votesEach; v++) {
                assertThat(ApiClient.ratingOf(finalState, capabilities.get(2 + v)).get("count").asInt()).isEqualTo(voters);
            }
            // The survivor is ready again: every projection caught up on the segments it took over.
            await("query node A ready").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                ApiClient.Response health = readsA.send("GET", "/actuator/health", null, (String) null);
                assertThat(health.status()).as("%s", health.body()).isEqualTo(200);
            });
            follower.close();
            pool.shutdownNow();
        }
    }

    private ServiceProcess node(String name, String... properties) {
        List<String> all = new ArrayList<>(List.of(database.serviceProperties(database.url())));
        all.addAll(List.of("samverka.token.secret=" + SECRET, "samverka.node-name=" + name,
                "samverka.stomp.relay.host=" + STOMP_HOST, "samverka.stomp.relay.port=" + STOMP_PORT,
                "samverka.stomp.relay.virtual-host=" + rabbitMq.name()));
        all.addAll(List.of(properties));
        ServiceProcess node = new ServiceProcess(runDir.toAbsolutePath().resolve(name), all.toArray(String[]::new));
        nodes.add(node);
        return node;
    }

    private ServiceProcess queryNode(String name, String mongoUri) {
        return node(name, "samverka.role=query", "samverka.mongodb.uri=" + mongoUri,
                "samverka.processing.segments=2", "samverka.processing.claim-timeout-ms=" + CLAIM_TIMEOUT_MILLIS);
    }

    private static void startTogether(ServiceProcess... services) throws Exception {
        ExecutorService starters = Executors.newFixedThreadPool(services.length);
        List<Future<?>> started = new ArrayList<>();
        for (ServiceProcess service : services) {
            started.add(starters.submit(service::start));
        }
        for (Future<?> start : started) {
            start.get(5, TimeUnit.MINUTES);
        }
        starters.shutdown();
    }

    /** Who holds each processor's segments, from the shared token store (live claims only). */
    private static Map<String, Set<String>> owners(MongoCollection<Document> tokens) {
        long live = System.currentTimeMillis() - CLAIM_TIMEOUT_MILLIS;
        Map<String, Set<String>> owners = new HashMap<>();
        for (Document token : tokens.find()) {
            String processor = token.getString("processorName");
            if (processor == null || "__config".equals(processor)) {
                continue;
            }
            Object owner = token.get("owner");
            Object timestamp = token.get("timestamp");
            boolean claimed = owner != null && timestamp instanceof Number stamp && stamp.longValue() >= live;
            owners.computeIfAbsent(processor, key -> new TreeSet<>())
                    .add(claimed ? owner.toString() : "(unclaimed)");
        }
        return owners.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private long storedEvents(String type) throws Exception {
        try (Connection connection = DriverManager.getConnection(database.url(), PostgresDatabase.USER,
                PostgresDatabase.PASSWORD);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT COUNT(*) FROM domainevententry WHERE payloadtype LIKE '%." + type + "'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * Two query nodes: two RabbitMQ sessions, each with its three subscriptions (workshops,
     * projects, the nodes' follower reports; one queue, one consumer each).
     */
    private void assertRelayedOncePerNode() {
        assertThat(rabbitMq.connections()).as("RabbitMQ sessions").isEqualTo(2);
        assertThat(rabbitMq.consumersPerQueue()).as("consumers per queue").containsExactly(1, 1, 1, 1, 1, 1);
    }

    private static JsonNode relayHealth(ApiClient reads) {
        return reads.send("GET", "/actuator/health", null, (String) null).body().path("components").path("relay");
    }

    /** Every join is pushed to all followers of a workshop: a probe join that reaches each client proves it live. */
    private static void awaitSubscribed(ApiClient commands, String joinCode, LiveClient... clients) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            boolean all = true;
            for (LiveClient client : clients) {
                all &= client.messages().stream().anyMatch(m -> m.path("type").asText().equals("participant.joined"));
            }
            if (!all) {
                commands.join(joinCode, "Probe", "Probe");
            }
            return all;
        });
    }

    private static String ws(ServiceProcess node) {
        return node.baseUrl().replace("http://", "ws://") + "/ws";
    }

    private static void pause() {
        try {
            Thread.sleep(100); // a participant's pace, not a wait for async work
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /**
     * A client as the web client follows a workshop: subscribe, load the snapshot, apply pushes
     * with higher versions; a gap means something was missed, so it loads the snapshot again.
     */
    private static final class Follower implements AutoCloseable {
        private final String token;
        private final String workshopId;
        private ApiClient reads;
        private volatile LiveClient live;
        private volatile long version;
        private volatile int applied;

        Follower(ApiClient reads, String token, String workshopId) {
            this.reads = reads;
            this.token = token;
            this.workshopId = workshopId;
        }

        void connect(String url) throws Exception {
            live = LiveClient.connect(url, token).subscribeToWorkshop(workshopId);
            applied = 0;
            load();
        }

        /** After the node went away: to another node, as the web client does with its back-off. */
        void reconnect(String url, ApiClient otherNode) throws Exception {
            live.close();
            reads = otherNode;
            connect(url);
        }

        synchronized long version() {
            List<JsonNode> messages = live.messages();
            for (; applied < messages.size(); applied++) {
                long pushed = messages.get(applied).path("version").asLong(-1);
                if (pushed == version + 1) {
                    version = pushed;
                } else if (pushed > version + 1) {
                    load();
                }
            }
            return version;
        }

        private void load() {
            version = Math.max(version, reads.workshop(token, workshopId).require(200).get("version").asLong());
        }

        @Override
        public void close() {
            live.close();
        }
    }
}
