package se.samverka.app.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.samverka.app.support.LiveClient;
import se.samverka.app.support.ServiceTest;

/**
 * A survey end to end on a real service: the facilitator creates it from the Fyrbodal template
 * and opens it; an IT-chef in Bengtsfors saves a draft, comes back and submits; an ekonomichef
 * in Dals-Ed submits; the facilitator's response-rate board follows over a real STOMP client;
 * results, the capability's evidence beside its workshop ratings, the CSV and the audit trail
 * show the answers; a link used for another organisation and answers after closing change nothing.
 */
class SurveyServiceTest extends ServiceTest {
    static SurveyApi surveys;
    static String project;
    static String workshopId;
    static String participant;

    @BeforeAll
    static void createProject() {
        surveys = new SurveyApi(api);
        JsonNode workshop = api.createWorkshop(facilitator, "Nulägesanalys");
        project = workshop.get("projectId").asText();
        workshopId = workshop.get("id").asText();
        participant = api.join(workshop.get("joinCode").asText(), "Anna", "Uddevalla").get("token").asText();
    }

    @Test
    void givenTwoMunicipalitiesAnswering_thenTheBoardFollowsLiveAndResultsExportAndAuditShowThem() throws Exception {
        String survey = surveys.createFromTemplate(facilitator, project);
        JsonNode detail = surveys.survey(facilitator, project, survey).require(200);
        assertThat(detail.get("questions")).hasSize(6);
        assertThat(detail.get("targetGroups")).hasSize(4);
        assertThat(detail.get("organisations")).hasSize(14);
        assertThat(detail.get("board").get("expected").asInt()).isEqualTo(56);
        JsonNode links = surveys.links(facilitator, project, survey);
        assertThat(links).hasSize(56);
        String bengtsfors = SurveyApi.linkFor(links, "bengtsfors", "it-chef");
        String dalsEd = SurveyApi.linkFor(links, "dals-ed", "ekonomichef");
        String amal = SurveyApi.linkFor(links, "amal", "forvaltningschef");
        assertThat(surveys.answer(bengtsfors, survey, "bengtsfors", "it-chef",
                List.of(Map.of("questionId", "Q4", "scale", 3)), true).status()).as("not open yet").isEqualTo(409);
        surveys.command(facilitator, project, survey, "open").require(200);
        api.rate(participant, workshopId, "understand-needs", 2).require(200);

        try (LiveClient board = LiveClient.connect(samverka.webSocketUrl(), facilitator)
                .subscribe("/topic/projects." + project + ".survey-" + survey)) {
            // The subscription is registered asynchronously: Åmål's draft is saved until its push arrives.
            AtomicInteger probe = new AtomicInteger();
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (!board.messages().isEmpty()) {
                    return true;
                }
                surveys.answer(amal, survey, "amal", "forvaltningschef", List.of(Map.of("questionId", "Q5", "text",
                        "Utkast " + probe.incrementAndGet())), false).require(200);
                return false;
            });

            // Bengtsfors' IT-chef sees their five questions, saves a draft, leaves and comes back to it.
            JsonNode page = surveys.page(bengtsfors).require(200);
            assertThat(page.get("organisation").get("name").asText()).isEqualTo("Bengtsfors");
            assertThat(page.get("targetGroup").get("name").asText()).isEqualTo("IT-chef");
            assertThat(page.get("questions")).extracting(q -> q.get("id").asText())
                    .containsExactly("Q1", "Q2", "Q3", "Q4", "Q6");
            long draftVersion = surveys.answer(bengtsfors, survey, "bengtsfors", "it-chef",
                    List.of(Map.of("questionId", "Q1", "number", 12.5)), false).require(200).get("version").asLong();
            JsonNode again = surveys.pageAt(bengtsfors, draftVersion);
            assertThat(again.get("draft").get(0).get("number").asText()).isEqualTo("12.5");
            assertThat(again.get("submitted").isNull()).isTrue();
            surveys.answer(bengtsfors, survey, "bengtsfors", "it-chef", List.of(
                    Map.of("questionId", "Q1", "number", 12.5),
                    Map.of("questionId", "Q2", "choices", List.of("Infrastruktur och drift", "Arkitektur")),
                    Map.of("questionId", "Q3", "choices", List.of("Räcker till drift")),
                    Map.of("questionId", "Q4", "scale", 4),
                    Map.of("questionId", "Q6", "number", 9_800_000)), true).require(200);
            surveys.answer(dalsEd, survey, "dals-ed", "ekonomichef", List.of(
                    Map.of("questionId", "Q4", "scale", 2),
                    Map.of("questionId", "Q6", "number", 4_200_000)), true).require(200);

