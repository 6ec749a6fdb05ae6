package se.samverka.app.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.samverka.app.support.ServiceTest;

/**
 * The environment analysis on a real service: sources registered and marked done, a finding
 * resting on them and linked to a capability appears on the capability's evidence page and in
 * the audit trail; a finding on an unknown source or capability, or by a participant, stores nothing.
 */
class EnvironmentAnalysisServiceTest extends ServiceTest {
    static final String QUESTION = "Vad är kommunernas situation och utmaning på sikt?";

    @Test
    void givenSources_whenAFindingIsRecorded_thenTheCapabilityPageShowsIt_andBadFindingsStoreNothing() {
        JsonNode workshop = api.createWorkshop(facilitator, "Omvärldsanalys");
        String project = workshop.get("projectId").asText();
        String participant = api.join(workshop.get("joinCode").asText(), "Bo", "Tanum").get("token").asText();
        String base = "/api/v1/projects/" + project + "/environment";

        assertThat(api.send("POST", base + "/sources", facilitator, Map.of("kind", "EXTERNAL_EXPERT",
                "organisation", "SKR", "question", QUESTION)).require(201).get("id").asText()).isEqualTo("K1");
        api.send("POST", base + "/sources", facilitator, Map.of("kind", "SIMILAR_INITIATIVE",
                "organisation", "Göliska IT", "question", QUESTION)).require(201);
        api.send("PUT", base + "/sources/K1", facilitator, Map.of("kind", "EXTERNAL_EXPERT", "organisation", "SKR",
                "question", QUESTION, "notes", "Kompetensförsörjningen är den största risken på sikt.",
                "date", "2020-10-12", "status", "DONE")).require(200);

        long stored = samverka.storedEvents();
        assertThat(api.send("POST", base + "/findings", facilitator, Map.of("statement", "Kompetens saknas",
                "sourceIds", List.of("K9"), "capabilityIds", List.of())).status()).isEqualTo(400);
        assertThat(api.send("POST", base + "/findings", facilitator, Map.of("statement", "Kompetens saknas",
                "sourceIds", List.of("K1"), "capabilityIds", List.of("no-such"))).status()).isEqualTo(400);
        assertThat(api.send("POST", base + "/findings", facilitator, Map.of("statement", "x".repeat(501),
                "sourceIds", List.of("K1"), "capabilityIds", List.of())).status()).isEqualTo(400);
        assertThat(api.send("POST", base + "/findings", participant, Map.of("statement", "Kompetens saknas",
                "sourceIds", List.of("K1"), "capabilityIds", List.of())).status()).isEqualTo(403);
        assertThat(api.send("POST", base + "/sources", facilitator, Map.of("organisation", "Utan typ")).status())
                .isEqualTo(400);
        assertThat(samverka.storedEvents()).as("nothing stored").isEqualTo(stored);

        assertThat(api.send("POST", base + "/findings", facilitator, Map.of(
                "statement", "Små kommuner har svårt att rekrytera och behålla IT-kompetens",
                "sourceIds", List.of("K1", "K2"), "capabilityIds", List.of("build-competence")))
                .require(201).get("id").asText()).isEqualTo("F1");

        JsonNode analysis = await().atMost(Duration.ofSeconds(10)).until(() -> api.send("GET", base, participant,
                (String) null).require(200), a -> a.get("findings").size() == 1);
        assertThat(analysis.get("sources").get(0).get("status").asText()).isEqualTo("DONE");
        assertThat(analysis.get("sources").get(0).get("date").asText()).isEqualTo("2020-10-12");

        JsonNode evidence = api.send("GET", "/api/v1/projects/" + project
                + "/capabilities/build-competence/evidence", participant, (String) null).require(200);
        assertThat(evidence.get("findings")).singleElement().satisfies(f -> {
            assertThat(f.get("finding").get("statement").asText()).startsWith("Små kommuner");
            assertThat(f.get("sources")).extracting(s -> s.get("organisation").asText())
                    .containsExactly("SKR", "Göliska IT");
        });
        assertThat(api.send("GET", "/api/v1/projects/" + project + "/capabilities/no-such/evidence", facilitator,
                (String) null).status()).isEqualTo(404);

        api.send("DELETE", base + "/findings/F1", facilitator, (String) null).require(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> api.send("GET", "/api/v1/projects/" + project
                + "/capabilities/build-competence/evidence", facilitator, (String) null).require(200)
                .get("findings").isEmpty());
        JsonNode trail = await().atMost(Duration.ofSeconds(10)).until(() -> api.send("GET", "/api/v1/projects/"
                + project + "/audit?kind=survey", facilitator, (String) null).require(200),
                t -> t.get("entries").size() == 5);
        assertThat(trail.get("entries").get(0).get("type").asText()).isEqualTo("FindingWithdrawnEvent");
    }
}
