package se.samverka.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.samverka.app.support.ApiClient;
import se.samverka.app.support.ApiClient.Exchange;
import se.samverka.app.support.PostgresDatabase;
import se.samverka.app.support.RunningSamverka;
import se.samverka.app.support.TcpProxy;

/**
 * The connection to PostgreSQL is lost while participants vote (a loopback proxy in between
 * drops every connection and refuses new ones) and comes back: while it is down commands are
 * answered 503 problems with Retry-After, nothing is half-written, and the service recovers by
 * itself; the retried vote counts once.
 */
class PostgresOutageTest {
    @TempDir
    Path dataDir;

    @Test
    void givenVoting_whenDatabaseConnectionIsLostAndBack_then503ThenRecoveryWithNothingHalfWritten() throws Exception {
        try (PostgresDatabase database = PostgresDatabase.create("samverka_outage");
             TcpProxy proxy = new TcpProxy(PostgresDatabase.HOST, PostgresDatabase.PORT);
             RunningSamverka samverka = RunningSamverka.start(dataDir,
                     database.serviceProperties(database.url("127.0.0.1", proxy.port())))) {
            ApiClient api = new ApiClient(samverka.baseUrl());
            String facilitator = api.loginAdmin();
            JsonNode workshop = api.createWorkshop(facilitator, "Avbrott");
            String workshopId = workshop.get("id").asText();
            String joinCode = workshop.get("joinCode").asText();
            String participant = api.join(joinCode, "Anna", "Tanum").get("token").asText();
            String ratingPath = "/api/v1/workshops/" + workshopId + "/capabilities/set-goals/rating";
            api.rate(participant, workshopId, "set-goals", 2).require(200);
            long eventsBefore = events(database);

            proxy.cut();
            String voteKey = UUID.randomUUID().toString();
            for (int attempt = 0; attempt < 2; attempt++) {
                Exchange vote = api.exchange("PUT", ratingPath, participant, "{\"score\":5}",
                        Map.of("Idempotency-Key", voteKey));
                assertUnavailable(vote);
                assertUnavailable(api.exchange("PUT", ratingPath, participant, "{\"score\":4}", Map.of()));
                assertUnavailable(api.exchange("POST", "/api/v1/join", null, "{\"joinCode\":\"" + joinCode
                        + "\",\"displayName\":\"Bo\",\"organisation\":\"Tanum\"}", Map.of()));
            }
            assertThat(events(database)).isEqualTo(eventsBefore);

            proxy.restore();
            await("commands accepted again").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> api.exchange("PUT", ratingPath, participant, "{\"score\":5}",
                            Map.of("Idempotency-Key", voteKey)).status() == 200);
            Exchange retry = api.exchange("PUT", ratingPath, participant, "{\"score\":5}",
                    Map.of("Idempotency-Key", voteKey));
            assertThat(retry.status()).isEqualTo(200);
            assertThat(retry.headers().firstValue("Idempotency-Replayed")).contains("true");
            assertThat(events(database)).isEqualTo(eventsBefore + 1);
            await("read model caught up").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                JsonNode rating = ApiClient.ratingOf(api.workshop(participant, workshopId).require(200), "set-goals");
                assertThat(rating.get("count").asInt()).isEqualTo(1);
                assertThat(rating.get("mean").asDouble()).isEqualTo(5.0);
            });
            assertThat(api.join(joinCode, "Bo", "Tanum").get("token").asText()).isNotBlank();
        }
    }

    private static void assertUnavailable(Exchange answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.json().get("type").asText()).endsWith("/unavailable");
        assertThat(answer.headers().firstValue("Retry-After")).isPresent();
    }

    /** Counted straight on the server, not through the proxy. */
    private static long events(PostgresDatabase database) throws Exception {
        try (Connection connection = DriverManager.getConnection(database.url(), PostgresDatabase.USER,
                PostgresDatabase.PASSWORD);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM domainevententry")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