            await().atMost(Duration.ofSeconds(10)).until(() -> board.messages().stream()
                    .anyMatch(m -> m.get("board").get("submitted").asInt() == 2));
            List<JsonNode> pushes = board.messages();
            for (int i = 1; i < pushes.size(); i++) {
                assertThat(pushes.get(i).get("version").asLong()).as("versions rise by one")
                        .isEqualTo(pushes.get(i - 1).get("version").asLong() + 1);
            }
            JsonNode last = pushes.get(pushes.size() - 1).get("board");
            assertThat(cell(last, "bengtsfors", "it-chef").get("state").asText()).isEqualTo("submitted");
            assertThat(cell(last, "dals-ed", "ekonomichef").get("state").asText()).isEqualTo("submitted");
            assertThat(cell(last, "amal", "forvaltningschef").get("state").asText()).isEqualTo("draft");
            assertThat(last.toString()).as("the board never says what was answered").doesNotContain("9800000");
        }

        // The link for Bengtsfors cannot answer for Dals-Ed, and nothing is stored.
        long stored = samverka.storedEvents();
        JsonNode refused = surveys.answer(bengtsfors, survey, "dals-ed", "it-chef",
                List.of(Map.of("questionId", "Q4", "scale", 1)), true).require(403);
        assertThat(refused.get("type").asText()).endsWith("/link-for-another-organisation");
        assertThat(samverka.storedEvents()).isEqualTo(stored);

        // Results per question, target group and organisation.
        JsonNode results = api.send("GET", "/api/v1/projects/" + project + "/surveys/" + survey + "/results",
                participant, (String) null).require(200);
        JsonNode support = question(results, "Q4");
        assertThat(support.get("overall").get("mean").asDouble()).isEqualTo(3.0);
        assertThat(support.get("byOrganisation").get("dals-ed").get("mean").asDouble()).isEqualTo(2.0);
        assertThat(support.get("byTargetGroup").get("it-chef").get("mean").asDouble()).isEqualTo(4.0);
        assertThat(question(results, "Q6").get("overall").get("sum").asText()).isEqualTo("14000000");

        // The capability's evidence: the workshop's ratings beside the survey's answers about it.
        JsonNode evidence = await().atMost(Duration.ofSeconds(10)).until(() -> api.send("GET", "/api/v1/projects/"
                + project + "/capabilities/understand-needs/evidence", facilitator, (String) null).require(200),
                e -> e.get("workshops").get("region").get("count").asInt() == 1);
        assertThat(evidence.get("survey").get(0).get("result").get("overall").get("count").asInt()).isEqualTo(2);

        // Bengtsfors changes its mind before closing.
        long changed = surveys.answer(bengtsfors, survey, "bengtsfors", "it-chef",
                List.of(Map.of("questionId", "Q4", "scale", 5)), true).require(200).get("version").asLong();
        assertThat(surveys.pageAt(bengtsfors, changed).get("revision").asInt()).isEqualTo(2);

        // The CSV for Swedish Excel.
        byte[] csv = api.download("/api/v1/projects/" + project + "/surveys/" + survey + "/answers.csv", facilitator)
                .require(200);
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFEnkät;Organisation;Målgrupp;");
        assertThat(text).contains(";Dals-Ed;Ekonomichef;Q6;").contains(";4200000;");
        assertThat(text).as("a draft is not an answer").doesNotContain("Åmål");

        // The audit trail has the answers, by organisation and role, with old → new.
        await().atMost(Duration.ofSeconds(10)).until(() -> audit("survey").size() >= 3);
        List<JsonNode> lines = audit("survey");
        JsonNode change = lines.stream().filter(l -> l.get("summary").get("sv").asText()
                .startsWith("Ändrade enkätsvar")).findFirst().orElseThrow();
        assertThat(change.get("actor").get("role").asText()).isEqualTo("respondent");
        assertThat(change.get("actor").get("id").asText()).isEqualTo("bengtsfors/it-chef");
        assertThat(change.toString()).contains("\"from\":\"4\"").contains("\"to\":\"5\"");

        // Closed: answers are refused with 409 and nothing is stored.
        surveys.command(facilitator, project, survey, "close").require(200);
        stored = samverka.storedEvents();
        JsonNode late = surveys.answer(dalsEd, survey, "dals-ed", "ekonomichef",
                List.of(Map.of("questionId", "Q4", "scale", 3)), true).require(409);
        assertThat(late.get("type").asText()).endsWith("/survey-closed");
        assertThat(samverka.storedEvents()).isEqualTo(stored);
    }

    private static JsonNode cell(JsonNode board, String organisation, String group) {
        for (JsonNode cell : board.get("cells")) {
            if (cell.get("organisation").asText().equals(organisation)
                    && cell.get("targetGroup").asText().equals(group)) {
                return cell;
            }
        }
        throw new AssertionError("no cell " + organisation + "/" + group);
    }

    private static JsonNode question(JsonNode results, String id) {
        for (JsonNode question : results.get("questions")) {
            if (question.get("questionId").asText().equals(id)) {
                return question;
            }
        }
        throw new AssertionError("no question " + id);
    }

    private static List<JsonNode> audit(String kind) {
        JsonNode trail = api.send("GET", "/api/v1/projects/" + project + "/audit?kind=" + kind, facilitator,
                (String) null).require(200);
        List<JsonNode> lines = new java.util.ArrayList<>();
        trail.get("entries").forEach(lines::add);
        return lines;
    }
}
