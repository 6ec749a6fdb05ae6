package se.samverka.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.samverka.app.support.ApiClient;
import se.samverka.app.support.ApiClient.Exchange;
import se.samverka.app.support.ServiceProcess;

/**
 * {@code kill -9} of the packaged service during a burst of joins and votes, each sent with an
 * Idempotency-Key. After a restart every acknowledged join and vote is in the event store and
 * in the read model; the clients retry what got no answer with the same key, and nothing is
 * there twice (a join applied twice would be a second participant).
 */
class KillNineIT {
    private static final int VOTERS = 12;
    private static final int CAPABILITIES = 10;
    private static final int KILL_AFTER_ACKS = 40;

    @TempDir
    Path tempDir;

    @Test
    void givenBurstOfVotes_whenServiceIsKilled_thenAcknowledgedVotesSurviveAndRetriesCountOnce() throws Exception {
        Path dataDir = tempDir.resolve("data");
        try (ServiceProcess service = new ServiceProcess(dataDir, "samverka.idempotency.abandoned-after=5s")) {
            service.start();
            ApiClient api = new ApiClient(service.baseUrl());
            String facilitator = api.loginAdmin();
            JsonNode workshop = api.createWorkshop(facilitator, "Kill -9");
            String workshopId = workshop.get("id").asText();
            List<String> capabilities = new ArrayList<>();
            await().atMost(Duration.ofSeconds(10)).until(() -> api.workshop(facilitator, workshopId).status() == 200);
            for (JsonNode capability : api.workshop(facilitator, workshopId).require(200).get("capabilities")) {
                if (capabilities.size() < CAPABILITIES) {
                    capabilities.add(capability.get("id").asText());
                }
            }
            List<Voter> voters = new ArrayList<>();
            for (int i = 0; i < VOTERS; i++) {
                voters.add(new Voter(i, workshop.get("joinCode").asText(), workshopId, capabilities));
            }
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            killAfter = new CountDownLatch(KILL_AFTER_ACKS);

            ExecutorService pool = Executors.newFixedThreadPool(VOTERS);
            List<Future<?>> burst = new ArrayList<>();
            voters.forEach(voter -> burst.add(pool.submit(() -> voter.run(api, acknowledged))));
            assertThat(killAfter.await(60, TimeUnit.SECONDS)).as("acknowledged votes before the kill").isTrue();
            service.kill9();
            for (Future<?> voter : burst) {
                voter.get(60, TimeUnit.SECONDS);
            }
            Set<String> acknowledgedBeforeKill = Set.copyOf(acknowledged);
            assertThat(acknowledgedBeforeKill.size()).isLessThan(VOTERS * (1 + CAPABILITIES));

            service.start();
            ApiClient restarted = new ApiClient(service.baseUrl());
            // Every acknowledged join and vote is in the read model rebuilt after the kill.
            for (Voter voter : voters) {
                for (String ack : voter.acknowledged) {
                    assertThat(voter.present(restarted, facilitator, ack)).as(ack).isTrue();
                }
            }
            // The clients retry what got no answer, with the same keys, and finish.
            List<Future<?>> rest = new ArrayList<>();
            voters.forEach(voter -> rest.add(pool.submit(() -> voter.run(restarted, acknowledged))));
            for (Future<?> voter : rest) {
                voter.get(120, TimeUnit.SECONDS);
            }
            pool.shutdownNow();

            List<Voter> withToken = voters.stream().filter(voter -> voter.token != null).toList();
            expectedRatings = withToken.size() * CAPABILITIES;
            assertThat(voters).allSatisfy(voter -> assertThat(voter.done()).isTrue());
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                JsonNode snapshot = restarted.workshop(facilitator, workshopId).require(200);
                for (String capability : capabilities) {
                    assertThat(ApiClient.ratingOf(snapshot, capability).get("count").asInt()).isEqualTo(withToken.size());
                }
            });
            assertThat(restarted.send("GET", "/api/v1/workshops/" + workshopId + "/participants", facilitator,
                    (String) null).require(200)).hasSize(VOTERS);
            for (Voter voter : withToken) {
                JsonNode mine = restarted.send("GET", "/api/v1/workshops/" + workshopId + "/my-ratings",
                        voter.token, (String) null).require(200);
                for (int c = 0; c < CAPABILITIES; c++) {
                    assertThat(mine.get(capabilities.get(c)).asInt()).isEqualTo(voter.score(c));
                }
            }
            service.stop();
        }

        // The event store itself: one join per voter, one rating per vote, nothing twice.
        try (Connection h2 = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("events"), "sa", "");
             Statement statement = h2.createStatement()) {
            assertThat(count(statement, "ParticipantJoinedEvent")).isEqualTo(VOTERS);
            assertThat(count(statement, "CapabilityRatedEvent")).isEqualTo(expectedRatings);
        }
    }

    private CountDownLatch killAfter;
    private int expectedRatings;

    private static long count(Statement statement, String eventType) throws Exception {
        try (ResultSet rows = statement.executeQuery(
                "SELECT COUNT(*) FROM DomainEventEntry WHERE payloadType LIKE '%." + eventType + "'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** One participant: joins, then rates each capability once; each request with its own key, kept for retries. */
    private final class Voter {
        final int index;
        final String joinCode;
        final String workshopId;
        final List<String> capabilities;
        final List<String> keys = new ArrayList<>();
        final Set<String> acknowledged = new HashSet<>();
        volatile String token;
        volatile String participantId;
        volatile int next;
        volatile boolean joinAnswerLost;

        Voter(int index, String joinCode, String workshopId, List<String> capabilities) {
            this.index = index;
            this.joinCode = joinCode;
            this.workshopId = workshopId;
            this.capabilities = capabilities;
            for (int step = 0; step <= capabilities.size(); step++) {
                keys.add(UUID.randomUUID().toString());
            }
        }

        int score(int capability) {
            return (index + capability) % 5 + 1;
        }

        boolean done() {
            return next > capabilities.size() || joinAnswerLost;
        }

        /** Sends the remaining steps until done or the service goes away. */
        void run(ApiClient api, Set<String> allAcknowledged) {
            while (!done()) {
                int step = next;
                Exchange answer;
                try {
                    answer = step == 0
                            ? api.exchange("POST", "/api/v1/join", null, "{\"joinCode\":\"" + joinCode
                                    + "\",\"displayName\":\"Voter " + index + "\",\"organisation\":\"Orust\"}",
                                    Map.of("Idempotency-Key", keys.get(0)))
                            : api.exchange("PUT", "/api/v1/workshops/" + workshopId + "/capabilities/"
                                    + capabilities.get(step - 1) + "/rating", token,
                                    "{\"score\":" + score(step - 1) + "}", Map.of("Idempotency-Key", keys.get(step)));
                } catch (UncheckedIOException serviceGone) {
                    return;
                }
                String type = answer.status() >= 400 && answer.json() != null && answer.json().has("type")
                        ? answer.json().get("type").asText() : "";
                if (answer.status() == 200 || answer.status() == 201) {
                    if (step == 0) {
                        token = answer.json().get("token").asText();
                        participantId = answer.json().get("participantId").asText();
                    }
                    String ack = index + ":" + step;
                    acknowledged.add(ack);
                    allAcknowledged.add(ack);
                    killAfter.countDown();
                    next = step + 1;
                } else if (type.endsWith("/already-applied")) {
                    // Applied just before the kill, its answer lost: applied once, nothing more to do.
                    if (step == 0) {
                        joinAnswerLost = true;
                    }
                    next = step + 1;
                } else if (type.endsWith("/request-in-progress")) {
                    // A claim left by the killed process: it is taken over once it counts as abandoned.
                    sleepQuietly();
                } else {
                    throw new AssertionError("step " + step + " of voter " + index + ": " + answer);
                }
            }
        }

        boolean present(ApiClient api, String facilitator, String ack) {
            int step = Integer.parseInt(ack.substring(ack.indexOf(':') + 1));
            if (step == 0) {
                JsonNode participants = api.send("GET", "/api/v1/workshops/" + workshopId + "/participants",
                        facilitator, (String) null).require(200);
                for (JsonNode participant : participants) {
                    if (participant.get("id").asText().equals(participantId)) {
                        return true;
                    }
                }
                return false;
            }
            JsonNode mine = api.send("GET", "/api/v1/workshops/" + workshopId + "/my-ratings", token, (String) null)
                    .require(200);
            return mine.path(capabilities.get(step - 1)).asInt() == score(step - 1);
        }

        private void sleepQuietly() {
            try {
                Thread.sleep(500); // the Retry-After a client honours
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
