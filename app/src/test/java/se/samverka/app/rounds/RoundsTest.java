package se.samverka.app.rounds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.samverka.app.support.ApiClient;
import se.samverka.app.support.LiveClient;
import se.samverka.app.support.LiveProbe;
import se.samverka.app.support.ServiceTest;

/**
 * Voting rounds on the running service: sealing holds over HTTP and STOMP until the reveal,
 * anonymity keeps names off the facilitator's screen, and ratings outside rounds are refused.
 */
class RoundsTest extends ServiceTest {

    private static String openRound(String workshopId, Map<String, ?> body) {
        return api.send("POST", "/api/v1/workshops/" + workshopId + "/rounds", facilitator, body).require(201)
                .get("roundId").asText();
    }

    /** A round's voter count as a client last heard it: from round.progress or workshop.changes. */
    private static int lastVoterCount(List<JsonNode> messages, String roundId) {
        int count = -1;
        for (JsonNode message : messages) {
            String type = message.get("type").asText();
            if (type.equals("round.progress") && message.get("roundId").asText().equals(roundId)) {
                count = message.get("voterCount").asInt();
            } else if (type.equals("workshop.changes")) {
                for (JsonNode round : message.get("rounds")) {
                    if (round.get("id").asText().equals(roundId)) {
                        count = round.get("voterCount").asInt();
                    }
                }
            }
        }
        return count;
    }

    private static JsonNode roundIn(JsonNode workshop, String roundId) {
        for (JsonNode round : workshop.get("rounds")) {
            if (round.get("id").asText().equals(roundId)) {
                return round;
            }
        }
        throw new AssertionError("no round " + roundId);
    }

    @Test
    void givenSealedRound_whenParticipantsRate_thenNoValueReachesAnyoneUntilReveal() throws Exception {
        JsonNode workshop = api.createWorkshop(facilitator, "Förseglad omgång");
        String workshopId = workshop.get("id").asText();
        String code = workshop.get("joinCode").asText();
        String anna = api.join(code, "Anna", "Uddevalla").get("token").asText();
        String bo = api.join(code, "Bo", "Tanum").get("token").asText();

        try (LiveClient annaLive = LiveClient.connect(samverka.webSocketUrl(), anna).subscribeToWorkshop(workshopId)) {
            LiveProbe.awaitSubscribed(api, facilitator, workshopId, annaLive);
            String roundId = openRound(workshopId, Map.of("scope", Map.of("kind", "SUBTREE", "target", "set-goals")));
            api.rate(anna, workshopId, "set-goals", 5).require(200);
            api.rate(bo, workshopId, "set-goals", 3).require(200);
            long lastVersion = api.rate(bo, workshopId, "understand-priorities", 1).require(200).get("version").asLong();
            await().atMost(Duration.ofSeconds(10)).until(() -> annaLive.messages().stream()
                    .anyMatch(m -> m.get("version").asLong() == lastVersion));

            // Nothing of the sealed round's values on the participant's stream or in any GET.
            List<JsonNode> roundMessages = annaLive.messages().stream()
                    .filter(m -> m.get("type").asText().startsWith("round.")).toList();
            assertThat(roundMessages).extracting(m -> m.get("type").asText())
                    .isSubsetOf("round.opened", "round.progress");
            assertThat(roundMessages).allSatisfy(m -> {
                assertThat(m.has("rating")).isFalse();
                assertThat(m.path("round").path("results").isNull() || m.path("round").isMissingNode()).isTrue();
            });
            // Conflated pushes carry the round as the snapshot does: results null while sealed.
            List<JsonNode> conflated = annaLive.messages().stream()
                    .filter(m -> m.get("type").asText().equals("workshop.changes")).toList();
            assertThat(conflated).allSatisfy(m -> {
                assertThat(m.get("rounds")).allSatisfy(r -> assertThat(r.get("results").isNull()).isTrue());
                assertThat(m.get("capabilities")).isEmpty();
            });
            assertThat(lastVoterCount(annaLive.messages(), roundId)).isEqualTo(2);
            JsonNode snapshot = api.workshop(anna, workshopId).require(200);
            assertThat(snapshot.get("mode").asText()).isEqualTo("rounds");
            assertThat(roundIn(snapshot, roundId).get("results").isNull()).isTrue();
            assertThat(roundIn(snapshot, roundId).get("voterCount").asInt()).isEqualTo(2);
            assertThat(roundIn(snapshot, roundId).has("voterIds")).isFalse();
            assertThat(ApiClient.ratingOf(snapshot, "set-goals").get("count").asInt()).isZero();
            assertThat(api.send("GET", "/api/v1/workshops/" + workshopId + "/results?round=" + roundId, anna,
                    (String) null).status()).isEqualTo(409);
            assertThat(api.send("GET", "/api/v1/workshops/" + workshopId + "/results?round=" + roundId, facilitator,
                    (String) null).status()).isEqualTo(409);
            assertThat(api.send("GET", "/api/v1/workshops/" + workshopId + "/results", anna, (String) null)
                    .require(200).get("ratingCount").asInt()).isZero();
            assertThat(api.send("GET", "/api/v1/workshops/" + workshopId + "/my-ratings?round=" + roundId, anna,
                    (String) null).require(200).get("set-goals").asInt()).isEqualTo(5);

            // Outside the round's subtree, and after closing, ratings are refused.
            assertThat(api.rate(anna, workshopId, "develop-department", 4).status()).isEqualTo(409);
            api.send("POST", "/api/v1/workshops/" + workshopId + "/rounds/" + roundId + "/close", facilitator,
                    (String) null).require(200);
            assertThat(api.rate(anna, workshopId, "set-goals", 4).status()).isEqualTo(409);

            long revealed = api.send("POST", "/api/v1/workshops/" + workshopId + "/rounds/" + roundId + "/reveal",
                    facilitator, (String) null).require(200).get("version").asLong();
            await().atMost(Duration.ofSeconds(10)).until(() -> annaLive.messages().stream()
                    .anyMatch(m -> m.get("version").asLong() == revealed));
            JsonNode reveal = annaLive.messages().stream().filter(m -> m.get("type").asText().equals("round.revealed"))
                    .findFirst().orElseThrow();
            assertThat(reveal.get("results").get(0).get("capabilityId").asText()).isEqualTo("set-goals");
            assertThat(reveal.get("results").get(0).get("rating").get("mean").asDouble()).isEqualTo(4.0);

            JsonNode results = api.send("GET", "/api/v1/workshops/" + workshopId + "/results?round=" + roundId, anna,
                    (String) null).require(200);
            assertThat(results.get("organisations").toString()).isEqualTo("[\"Tanum\",\"Uddevalla\"]");
            assertThat(results.get("heatmap").get("rows")).hasSize(2);
            JsonNode current = api.send("GET", "/api/v1/workshops/" + workshopId + "/results", anna, (String) null)
                    .require(200);
            assertThat(current.get("ratingCount").asInt()).isEqualTo(3);
            JsonNode regional = api.send("GET", "/api/v1/projects/" + workshop.get("projectId").asText() + "/results",
                    facilitator, (String) null).require(200);
            assertThat(regional.get("ratingCount").asInt()).isEqualTo(3);
        }
    }

