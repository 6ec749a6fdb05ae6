package se.samverka.app.risk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.samverka.app.support.ApiClient;
import se.samverka.app.support.ServiceTest;
import se.samverka.command.account.FacilitatorAccounts;

/**
 * Every kind of bad risk register request gets the right 4xx as an RFC 9457 problem, and
 * stores no event.
 */
class RiskBadInputTest extends ServiceTest {
    static RiskApi risks;
    static String otherFacilitator;
    static String project;
    static String otherProject;
    static String participant;
    static String otherProjectParticipant;

    @BeforeAll
    static void prepare() {
        risks = new RiskApi(api);
        samverka.context().getBean(FacilitatorAccounts.class).create("eve", "eve-password-1");
        otherFacilitator = api.login("eve", "eve-password-1");
        JsonNode workshop = api.createWorkshop(facilitator, "Risker");
        project = workshop.get("projectId").asText();
        participant = api.join(workshop.get("joinCode").asText(), "Anna", "Uddevalla").get("token").asText();
        JsonNode other = api.createWorkshop(otherFacilitator, "Annat projekt");
        otherProject = other.get("projectId").asText();
        otherProjectParticipant = api.join(other.get("joinCode").asText(), "Bo", "Tanum").get("token").asText();
        risks.register(facilitator, project, "Ändrat uppdrag", 2, 5).require(201);
        risks.register(otherFacilitator, otherProject, "Annan risk", 1, 1).require(201);
    }

    enum Caller { NONE, FACILITATOR, OTHER_FACILITATOR, PARTICIPANT, OTHER_PROJECT_PARTICIPANT }

    static Stream<Arguments> badRequests() {
        String risks = "/api/v1/projects/{p}/risks";
        String r1 = risks + "/R1";
        return Stream.of(
                Arguments.of("S 0", "POST", risks, Caller.FACILITATOR, "{\"threat\":\"Hot\",\"probability\":0,\"impact\":3}", 400),
                Arguments.of("K 6", "POST", risks, Caller.FACILITATOR, "{\"threat\":\"Hot\",\"probability\":3,\"impact\":6}", 400),
                Arguments.of("S 2.5", "POST", risks, Caller.FACILITATOR, "{\"threat\":\"Hot\",\"probability\":2.5,\"impact\":3}", 400),
                Arguments.of("S \"3\"", "POST", risks, Caller.FACILITATOR, "{\"threat\":\"Hot\",\"probability\":\"3\",\"impact\":3}", 400),
                Arguments.of("K missing", "POST", risks, Caller.FACILITATOR, "{\"threat\":\"Hot\",\"probability\":3}", 400),
                Arguments.of("empty threat", "POST", risks, Caller.FACILITATOR, "{\"threat\":\"\",\"probability\":3,\"impact\":3}", 400),
                Arguments.of("blank threat", "POST", risks, Caller.FACILITATOR, "{\"threat\":\"   \",\"probability\":3,\"impact\":3}", 400),
                Arguments.of("threat over 500", "POST", risks, Caller.FACILITATOR,
                        "{\"threat\":\"" + "x".repeat(501) + "\",\"probability\":3,\"impact\":3}", 400),
                Arguments.of("owner over 120", "POST", risks, Caller.FACILITATOR,
                        "{\"threat\":\"Hot\",\"probability\":3,\"impact\":3,\"owner\":\"" + "o".repeat(121) + "\"}", 400),
                Arguments.of("malformed JSON", "POST", risks, Caller.FACILITATOR, "{\"threat\":", 400),
                Arguments.of("reassessment without reason", "POST", r1 + "/assessments", Caller.FACILITATOR,
                        "{\"probability\":4,\"impact\":4}", 400),
                Arguments.of("reassessment K 0", "POST", r1 + "/assessments", Caller.FACILITATOR,
                        "{\"probability\":4,\"impact\":0,\"reason\":\"Skäl\"}", 400),
                Arguments.of("reason over 500", "POST", r1 + "/assessments", Caller.FACILITATOR,
                        "{\"probability\":4,\"impact\":4,\"reason\":\"" + "r".repeat(501) + "\"}", 400),
                Arguments.of("action on unknown risk", "POST", risks + "/R99/actions", Caller.FACILITATOR,
                        "{\"description\":\"Åtgärd\"}", 404),
                Arguments.of("action on malformed risk id", "POST", risks + "/X1/actions", Caller.FACILITATOR,
                        "{\"description\":\"Åtgärd\"}", 404),
                Arguments.of("unknown action", "PUT", r1 + "/actions/A9", Caller.FACILITATOR,
                        "{\"description\":\"Åtgärd\",\"status\":\"DONE\"}", 404),
                Arguments.of("unknown action status", "PUT", r1 + "/actions/A1", Caller.FACILITATOR,
                        "{\"description\":\"Åtgärd\",\"status\":\"FINISHED\"}", 400),
                Arguments.of("impossible due date", "POST", r1 + "/actions", Caller.FACILITATOR,
                        "{\"description\":\"Åtgärd\",\"dueDate\":\"2026-13-45\"}", 400),
                Arguments.of("edit without actionNeeded", "PUT", r1, Caller.FACILITATOR, "{\"threat\":\"Hot\"}", 400),
                Arguments.of("participant registers", "POST", risks, Caller.PARTICIPANT,
                        "{\"threat\":\"Hot\",\"probability\":3,\"impact\":3}", 403),
                Arguments.of("participant reassesses", "POST", r1 + "/assessments", Caller.PARTICIPANT,
                        "{\"probability\":4,\"impact\":4,\"reason\":\"Skäl\"}", 403),
                Arguments.of("participant closes", "POST", r1 + "/close", Caller.PARTICIPANT, null, 403),
                Arguments.of("participant opens estimate", "POST", r1 + "/estimate", Caller.PARTICIPANT, null, 403),
                Arguments.of("participant reveals", "POST", r1 + "/estimate/reveal", Caller.PARTICIPANT, null, 403),
                Arguments.of("participant accepts proposal", "POST", risks + "/proposals/P1/accept", Caller.PARTICIPANT,
                        null, 403),
                Arguments.of("facilitator proposes", "POST", risks + "/proposals", Caller.FACILITATOR,
                        "{\"threat\":\"Hot\",\"probability\":3,\"impact\":3}", 403),
                Arguments.of("participant of another project proposes", "POST", risks + "/proposals",
                        Caller.OTHER_PROJECT_PARTICIPANT, "{\"threat\":\"Hot\",\"probability\":3,\"impact\":3}", 403),
                Arguments.of("participant of another project reads", "GET", risks, Caller.OTHER_PROJECT_PARTICIPANT,
                        null, 403),
                Arguments.of("facilitator of another project registers", "POST", risks, Caller.OTHER_FACILITATOR,
                        "{\"threat\":\"Hot\",\"probability\":3,\"impact\":3}", 403),
                Arguments.of("facilitator of another project reassesses", "POST", r1 + "/assessments",
                        Caller.OTHER_FACILITATOR, "{\"probability\":4,\"impact\":4,\"reason\":\"Skäl\"}", 403),
                Arguments.of("facilitator of another project reads", "GET", risks, Caller.OTHER_FACILITATOR, null, 403),
                Arguments.of("unknown project", "POST", "/api/v1/projects/no-such-project/risks", Caller.FACILITATOR,
                        "{\"threat\":\"Hot\",\"probability\":3,\"impact\":3}", 404),
                Arguments.of("unknown project read", "GET", "/api/v1/projects/no-such-project/risks",
                        Caller.FACILITATOR, null, 404),
                Arguments.of("unknown risk read", "GET", risks + "/R99", Caller.FACILITATOR, null, 404),
                Arguments.of("unknown proposal", "POST", risks + "/proposals/P9/accept", Caller.FACILITATOR, null, 404),
                Arguments.of("no token", "POST", risks, Caller.NONE, "{\"threat\":\"Hot\",\"probability\":3,\"impact\":3}",
                        401),
                Arguments.of("estimate with none open", "PUT", r1 + "/estimate/mine", Caller.PARTICIPANT,
                        "{\"probability\":3,\"impact\":3}", 409),
                Arguments.of("reveal with none open", "POST", r1 + "/estimate/reveal", Caller.FACILITATOR, null, 409),
                Arguments.of("adopt with none open", "POST", r1 + "/estimate/adopt", Caller.FACILITATOR,
                        "{\"probability\":3,\"impact\":3}", 409),
                Arguments.of("estimate K 6", "PUT", r1 + "/estimate/mine", Caller.PARTICIPANT,
                        "{\"probability\":3,\"impact\":6}", 400));
    }

