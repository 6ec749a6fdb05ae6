package se.samverka.app.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.samverka.app.support.LiveClient;
import se.samverka.app.support.LiveProbe;
import se.samverka.app.support.ServiceTest;

/** Scenarios and a sealed dot vote across them, on the running service. */
class ScenariosTest extends ServiceTest {

    private static Map<String, Object> scenario(String name, List<String> capabilities, long cost, String kind,
                                                int months, String priority) {
        return Map.of("name", name, "capabilityIds", capabilities, "costSek", cost, "costKind", kind,
                "durationMonths", months, "priority", priority);
    }

    @Test
    void givenScenarios_whenDotVoteSealedThenRevealed_thenTalliesOnlyAfterReveal() throws Exception {
        JsonNode workshop = api.createWorkshop(facilitator, "Scenarier");
        String id = workshop.get("id").asText();
        String base = "/api/v1/workshops/" + id;
        String anna = api.join(workshop.get("joinCode").asText(), "Anna", "Vänersborg").get("token").asText();
        api.send("PUT", base + "/scenarios/soc", facilitator, scenario("Gemensam SOC",
                List.of("set-goals"), 2_500_000, "ONE_OFF", 12, "HIGH")).require(200);
        api.send("PUT", base + "/scenarios/competence", facilitator, scenario("Gemensam kompetensutveckling",
                List.of("develop-department"), 1_000_000, "PER_YEAR", 36, "MEDIUM")).require(200);

        try (LiveClient live = LiveClient.connect(samverka.webSocketUrl(), anna).subscribeToWorkshop(id)) {
            LiveProbe.awaitSubscribed(api, facilitator, id, live);
            String vote = api.send("POST", base + "/scenario-votes", facilitator,
                    Map.of("method", "DOTS", "dotsPerPerson", 3)).require(201).get("voteId").asText();
            assertThat(api.send("PUT", base + "/scenario-votes/" + vote + "/ballot", anna,
                    Map.of("dots", Map.of("soc", 4))).status()).as("more dots than allowed").isEqualTo(400);
            long cast = api.send("PUT", base + "/scenario-votes/" + vote + "/ballot", anna,
                    Map.of("dots", Map.of("soc", 2, "competence", 1))).require(200).get("version").asLong();
            await().atMost(Duration.ofSeconds(10)).until(() -> live.messages().stream()
                    .anyMatch(m -> m.get("version").asLong() == cast));

            assertThat(live.messages().stream().filter(m -> m.get("type").asText().equals("scenario-vote.changed")))
                    .allSatisfy(m -> assertThat(m.get("vote").get("results").isNull()).isTrue());
            JsonNode snapshot = api.workshop(anna, id).require(200);
            assertThat(snapshot.get("scenarios")).hasSize(2);
            assertThat(snapshot.get("scenarioVotes").get(0).get("voterCount").asInt()).isEqualTo(1);
            assertThat(snapshot.get("scenarioVotes").get(0).get("results").isNull()).isTrue();
            assertThat(api.send("GET", base + "/scenario-votes/" + vote + "/my-ballot", anna, (String) null)
                    .require(200).get("dots").get("soc").asInt()).isEqualTo(2);

            api.send("POST", base + "/scenario-votes/" + vote + "/close", facilitator, (String) null).require(200);
            assertThat(api.send("PUT", base + "/scenario-votes/" + vote + "/ballot", anna,
                    Map.of("dots", Map.of("soc", 1))).status()).as("closed vote").isEqualTo(409);
            assertThat(api.send("PUT", base + "/scenario-votes/no-such/ballot", anna,
                    Map.of("dots", Map.of("soc", 1))).status()).as("foreign vote").isEqualTo(404);
            long revealed = api.send("POST", base + "/scenario-votes/" + vote + "/reveal", facilitator,
                    (String) null).require(200).get("version").asLong();
            await().atMost(Duration.ofSeconds(10)).until(() -> live.messages().stream()
                    .anyMatch(m -> m.get("version").asLong() == revealed));

            JsonNode results = api.workshop(anna, id).require(200).get("scenarioVotes").get(0).get("results");
            assertThat(results.get(0).get("scenarioId").asText()).isEqualTo("soc");
            assertThat(results.get(0).get("dots").asInt()).isEqualTo(2);
            assertThat(results.get(1).get("dots").asInt()).isEqualTo(1);
        }
    }

    @Test
    void givenBadScenario_whenDefined_thenProblemAndNoEvent() {
        JsonNode workshop = api.createWorkshop(facilitator, "Fel scenario");
        String base = "/api/v1/workshops/" + workshop.get("id").asText();
        long before = samverka.storedEvents();

        assertThat(api.send("PUT", base + "/scenarios/x", facilitator, scenario("X", List.of("no-such"), 1,
                "ONE_OFF", 1, "LOW")).status()).isEqualTo(404);
        assertThat(api.send("PUT", base + "/scenarios/x", facilitator, scenario("X", List.of(), -5,
                "ONE_OFF", 1, "LOW")).status()).isEqualTo(400);
        assertThat(api.send("PUT", base + "/scenarios/x", facilitator, scenario("x".repeat(121), List.of(), 1,
                "ONE_OFF", 1, "LOW")).status()).isEqualTo(400);
        assertThat(api.send("PUT", base + "/scenarios/x", facilitator, scenario("X", List.of(), 1,
                "SOMETIMES", 1, "LOW")).status()).isEqualTo(400);
        assertThat(api.send("POST", base + "/scenario-votes", facilitator, Map.of("method", "DOTS")).status())
                .as("fewer than two scenarios").isEqualTo(409);

        assertThat(samverka.storedEvents()).isEqualTo(before);
    }
}
