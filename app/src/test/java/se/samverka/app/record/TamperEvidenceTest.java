package se.samverka.app.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samverka.app.support.ApiClient;
import se.samverka.app.support.RunningSamverka;

/**
 * The hash chain on the running service: it holds while the events are as written, breaks at
 * exactly the event someone changed in the database behind Samverka's back, holds again when
 * the change is undone, and carries on across a restart.
 */
class TamperEvidenceTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    Path dataDir;

    private static JsonNode awaitChained(ApiClient api, String token, String projectId, int events) {
        String path = "/api/v1/projects/" + projectId + "/audit/verify";
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode result = api.send("GET", path, token, (String) null).require(200);
            assertThat(result.get("checked").asInt()).isEqualTo(events);
            assertThat(result.get("pending").asInt()).isZero();
        });
        return api.send("GET", path, token, (String) null).require(200);
    }

    @Test
    void givenAStoredEventChangedBySql_whenVerified_thenTheChainBreaksExactlyThere() {
        String projectId;
        String facilitator;
        String participant;
        String workshopId;
        String headBefore;
        try (RunningSamverka samverka = RunningSamverka.start(dataDir)) {
            ApiClient api = new ApiClient(samverka.baseUrl());
            facilitator = api.loginAdmin();
            JsonNode workshop = api.createWorkshop(facilitator, "Styrgrupp");
            workshopId = workshop.get("id").asText();
            projectId = workshop.get("projectId").asText();
            participant = api.join(workshop.get("joinCode").asText(), "Anna", "Strömstad").get("token").asText();
            api.rate(participant, workshopId, "set-goals", 2).require(200);
            api.rate(participant, workshopId, "set-goals", 4).require(200);
            api.rate(participant, workshopId, "develop-department", 5).require(200);

            JsonNode intact = awaitChained(api, facilitator, projectId, 6);
            assertThat(intact.get("intact").asBoolean()).isTrue();
            assertThat(intact.get("brokenAt").isNull()).isTrue();
            headBefore = intact.get("head").get("hash").asText();

            String changed = ratingEventOf(api, facilitator, projectId, "4");
            JdbcTemplate jdbc = samverka.context().getBean(JdbcTemplate.class);
            byte[] original = jdbc.queryForObject("SELECT payload FROM DomainEventEntry WHERE eventIdentifier = ?",
                    byte[].class, changed);
            String forged = new String(original, StandardCharsets.UTF_8).replace("\"score\":4", "\"score\":1");
            assertThat(forged).isNotEqualTo(new String(original, StandardCharsets.UTF_8));
            jdbc.update("UPDATE DomainEventEntry SET payload = ? WHERE eventIdentifier = ?",
                    forged.getBytes(StandardCharsets.UTF_8), changed);

            JsonNode broken = api.send("GET", "/api/v1/projects/" + projectId + "/audit/verify", facilitator,
                    (String) null).require(200);
            assertThat(broken.get("intact").asBoolean()).isFalse();
            assertThat(broken.get("brokenAt").get("eventIdentifier").asText()).isEqualTo(changed);
            assertThat(broken.get("brokenAt").get("aggregateIdentifier").asText()).isEqualTo(workshopId);
            assertThat(broken.get("brokenAt").get("sequenceNumber").asLong()).isEqualTo(3);
            assertThat(broken.get("brokenAt").get("reason").asText()).isEqualTo("event-altered");
            assertThat(broken.get("checked").asInt()).isEqualTo(broken.get("brokenAt").get("position").asInt() - 1);

            jdbc.update("UPDATE DomainEventEntry SET payload = ? WHERE eventIdentifier = ?", original, changed);
            JsonNode restored = api.send("GET", "/api/v1/projects/" + projectId + "/audit/verify", facilitator,
                    (String) null).require(200);
            assertThat(restored.get("intact").asBoolean()).isTrue();
            assertThat(restored.get("head").get("hash").asText()).isEqualTo(headBefore);
        }

        try (RunningSamverka samverka = RunningSamverka.start(dataDir)) {
            ApiClient api = new ApiClient(samverka.baseUrl());
            api.rate(participant, workshopId, "set-goals", 3).require(200);

            JsonNode after = awaitChained(api, facilitator, projectId, 7);

            assertThat(after.get("intact").asBoolean()).isTrue();
            assertThat(after.get("head").get("position").asInt()).isEqualTo(7);
        }
    }

    /** The event identifier of the rating that gave {@code score}, from the audit trail. */
    private static String ratingEventOf(ApiClient api, String facilitator, String projectId, String score) {
        await().atMost(PATIENCE).until(() -> api.send("GET", "/api/v1/projects/" + projectId + "/audit?kind=rating",
                facilitator, (String) null).require(200).get("entries").size() == 3);
        for (JsonNode line : api.send("GET", "/api/v1/projects/" + projectId + "/audit?kind=rating", facilitator,
                (String) null).require(200).get("entries")) {
            if (line.get("changes").get(0).get("to").asText().equals(score)
                    && line.get("changes").get(0).get("from").asText().equals("2")) {
                return line.get("id").asText();
            }
        }
        throw new AssertionError("no rating to " + score);
    }
}