    @ParameterizedTest(name = "{0} -> {5}")
    @MethodSource("badRequests")
    void givenBadRequest_whenSent_thenProblemAndNoEventStored(String name, String method, String path,
                                                              Caller caller, String body, int expectedStatus) {
        long eventsBefore = samverka.storedEvents();

        ApiClient.Response response = api.send(method, path.replace("{p}", project), token(caller), body);

        assertThat(response.status()).as(name + ": " + response.body()).isEqualTo(expectedStatus);
        assertThat(response.contentType()).as(name).startsWith("application/problem+json");
        assertThat(response.body().get("status").asInt()).isEqualTo(expectedStatus);
        assertThat(response.body().get("title").asText()).isNotBlank();
        assertThat(response.body().toString()).as("no stack trace").doesNotContain("Exception", "at se.samverka");
        assertThat(samverka.storedEvents()).as("no event stored for " + name).isEqualTo(eventsBefore);
    }

    @Test
    void givenValueFromTheClient_whenRegistering_thenTheServerComputesItFromSAndK() {
        JsonNode created = risks.register(facilitator, project, Map.of("threat", "Hot med eget värde",
                "probability", 5, "impact", 5, "value", 1, "level", "LOW")).require(201);

        JsonNode risk = RiskApi.riskIn(risks.registerAtLeast(facilitator, project, created.get("version").asLong()),
                created.get("id").asText());
        assertThat(risk.get("value").asInt()).isEqualTo(25);
        assertThat(risk.get("level").asText()).isEqualTo("HIGH");
        assertThat(risk.get("decidedBy").asText()).isEqualTo("COMMISSIONING_PARTY");
    }

    @Test
    void givenValidReassessment_whenSent_thenExactlyItsEventsStored() {
        JsonNode created = risks.register(facilitator, project, "Låg risk", 1, 2).require(201);
        long eventsBefore = samverka.storedEvents();

        JsonNode reassessed = risks.post(facilitator, project, "/" + created.get("id").asText() + "/assessments",
                Map.of("probability", 3, "impact", 3, "reason", "Nytt läge")).require(201);

        assertThat(samverka.storedEvents()).as("reassessed and escalated").isEqualTo(eventsBefore + 2);
        assertThat(reassessed.get("version").asLong()).isEqualTo(created.get("version").asLong() + 2);
    }

    private static String token(Caller caller) {
        return switch (caller) {
            case NONE -> null;
            case FACILITATOR -> facilitator;
            case OTHER_FACILITATOR -> otherFacilitator;
            case PARTICIPANT -> participant;
            case OTHER_PROJECT_PARTICIPANT -> otherProjectParticipant;
        };
    }
}
