package se.samverka.app.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.samverka.app.support.ApiClient;
import se.samverka.app.support.LiveClient;
import se.samverka.app.support.ServiceTest;
import se.samverka.command.account.FacilitatorAccounts;

/**
 * The audit trail end to end: real commands with real request ids, the trail as each kind of
 * reader may see it, its live streams over real STOMP clients, and its JSON export.
 */
class AuditTrailTest extends ServiceTest {
    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    static String otherFacilitator;

    @BeforeAll
    static void prepare() {
        samverka.context().getBean(FacilitatorAccounts.class).create("eva", "another-password");
        otherFacilitator = api.login("eva", "another-password");
    }

    private static JsonNode trail(String token, String path) {
        return api.send("GET", path, token, (String) null).require(200);
    }

    private static JsonNode awaitLines(String token, String path, int count) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(trail(token, path).get("entries")).hasSize(count));
        return trail(token, path);
    }

    private static void rate(String token, String workshopId, int score, String requestId) {
        api.send("PUT", "/api/v1/workshops/" + workshopId + "/capabilities/set-goals/rating", token,
                "{\"score\":" + score + "}", Map.of("X-Request-Id", requestId)).require(200);
    }

    @Test
    void givenAMeeting_whenTheFacilitatorReadsTheTrail_thenEachEventIsALineWithWhoWhatOldToNewAndItsRequest() {
        JsonNode workshop = api.createWorkshop(facilitator, "Förmågekartläggning Fyrbodal");
        String workshopId = workshop.get("id").asText();
        String projectId = workshop.get("projectId").asText();
        JsonNode anna = api.join(workshop.get("joinCode").asText(), "Anna Öberg", "Uddevalla");
        rate(anna.get("token").asText(), workshopId, 2, "req-anna-1");
        rate(anna.get("token").asText(), workshopId, 4, "req-anna-2");

        JsonNode lines = awaitLines(facilitator, "/api/v1/projects/" + projectId + "/audit", 5).get("entries");

        assertThat(lines.findValuesAsText("kind")).containsExactly("rating", "rating", "participation", "workshop",
                "project");
        JsonNode replaced = lines.get(0);
        assertThat(replaced.get("actor").get("role").asText()).isEqualTo("participant");
        assertThat(replaced.get("actor").get("name").asText()).isEqualTo("Anna Öberg");
        assertThat(replaced.get("actor").get("organisation").asText()).isEqualTo("Uddevalla");
        assertThat(replaced.get("summary").get("sv").asText()).contains("från 2 till 4");
        assertThat(replaced.get("changes").get(0).get("from").asText()).isEqualTo("2");
        assertThat(replaced.get("changes").get(0).get("to").asText()).isEqualTo("4");
        assertThat(replaced.get("requestId").asText()).isEqualTo("req-anna-2");
        assertThat(lines.get(1).get("requestId").asText()).isEqualTo("req-anna-1");
        assertThat(replaced.get("correlationId").asText()).isNotBlank();
        assertThat(replaced.get("occurredAt").asText()).isNotBlank();
        assertThat(lines.get(3).get("actor").get("name").asText()).isEqualTo("admin");
        // The workshop and the project were created by one request: one correlation.
        assertThat(lines.get(3).get("requestId").asText()).isEqualTo(lines.get(4).get("requestId").asText());

        JsonNode ratings = trail(facilitator, "/api/v1/workshops/" + workshopId + "/audit?kind=rating");
        assertThat(ratings.get("entries")).hasSize(2);
        assertThat(ratings.get("latest").asLong()).isEqualTo(4);
        JsonNode byAnna = trail(facilitator, "/api/v1/projects/" + projectId + "/audit?actor=participant:"
                + anna.get("participantId").asText());
        assertThat(byAnna.get("entries")).hasSize(3);
        JsonNode page = trail(facilitator, "/api/v1/projects/" + projectId + "/audit?limit=2");
        assertThat(page.get("entries").findValuesAsText("sequence")).containsExactly("5", "4");
        JsonNode older = trail(facilitator, "/api/v1/projects/" + projectId + "/audit?limit=2&before="
                + page.get("nextBefore").asLong());
        assertThat(older.get("entries").findValuesAsText("sequence")).containsExactly("3", "2");
        JsonNode none = trail(facilitator, "/api/v1/projects/" + projectId + "/audit?from=2999-01-01T00:00:00Z");
        assertThat(none.get("entries")).isEmpty();
    }

    @Test
    void givenAParticipant_whenReadingTrails_thenOnlyTheirOwnWorkshopsAndNotWhoRatedWhat() {
        JsonNode mine = api.createWorkshop(facilitator, "Workshop A");
        JsonNode other = api.createWorkshop(facilitator, "Workshop B");
        JsonNode anna = api.join(mine.get("joinCode").asText(), "Anna", "Orust");
        JsonNode bo = api.join(mine.get("joinCode").asText(), "Bo", "Tanum");
        String annaToken = anna.get("token").asText();
        rate(bo.get("token").asText(), mine.get("id").asText(), 5, "req-bo");
        rate(annaToken, mine.get("id").asText(), 1, "req-anna");

        JsonNode seen = awaitLines(annaToken, "/api/v1/workshops/" + mine.get("id").asText() + "/audit", 5)
                .get("entries");

        assertThat(seen.get(0).get("actor").get("name").asText()).isEqualTo("Anna");
        assertThat(seen.get(1).get("actor").get("anonymous").asBoolean()).isTrue();
        assertThat(seen.get(1).get("actor").get("name").isNull()).isTrue();
        assertThat(seen.get(1).get("actor").get("id").isNull()).isTrue();
        assertThat(seen.get(2).get("actor").get("name").asText()).isEqualTo("Bo");

        String otherWorkshop = "/api/v1/workshops/" + other.get("id").asText() + "/audit";
        assertThat(api.send("GET", otherWorkshop, annaToken, (String) null).status()).isEqualTo(403);
        assertThat(api.download(otherWorkshop + "/export", annaToken).status()).isEqualTo(403);
        String project = "/api/v1/projects/" + mine.get("projectId").asText() + "/audit";
        assertThat(api.send("GET", project, annaToken, (String) null).status()).isEqualTo(403);
        assertThat(api.send("GET", project, otherFacilitator, (String) null).status()).isEqualTo(403);
        assertThat(api.send("GET", project + "/verify", annaToken, (String) null).status()).isEqualTo(403);
        assertThat(api.send("GET", project + "/verify", otherFacilitator, (String) null).status()).isEqualTo(403);
        assertThat(api.send("GET", "/api/v1/workshops/" + mine.get("id").asText() + "/audit", otherFacilitator,
                (String) null).status()).isEqualTo(403);
        assertThat(api.send("GET", project + "?limit=0", facilitator, (String) null).status()).isEqualTo(400);
        assertThat(api.send("GET", project + "?from=yesterday", facilitator, (String) null).status()).isEqualTo(400);
        assertThat(api.send("GET", project + "?actor=anna", facilitator, (String) null).status()).isEqualTo(400);
        assertThat(api.send("GET", "/api/v1/projects/no-such/audit", facilitator, (String) null).status())
                .isEqualTo(404);
    }

    @Test
    void givenLiveFollowers_whenSomeoneRates_thenTheLineArrivesWithTheNextVersionOfEachStream() throws Exception {
        JsonNode workshop = api.createWorkshop(facilitator, "Live");
        String workshopId = workshop.get("id").asText();
        String projectId = workshop.get("projectId").asText();
        JsonNode anna = api.join(workshop.get("joinCode").asText(), "Anna", "Lysekil");
        JsonNode bo = api.join(workshop.get("joinCode").asText(), "Bo", "Sotenäs");
        String projectStream = "/topic/projects." + projectId + ".audit";
        String workshopStream = "/topic/workshops." + workshopId + ".audit";

        try (LiveClient facilitatorLive = LiveClient.connect(samverka.webSocketUrl(), facilitator)
                .subscribe(projectStream);
             LiveClient boLive = LiveClient.connect(samverka.webSocketUrl(), bo.get("token").asText())
                     .subscribe(workshopStream)) {
            awaitSubscribed(workshop.get("joinCode").asText(), facilitatorLive, boLive);
            long projectVersion = trail(facilitator, "/api/v1/projects/" + projectId + "/audit").get("latest")
                    .asLong();

            rate(anna.get("token").asText(), workshopId, 3, "req-live");

            await().atMost(PATIENCE).until(() -> lastOf(facilitatorLive).get("version").asLong() == projectVersion + 1);
            JsonNode line = lastOf(facilitatorLive).get("entry");
            assertThat(lastOf(facilitatorLive).get("type").asText()).isEqualTo("audit.entry");
            assertThat(line.get("actor").get("name").asText()).isEqualTo("Anna");
            assertThat(line.get("requestId").asText()).isEqualTo("req-live");
            await().atMost(PATIENCE).until(() -> "req-live".equals(lastOf(boLive).get("entry").get("requestId")
                    .asText()));
            assertThat(lastOf(boLive).get("entry").get("actor").get("anonymous").asBoolean()).isTrue();
            for (LiveClient client : List.of(facilitatorLive, boLive)) {
                assertConsecutive(client.messages());
            }
        }
        try (LiveClient boOnProject = LiveClient.connect(samverka.webSocketUrl(), bo.get("token").asText())) {
            boOnProject.subscribe(projectStream);
            await().atMost(PATIENCE).until(() -> !boOnProject.errors().isEmpty());
            // Refused with an ERROR frame and a closed session; under load the frame can lose the race with the close.
            assertThat(String.join(" ", boOnProject.errors())).containsAnyOf("may not subscribe", "Connection closed");
            assertThat(boOnProject.messages()).isEmpty();
        }
    }

    @Test
    void givenATrail_whenExported_thenAJsonFileWithEveryLineOldestFirst() throws Exception {
        JsonNode workshop = api.createWorkshop(facilitator, "Export");
        JsonNode anna = api.join(workshop.get("joinCode").asText(), "Anna", "Vänersborg");
        rate(anna.get("token").asText(), workshop.get("id").asText(), 4, "req-export");
        String projectId = workshop.get("projectId").asText();
        awaitLines(facilitator, "/api/v1/projects/" + projectId + "/audit", 4);

        ApiClient.Download download = api.download("/api/v1/projects/" + projectId + "/audit/export", facilitator);

        JsonNode export = JSON.readTree(download.require(200));
        assertThat(download.headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("attachment").contains(".json");
        assertThat(export.get("projectId").asText()).isEqualTo(projectId);
        assertThat(export.get("exportedBy").asText()).isEqualTo("facilitator:admin");
        assertThat(export.get("entries").findValuesAsText("sequence")).containsExactly("1", "2", "3", "4");
        assertThat(export.get("entries").get(3).get("actor").get("name").asText()).isEqualTo("Anna");
        assertThat(export.get("entries").get(3).get("requestId").asText()).isEqualTo("req-export");
        JsonNode ownExport = JSON.readTree(api.download("/api/v1/workshops/" + workshop.get("id").asText()
                + "/audit/export?kind=rating", anna.get("token").asText()).require(200));
        assertThat(ownExport.get("entries")).hasSize(1);
        assertThat(ownExport.get("filters").get("kinds").get(0).asText()).isEqualTo("rating");
    }

    private static JsonNode lastOf(LiveClient client) {
        List<JsonNode> messages = client.messages();
        return messages.isEmpty() ? JSON.createObjectNode().put("version", -1)
                .set("entry", JSON.createObjectNode().put("requestId", "")) : messages.get(messages.size() - 1);
    }

    private static void assertConsecutive(List<JsonNode> messages) {
        List<Long> versions = new ArrayList<>();
        messages.forEach(m -> versions.add(m.get("version").asLong()));
        for (int i = 1; i < versions.size(); i++) {
            assertThat(versions.get(i)).as("versions " + versions).isEqualTo(versions.get(i - 1) + 1);
        }
    }

    /** A probe join is pushed on every audit stream; once every client saw one, all are subscribed. */
    private static void awaitSubscribed(String joinCode, LiveClient... clients) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).until(() -> {
            boolean all = true;
            for (LiveClient client : clients) {
                all &= client.messages().stream().anyMatch(m -> "Probe".equals(m.get("entry").get("actor")
                        .path("name").asText()));
            }
            if (!all) {
                api.join(joinCode, "Probe", "Probe");
            }
            return all;
        });
    }
}
