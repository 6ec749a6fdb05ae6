package se.samverka.app.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samverka.app.support.ApiClient;
import se.samverka.app.support.ServiceTest;

/**
 * Erasing a participant (crypto-shredding, docs/personal-data.md): their name and organisation
 * are gone from every view, export, audit line, the minutes and the replay — also after a
 * restart rebuilds everything from the events — while their anonymous vote and their rating
 * still count and the hash chain still holds.
 */
class ErasureTest extends ServiceTest {
    static final String NAME = "Erik Eriksson";
    static final String ORGANISATION = "Munkedal";

    @Test
    void givenAParticipantWhoVotedAndRated_whenErased_thenTheirNameIsGoneEverywhereAndTheirVotesStillCount()
            throws Exception {
        JsonNode workshop = api.createWorkshop(facilitator, "Styrgruppsmöte 4");
        String workshopId = workshop.get("id").asText();
        String project = workshop.get("projectId").asText();
        String joinCode = workshop.get("joinCode").asText();
        JsonNode anna = api.join(joinCode, "Anna", "Uddevalla");
        JsonNode erik = api.join(joinCode, NAME, ORGANISATION);
        String erikId = erik.get("participantId").asText();
        for (JsonNode member : List.of(anna, erik)) {
            api.send("PUT", "/api/v1/workshops/" + workshopId + "/meeting/roles/"
                    + member.get("participantId").asText(), facilitator, Map.of("steeringGroup", true)).require(200);
            api.send("PUT", "/api/v1/workshops/" + workshopId + "/meeting/presence", member.get("token").asText(),
                    (String) null).require(200);
            api.rate(member.get("token").asText(), workshopId, "set-goals", 4).require(200);
        }
        api.send("POST", "/api/v1/projects/" + project + "/risks/proposals", erik.get("token").asText(), Map.of(
                "threat", "Nyckelperson slutar", "probability", 3, "impact", 3)).require(201);
        String meeting = "/api/v1/workshops/" + workshopId + "/meeting";
        String secret = api.send("POST", meeting + "/decisions", facilitator, Map.of("proposal",
                "Att fortsätta", "anonymous", true)).require(201).get("id").asText();
        String open = api.send("POST", meeting + "/decisions", facilitator, Map.of("proposal", "Att namnge",
                "openVoting", true)).require(201).get("id").asText();
        for (JsonNode member : List.of(anna, erik)) {
            api.send("PUT", meeting + "/decisions/" + secret + "/vote", member.get("token").asText(),
                    Map.of("option", "continue")).require(200);
            api.send("PUT", meeting + "/decisions/" + open + "/vote", member.get("token").asText(),
                    Map.of("option", "back")).require(200);
        }
        api.send("POST", meeting + "/decisions/" + secret + "/close", facilitator, (String) null).require(200);
        long joinedAt = 2; // the workshop's version once Erik had joined: created 0, Anna 1, Erik 2
        await().atMost(Duration.ofSeconds(10)).until(() -> everything(workshopId, project).contains(NAME));

        assertThat(api.send("DELETE", "/api/v1/workshops/" + workshopId + "/participants/" + erikId
                + "/personal-data", anna.get("token").asText(), (String) null).status()).as("participants may not")
                .isEqualTo(403);
        long erased = api.send("DELETE", "/api/v1/workshops/" + workshopId + "/participants/" + erikId
                + "/personal-data", facilitator, (String) null).require(200).get("version").asLong();
        assertThat(api.send("DELETE", "/api/v1/workshops/" + workshopId + "/participants/" + erikId
                + "/personal-data", facilitator, (String) null).require(200).get("version").asLong())
                .as("erasing twice changes nothing").isEqualTo(erased);
        api.send("POST", meeting + "/decisions/" + open + "/close", facilitator, (String) null).require(200);

        await().atMost(Duration.ofSeconds(15)).until(() -> api.workshop(facilitator, workshopId).require(200)
                .get("version").asLong() >= erased && !everything(workshopId, project).contains(NAME));
        assertErased(workshopId, project, joinedAt);

        await().atMost(Duration.ofSeconds(15)).until(() -> api.send("GET", "/api/v1/projects/" + project
                + "/audit/verify", facilitator, (String) null).require(200).get("pending").asInt() == 0);
        assertThat(api.send("GET", "/api/v1/projects/" + project + "/audit/verify", facilitator, (String) null)
                .require(200).get("intact").asBoolean()).as("the chain still holds").isTrue();
        assertThat(storedPayloads()).as("no event ever held the name in the clear").doesNotContain(NAME)
                .doesNotContain(ORGANISATION).contains("pd1:" + erikId + ":");

        samverka.startAgain();
        api = new ApiClient(samverka.baseUrl());
        facilitator = api.loginAdmin();
        await().atMost(Duration.ofSeconds(30)).until(() -> api.send("GET", "/api/v1/workshops/" + workshopId
                + "/meeting", facilitator, (String) null).status() == 200);
        assertErased(workshopId, project, joinedAt);
    }

