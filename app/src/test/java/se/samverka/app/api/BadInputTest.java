package se.samverka.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.samverka.app.support.ApiClient;
import se.samverka.app.support.ServiceTest;

/**
 * Every kind of bad request gets the right 4xx as an RFC 9457 problem, and stores no event.
 */
class BadInputTest extends ServiceTest {
    static String workshopId;
    static String participant;
    static String otherWorkshopParticipant;

    @BeforeAll
    static void start() {
        JsonNode workshop = api.createWorkshop(facilitator, "Indata");
        workshopId = workshop.get("id").asText();
        participant = api.join(workshop.get("joinCode").asText(), "Anna", "Uddevalla").get("token").asText();
        JsonNode other = api.createWorkshop(facilitator, "Annan");
        otherWorkshopParticipant = api.join(other.get("joinCode").asText(), "Bo", "Tanum").get("token").asText();
    }

    enum Caller { NONE, FACILITATOR, PARTICIPANT, OTHER_PARTICIPANT, FORGED }

    static Stream<Arguments> badRequests() {
        String rating = "/api/v1/workshops/{w}/capabilities/set-goals/rating";
        return Stream.of(
                Arguments.of("score 0", "PUT", rating, Caller.PARTICIPANT, "{\"score\":0}", 400),
                Arguments.of("score 6", "PUT", rating, Caller.PARTICIPANT, "{\"score\":6}", 400),
                Arguments.of("score 2.5", "PUT", rating, Caller.PARTICIPANT, "{\"score\":2.5}", 400),
                Arguments.of("score \"x\"", "PUT", rating, Caller.PARTICIPANT, "{\"score\":\"x\"}", 400),
                Arguments.of("score \"3\" as text", "PUT", rating, Caller.PARTICIPANT, "{\"score\":\"3\"}", 400),
                Arguments.of("score missing", "PUT", rating, Caller.PARTICIPANT, "{}", 400),
                Arguments.of("score \"\" (empty text)", "PUT", rating, Caller.PARTICIPANT, "{\"score\":\"\"}", 400),
                // Found by BadInputFuzzTest: Jackson read a blank string as "no value" and the round opened.
                Arguments.of("round time limit \"\\u0000\"", "POST", "/api/v1/workshops/{w}/rounds",
                        Caller.FACILITATOR, "{\"timeLimitSeconds\":\"\\u0000\"}", 400),
                Arguments.of("round time limit \"  \"", "POST", "/api/v1/workshops/{w}/rounds", Caller.FACILITATOR,
                        "{\"timeLimitSeconds\":\"  \"}", 400),
                Arguments.of("round sealed \"\"", "POST", "/api/v1/workshops/{w}/rounds", Caller.FACILITATOR,
                        "{\"sealed\":\"\"}", 400),
                Arguments.of("malformed JSON", "PUT", rating, Caller.PARTICIPANT, "{\"score\":", 400),
                Arguments.of("unknown capability", "PUT", "/api/v1/workshops/{w}/capabilities/no-such/rating",
                        Caller.PARTICIPANT, "{\"score\":3}", 404),
                Arguments.of("unknown workshop", "GET", "/api/v1/workshops/no-such-workshop", Caller.FACILITATOR,
                        null, 404),
                Arguments.of("missing token", "PUT", rating, Caller.NONE, "{\"score\":3}", 401),
                Arguments.of("forged token", "PUT", rating, Caller.FORGED, "{\"score\":3}", 401),
                Arguments.of("token of another workshop", "PUT", rating, Caller.OTHER_PARTICIPANT,
                        "{\"score\":3}", 403),
                Arguments.of("token of another workshop reads", "GET", "/api/v1/workshops/{w}",
                        Caller.OTHER_PARTICIPANT, null, 403),
                Arguments.of("facilitator rates", "PUT", rating, Caller.FACILITATOR, "{\"score\":3}", 403),
                Arguments.of("participant creates workshop", "POST", "/api/v1/workshops", Caller.PARTICIPANT,
                        "{\"title\":\"Mitt\"}", 403),
                Arguments.of("participant lists participants", "GET", "/api/v1/workshops/{w}/participants",
                        Caller.PARTICIPANT, null, 403),
                Arguments.of("blank title", "POST", "/api/v1/workshops", Caller.FACILITATOR, "{\"title\":\" \"}", 400),
                Arguments.of("too long title", "POST", "/api/v1/workshops", Caller.FACILITATOR,
                        "{\"title\":\"" + "x".repeat(201) + "\"}", 400),
                Arguments.of("unknown template", "POST", "/api/v1/workshops", Caller.FACILITATOR,
                        "{\"title\":\"T\",\"template\":\"no-such\"}", 404),
                Arguments.of("unknown project", "POST", "/api/v1/workshops", Caller.FACILITATOR,
                        "{\"title\":\"T\",\"projectId\":\"no-such-project\"}", 404),
                Arguments.of("unknown join code", "POST", "/api/v1/join", Caller.NONE,
                        "{\"joinCode\":\"ZZZZZZ\",\"displayName\":\"Anna\"}", 404),
                Arguments.of("join without name", "POST", "/api/v1/join", Caller.NONE,
                        "{\"joinCode\":\"ZZZZZZ\"}", 400),
                Arguments.of("wrong password", "POST", "/api/v1/auth/login", Caller.NONE,
                        "{\"username\":\"admin\",\"password\":\"wrong-password\"}", 401));
    }

    @ParameterizedTest(name = "{0} -> {5}")
    @MethodSource("badRequests")
    void givenBadRequest_whenSent_thenProblemAndNoEventStored(String name, String method, String path,
                                                              Caller caller, String body, int expectedStatus) {
        long eventsBefore = samverka.storedEvents();

        ApiClient.Response response = api.send(method, path.replace("{w}", workshopId), token(caller), body);

        assertThat(response.status()).as(name).isEqualTo(expectedStatus);
        assertThat(response.contentType()).as(name).startsWith("application/problem+json");
        assertThat(response.body().get("status").asInt()).isEqualTo(expectedStatus);
        assertThat(response.body().get("title").asText()).isNotBlank();
        assertThat(response.body().toString()).as("no stack trace").doesNotContain("Exception", "at se.samverka");
        assertThat(samverka.storedEvents()).as("no event stored for " + name).isEqualTo(eventsBefore);
    }

    @Test
    void givenValidRating_whenSent_thenOneEventStored() {
        long eventsBefore = samverka.storedEvents();

        api.rate(participant, workshopId, "set-goals", 3).require(200);
        api.rate(participant, workshopId, "set-goals", 3).require(200);

        assertThat(samverka.storedEvents()).as("the same rating again is no new event").isEqualTo(eventsBefore + 1);
    }

    private static String token(Caller caller) {
        return switch (caller) {
            case NONE -> null;
            case FACILITATOR -> facilitator;
            case PARTICIPANT -> participant;
            case OTHER_PARTICIPANT -> otherWorkshopParticipant;
            case FORGED -> participant.substring(0, participant.length() - 4) + "AAAA";
        };
    }
}
