package se.samverka.app.survey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.samverka.app.support.ApiClient;
import se.samverka.app.support.ServiceTest;

/**
 * Every kind of bad survey request gets its 4xx as an RFC 9457 problem and stores no event:
 * answers out of range or of the wrong type, oversized free text, a question not asked of the
 * group, a missing, forged or misused link, answers after closing, and bad questions.
 */
class SurveyBadInputTest extends ServiceTest {
    static SurveyApi surveys;
    static String project;
    static String survey;
    static String closedSurvey;
    static String link;
    static String closedLink;

    @BeforeAll
    static void openSurvey() {
        surveys = new SurveyApi(api);
        project = api.createWorkshop(facilitator, "Enkät").get("projectId").asText();
        survey = surveys.createFromTemplate(facilitator, project);
        surveys.command(facilitator, project, survey, "open").require(200);
        link = SurveyApi.linkFor(surveys.links(facilitator, project, survey), "bengtsfors", "it-chef");
        closedSurvey = surveys.createFromTemplate(facilitator, project);
        surveys.command(facilitator, project, closedSurvey, "open").require(200);
        surveys.command(facilitator, project, closedSurvey, "close").require(200);
        closedLink = SurveyApi.linkFor(surveys.links(facilitator, project, closedSurvey), "bengtsfors", "it-chef");
    }