    private static void assertErased(String workshopId, String project, long joinedAt) throws Exception {
        String all = everything(workshopId, project);
        assertThat(all).doesNotContain(NAME).doesNotContain(ORGANISATION).contains("Raderad deltagare");
        JsonNode meeting = api.send("GET", "/api/v1/workshops/" + workshopId + "/meeting", facilitator,
                (String) null).require(200);
        JsonNode secret = meeting.get("decisions").get(0);
        assertThat(secret.get("tally").get("continue").asInt()).as("the erased member's anonymous vote counts")
                .isEqualTo(2);
        assertThat(secret.get("result").asText()).isEqualTo("DECIDED");
        assertThat(meeting.get("decisions").get(1).get("votes")).extracting(v -> v.get("displayName").asText())
                .containsExactly("Anna", "Raderad deltagare");
        assertThat(ApiClient.ratingOf(api.workshop(facilitator, workshopId).require(200), "set-goals")
                .get("count").asInt()).as("the erased participant's rating counts").isEqualTo(2);
        String replayed = api.send("GET", "/api/v1/workshops/" + workshopId + "/replay?version=" + joinedAt,
                facilitator, (String) null).require(200).toString();
        assertThat(replayed).doesNotContain(NAME).doesNotContain(ORGANISATION);
        assertThat(MinutesTest.textOf(api.download("/api/v1/workshops/" + workshopId + "/meeting/minutes.pdf",
                facilitator).require(200))).doesNotContain(NAME).contains("Raderad deltagare");
    }

    /** Every view, export, audit line and the minutes that could name a participant, as one text. */
    private static String everything(String workshopId, String project) {
        StringBuilder all = new StringBuilder();
        for (String path : List.of("/api/v1/workshops/" + workshopId, "/api/v1/workshops/" + workshopId + "/meeting",
                "/api/v1/workshops/" + workshopId + "/participants", "/api/v1/projects/" + project + "/risks",
                "/api/v1/projects/" + project + "/audit?limit=200", "/api/v1/workshops/" + workshopId + "/audit",
                "/api/v1/workshops/" + workshopId + "/replay")) {
            ApiClient.Response response = api.send("GET", path, facilitator, (String) null);
            all.append(path).append(' ').append(response.body()).append('\n');
        }
        for (String path : List.of("/api/v1/workshops/" + workshopId + "/export/ratings.csv",
                "/api/v1/projects/" + project + "/audit/export", "/api/v1/workshops/" + workshopId
                        + "/meeting/minutes.md", "/api/v1/workshops/" + workshopId + "/meeting/minutes.md?lang=en")) {
            all.append(path).append(' ').append(new String(api.download(path, facilitator).require(200),
                    StandardCharsets.UTF_8)).append('\n');
        }
        return all.toString();
    }

    private static String storedPayloads() {
        StringBuilder all = new StringBuilder();
        samverka.context().getBean(JdbcTemplate.class).query("SELECT payload FROM DomainEventEntry",
                (java.sql.ResultSet rs) -> {
                    all.append(new String(rs.getBytes(1), StandardCharsets.UTF_8)).append('\n');
                });
        return all.toString();
    }
}