    @Test
    void givenAnonymousRound_whenFacilitatorChecksWhoVoted_thenOnlyCounts_andNamedRoundShowsNames() {
        JsonNode workshop = api.createWorkshop(facilitator, "Anonym omgång");
        String workshopId = workshop.get("id").asText();
        String anna = api.join(workshop.get("joinCode").asText(), "Anna", "Lysekil").get("token").asText();
        api.join(workshop.get("joinCode").asText(), "Bo", "Orust");

        String anonymous = openRound(workshopId, Map.of("anonymous", true));
        api.rate(anna, workshopId, "set-goals", 2).require(200);
        String path = "/api/v1/workshops/" + workshopId + "/rounds/" + anonymous + "/participation";
        // The round reaches the read model a moment after the command: until then it is a 404.
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() ->
                api.send("GET", path, facilitator, (String) null).require(200).get("voted").asInt() == 1);
        JsonNode participation = api.send("GET", path, facilitator, (String) null).require(200);
        assertThat(participation.get("notVoted").asInt()).isEqualTo(1);
        assertThat(participation.get("votedNames")).isEmpty();
        assertThat(api.send("GET", path, anna, (String) null).status()).isEqualTo(403);

        api.send("POST", "/api/v1/workshops/" + workshopId + "/rounds/" + anonymous + "/close", facilitator,
                (String) null).require(200);
        String named = openRound(workshopId, Map.of("anonymous", false, "ratingMode", "PER_DIMENSION"));
        assertThat(api.rate(anna, workshopId, "set-goals", 3).status()).as("overall in a dimension round")
                .isEqualTo(404);
        assertThat(api.send("PUT", "/api/v1/workshops/" + workshopId + "/capabilities/set-goals/rating", anna,
                Map.of("score", 3, "dimension", "people")).status()).isEqualTo(200);
        String namedPath = "/api/v1/workshops/" + workshopId + "/rounds/" + named + "/participation";
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() ->
                api.send("GET", namedPath, facilitator, (String) null).require(200).get("voted").asInt() == 1);
        assertThat(api.send("GET", namedPath, facilitator, (String) null).require(200).get("votedNames").toString())
                .isEqualTo("[\"Anna\"]");
    }

    @Test
    void givenModeVotes_whenParticipantReloads_thenOwnVoteAndDistributionAndAgreedMode() {
        JsonNode workshop = api.createWorkshop(facilitator, "Ansvar");
        String workshopId = workshop.get("id").asText();
        String base = "/api/v1/workshops/" + workshopId + "/capabilities/set-goals";
        String anna = api.join(workshop.get("joinCode").asText(), "Anna", "Tanum").get("token").asText();
        String bo = api.join(workshop.get("joinCode").asText(), "Bo", "Lysekil").get("token").asText();

        api.send("PUT", base + "/responsibility", anna, Map.of("mode", "own")).require(200);
        api.send("PUT", base + "/responsibility", bo, Map.of("mode", "COLLABORATION")).require(200);
        api.send("PUT", base + "/responsibility", anna, Map.of("mode", "COLLABORATION")).require(200);
        long last = api.send("PUT", base + "/agreed-responsibility", facilitator, Map.of("mode", "COLLABORATION"))
                .require(200).get("version").asLong();

        await().atMost(Duration.ofSeconds(10)).until(() ->
                api.workshop(anna, workshopId).require(200).get("version").asLong() == last);
        JsonNode modes = ApiClient.ratingOf(api.workshop(anna, workshopId).require(200), "set-goals");
        JsonNode capability = null;
        for (JsonNode c : api.workshop(anna, workshopId).require(200).get("capabilities")) {
            if (c.get("id").asText().equals("set-goals")) {
                capability = c;
            }
        }
        assertThat(modes.get("count").asInt()).isZero();
        assertThat(capability.get("modes").toString())
                .isEqualTo("{\"own\":0,\"collaboration\":2,\"procurement\":0,\"agreed\":\"COLLABORATION\"}");
        assertThat(api.send("GET", "/api/v1/workshops/" + workshopId + "/my-modes", anna, (String) null)
                .require(200).get("set-goals").asText()).isEqualTo("COLLABORATION");
    }

    @Test
    void givenBadRoundRequests_whenSent_thenProblemsAndNoEvent() {
        JsonNode workshop = api.createWorkshop(facilitator, "Fel");
        String workshopId = workshop.get("id").asText();
        String anna = api.join(workshop.get("joinCode").asText(), "Anna", "Tanum").get("token").asText();
        long before = samverka.storedEvents();

        assertThat(api.send("POST", "/api/v1/workshops/" + workshopId + "/rounds", anna, Map.of()).status())
                .isEqualTo(403);
        assertThat(api.send("POST", "/api/v1/workshops/" + workshopId + "/rounds", facilitator,
                Map.of("scope", Map.of("kind", "CATEGORY", "target", "no-such"))).status()).isEqualTo(404);
        assertThat(api.send("POST", "/api/v1/workshops/" + workshopId + "/rounds", facilitator,
                Map.of("timeLimitSeconds", 1)).status()).isEqualTo(400);
        assertThat(api.send("POST", "/api/v1/workshops/" + workshopId + "/rounds", facilitator,
                Map.of("ratingMode", "SIDEWAYS")).status()).isEqualTo(400);
        assertThat(api.send("POST", "/api/v1/workshops/" + workshopId + "/rounds/no-such/reveal", facilitator,
                (String) null).status()).isEqualTo(404);
        assertThat(api.send("PUT", "/api/v1/workshops/" + workshopId + "/capabilities/set-goals/responsibility",
                anna, Map.of("mode", "MAYBE")).status()).isEqualTo(400);
        assertThat(api.send("PUT", "/api/v1/workshops/" + workshopId + "/capabilities/set-goals/agreed-responsibility",
                anna, Map.of("mode", "OWN")).status()).isEqualTo(403);
        assertThat(api.send("PUT", "/api/v1/workshops/" + workshopId + "/capabilities/set-goals/rating", anna,
                Map.of("score", 3, "dimension", "people")).status()).as("dimension in free rating").isEqualTo(400);

        assertThat(samverka.storedEvents()).isEqualTo(before);
    }
}
