package se.samverka.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.samverka.app.support.ApiClient;
import se.samverka.app.support.ApiClient.Exchange;
import se.samverka.app.support.PostgresDatabase;
import se.samverka.app.support.RunningSamverka;

/**
 * A command sent with an {@code Idempotency-Key} and sent again (a retry after a timeout or a
 * reconnect) is answered with the first answer and applied once, on H2 and on PostgreSQL.
 */
class IdempotencyTest {
    @TempDir
    Path dataDir;

    @Test
    void onEmbeddedH2() throws Exception {
        try (RunningSamverka samverka = RunningSamverka.start(dataDir)) {
            retriesAreAnsweredOnceAndAppliedOnce(samverka);
        }
    }

    @Test
    void onPostgres() throws Exception {
        try (PostgresDatabase database = PostgresDatabase.create("samverka_idem");
             RunningSamverka samverka = RunningSamverka.start(dataDir, database.serviceProperties(database.url()))) {
            retriesAreAnsweredOnceAndAppliedOnce(samverka);
        }
    }

    private void retriesAreAnsweredOnceAndAppliedOnce(RunningSamverka samverka) throws Exception {
        ApiClient api = new ApiClient(samverka.baseUrl());
        String facilitator = api.loginAdmin();

        // Creating a workshop, sent by eight impatient clients at once with one key: one workshop.
        String createKey = key();
        List<Exchange> creations = concurrently(8, () -> api.exchange("POST", "/api/v1/workshops", facilitator,
                "{\"title\":\"Idempotent\"}", Map.of("Idempotency-Key", createKey)));
        assertThat(creations).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(201));
        assertThat(creations).extracting(Exchange::body).containsOnly(creations.get(0).body());
        assertThat(creations).extracting(answer -> answer.headers().firstValue("Location").orElse(""))
                .containsOnly("/api/v1/workshops/" + creations.get(0).json().get("id").asText());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                api.send("GET", "/api/v1/workshops", facilitator, (String) null).require(200)).hasSize(1));
        JsonNode workshop = creations.get(0).json();
        String workshopId = workshop.get("id").asText();

        // Joining twice with one key: one participant, the same token.
        String joinKey = key();
        String join = "{\"joinCode\":\"" + workshop.get("joinCode").asText()
                + "\",\"displayName\":\"Anna\",\"organisation\":\"Sotenäs\"}";
        Exchange firstJoin = api.exchange("POST", "/api/v1/join", null, join, Map.of("Idempotency-Key", joinKey));
        Exchange retriedJoin = api.exchange("POST", "/api/v1/join", null, join, Map.of("Idempotency-Key", joinKey));
        assertThat(firstJoin.status()).isEqualTo(201);
        assertThat(firstJoin.headers().firstValue("Idempotency-Replayed")).isEmpty();
        assertThat(retriedJoin.status()).isEqualTo(201);
        assertThat(retriedJoin.body()).isEqualTo(firstJoin.body());
        assertThat(retriedJoin.headers().firstValue("Idempotency-Replayed")).contains("true");
        String participant = firstJoin.json().get("token").asText();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api.send("GET",
                "/api/v1/workshops/" + workshopId + "/participants", facilitator, (String) null).require(200)).hasSize(1));

        // A vote, a change of mind, and then a late retry of the first vote: the retry changes nothing.
        String ratingPath = "/api/v1/workshops/" + workshopId + "/capabilities/set-goals/rating";
        String voteKey = key();
        Exchange vote = api.exchange("PUT", ratingPath, participant, "{\"score\":4}", Map.of("Idempotency-Key", voteKey));
        assertThat(vote.status()).isEqualTo(200);
        api.exchange("PUT", ratingPath, participant, "{\"score\":2}", Map.of("Idempotency-Key", key()));
        long events = samverka.storedEvents();
        Exchange lateRetry = api.exchange("PUT", ratingPath, participant, "{\"score\":4}",
                Map.of("Idempotency-Key", voteKey));
        assertThat(lateRetry.status()).isEqualTo(200);
        assertThat(lateRetry.body()).isEqualTo(vote.body());
        assertThat(samverka.storedEvents()).isEqualTo(events);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                ApiClient.ratingOf(api.workshop(participant, workshopId).require(200), "set-goals")
                        .get("mean").asDouble()).isEqualTo(2.0));

        // The same key with another body is a mistake, not a retry.
        Exchange reused = api.exchange("PUT", ratingPath, participant, "{\"score\":5}",
                Map.of("Idempotency-Key", voteKey));
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json().get("type").asText()).endsWith("/idempotency-key-reused");

        // A refusal is an answer too: retried, it is refused the same way.
        String refusedKey = key();
        Exchange refused = api.exchange("PUT", "/api/v1/workshops/" + workshopId + "/capabilities/no-such/rating",
                participant, "{\"score\":3}", Map.of("Idempotency-Key", refusedKey));
        Exchange refusedAgain = api.exchange("PUT", "/api/v1/workshops/" + workshopId + "/capabilities/no-such/rating",
                participant, "{\"score\":3}", Map.of("Idempotency-Key", refusedKey));
        assertThat(refused.status()).isBetween(400, 499);
        assertThat(refusedAgain.status()).isEqualTo(refused.status());
        assertThat(refusedAgain.body()).isEqualTo(refused.body());

        // A key is the caller's own: another participant's request with the same key is theirs.
        String second = api.join(workshop.get("joinCode").asText(), "Bo", "Strömstad").get("token").asText();
        Exchange othersVote = api.exchange("PUT", ratingPath, second, "{\"score\":4}", Map.of("Idempotency-Key", voteKey));
        assertThat(othersVote.status()).isEqualTo(200);
        assertThat(othersVote.headers().firstValue("Idempotency-Replayed")).isEmpty();

        // A key that is not one is refused before anything runs.
        assertThat(api.exchange("PUT", ratingPath, participant, "{\"score\":4}", Map.of("Idempotency-Key", "x"))
                .status()).isEqualTo(400);
        assertThat(samverka.storedEvents()).isEqualTo(events + 2); // Bo joined and voted
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private static <T> List<T> concurrently(int clients, Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                futures.add(pool.submit(call));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