    static Stream<Arguments> badAnswers() {
        return Stream.of(
                Arguments.of("scale 0", "{\"answers\":[{\"questionId\":\"Q4\",\"scale\":0}],\"submit\":true}", 400),
                Arguments.of("scale 6", "{\"answers\":[{\"questionId\":\"Q4\",\"scale\":6}],\"submit\":true}", 400),
                Arguments.of("scale 2.5", "{\"answers\":[{\"questionId\":\"Q4\",\"scale\":2.5}],\"submit\":true}", 400),
                Arguments.of("scale \"3\"", "{\"answers\":[{\"questionId\":\"Q4\",\"scale\":\"3\"}],\"submit\":true}", 400),
                Arguments.of("text for a scale", "{\"answers\":[{\"questionId\":\"Q4\",\"text\":\"bra\"}],\"submit\":true}", 400),
                Arguments.of("two values", "{\"answers\":[{\"questionId\":\"Q4\",\"scale\":3,\"text\":\"bra\"}],\"submit\":true}", 400),
                Arguments.of("unknown option", "{\"answers\":[{\"questionId\":\"Q3\",\"choices\":[\"Massor\"]}],\"submit\":true}", 400),
                Arguments.of("two options for single choice", "{\"answers\":[{\"questionId\":\"Q3\",\"choices\":"
                        + "[\"Räcker inte till drift\",\"Räcker till drift\"]}],\"submit\":true}", 400),
                Arguments.of("negative SEK", "{\"answers\":[{\"questionId\":\"Q6\",\"number\":-5}],\"submit\":true}", 400),
                Arguments.of("three decimals", "{\"answers\":[{\"questionId\":\"Q6\",\"number\":1.005}],\"submit\":true}", 400),
                Arguments.of("number as text", "{\"answers\":[{\"questionId\":\"Q6\",\"number\":\"tio\"}],\"submit\":true}", 400),
                Arguments.of("question of another group", "{\"answers\":[{\"questionId\":\"Q5\",\"text\":\"x\"}],\"submit\":true}", 400),
                Arguments.of("unknown question", "{\"answers\":[{\"questionId\":\"Q99\",\"scale\":3}],\"submit\":true}", 400),
                Arguments.of("same question twice", "{\"answers\":[{\"questionId\":\"Q4\",\"scale\":3},"
                        + "{\"questionId\":\"Q4\",\"scale\":4}],\"submit\":true}", 400),
                Arguments.of("empty submission", "{\"answers\":[],\"submit\":true}", 400),
                Arguments.of("answers missing", "{\"submit\":true}", 400),
                Arguments.of("malformed JSON", "{\"answers\":[", 400));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badAnswers")
    void givenAnOpenSurvey_whenAnAnswerIsBad_thenProblemAndNothingStored(String what, String body, int status) {
        assertRefused(() -> surveys.answer(link, survey, "bengtsfors", "it-chef", body), status);
    }

    @Test
    void givenAnOpenSurvey_whenFreeTextIsOversized_thenProblemAndNothingStored() {
        String hugeAnswer = "{\"answers\":[{\"questionId\":\"Q5\",\"text\":\"" + "å".repeat(2001) + "\"}],\"submit\":true}";
        String securityLink = SurveyApi.linkFor(surveys.links(facilitator, project, survey), "bengtsfors",
                "informationssakerhetsansvarig");
        assertRefused(() -> surveys.answer(securityLink, survey, "bengtsfors", "informationssakerhetsansvarig", hugeAnswer),
                400);
    }

    @Test
    void givenAnOpenSurvey_whenTheLinkIsMissingForgedOrForAnotherPair_thenRefused() {
        String body = "{\"answers\":[{\"questionId\":\"Q4\",\"scale\":3}],\"submit\":true}";
        assertRefused(() -> surveys.answer(null, survey, "bengtsfors", "it-chef", body), 401);
        String forged = link.substring(0, link.indexOf('.') + 1) + "AAAA" + link.substring(link.indexOf('.') + 5);
        assertRefused(() -> surveys.answer(forged, survey, "bengtsfors", "it-chef", body), 401);
        assertThat(assertRefused(() -> surveys.answer(link, survey, "tanum", "it-chef", body), 403).get("type").asText())
                .endsWith("/link-for-another-organisation");
        assertRefused(() -> surveys.answer(link, survey, "bengtsfors", "ekonomichef", body), 403);
        assertRefused(() -> surveys.answer(link, closedSurvey, "bengtsfors", "it-chef", body), 403);
        assertThat(api.send("GET", "/api/v1/survey-links/" + forged, null, (String) null).status()).isEqualTo(404);
    }

    @Test
    void givenAClosedSurvey_whenAnswered_thenConflictAndNothingStored() {
        String body = "{\"answers\":[{\"questionId\":\"Q4\",\"scale\":3}],\"submit\":false}";
        assertThat(assertRefused(() -> surveys.answer(closedLink, closedSurvey, "bengtsfors", "it-chef", body), 409)
                .get("type").asText()).endsWith("/survey-closed");
    }

    @Test
    void givenADraftSurvey_whenQuestionsAreBad_thenProblemsAndNothingStored() {
        String draft = api.send("POST", "/api/v1/projects/" + project + "/surveys", facilitator,
                Map.of("title", "Egen", "targetGroups", List.of("IT-chef"), "organisations", List.of("Orust")))
                .require(201).get("id").asText();
        String questions = "/api/v1/projects/" + project + "/surveys/" + draft + "/questions";
        assertRefused(() -> api.send("POST", questions, facilitator, "{\"kind\":\"SCALE\",\"text\":\"Fråga\","
                + "\"targetGroups\":[\"Ekonomichef\"]}"), 400);
        assertRefused(() -> api.send("POST", questions, facilitator, "{\"kind\":\"SCALE\",\"text\":\"Fråga\","
                + "\"targetGroups\":[\"IT-chef\"],\"capabilityId\":\"no-such\"}"), 400);
        assertRefused(() -> api.send("POST", questions, facilitator, "{\"kind\":\"NUMBER\",\"text\":\"Fråga\","
                + "\"targetGroups\":[\"IT-chef\"],\"unit\":\"EUR\"}"), 400);
        assertRefused(() -> api.send("POST", questions, facilitator, "{\"kind\":\"SINGLE_CHOICE\",\"text\":\"Fråga\","
                + "\"targetGroups\":[\"IT-chef\"],\"options\":[\"Ja\"]}"), 400);
        assertRefused(() -> api.send("POST", "/api/v1/projects/" + project + "/surveys/" + draft + "/open", facilitator,
                "{}"), 409);
        assertRefused(() -> api.send("POST", "/api/v1/projects/" + project + "/surveys", facilitator,
                Map.of("title", "Dubbel", "targetGroups", List.of("IT-chef", "IT chef"), "organisations",
                        List.of("Orust"))), 400);
        assertRefused(() -> api.send("POST", "/api/v1/projects/" + project + "/surveys", facilitator,
                Map.of("template", "no-such-template")), 404);
    }

    private static JsonNode assertRefused(java.util.function.Supplier<ApiClient.Response> request, int status) {
        long before = samverka.storedEvents();
        ApiClient.Response response = request.get();
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(samverka.storedEvents()).as("nothing stored").isEqualTo(before);
        return response.body();
    }
}
