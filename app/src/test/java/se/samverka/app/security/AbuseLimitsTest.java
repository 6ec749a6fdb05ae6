package se.samverka.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.samverka.app.support.ApiClient;
import se.samverka.app.support.ApiClient.Exchange;
import se.samverka.app.support.RunningSamverka;

/**
 * Attacks on the HTTP API by volume and size: password guessing, join-code guessing, a
 * participant flooding commands, a huge body. Each is answered with a problem (429 with
 * Retry-After, 413) and changes nothing. Limits are lowered here so the floods stay small.
 */
class AbuseLimitsTest {
    @TempDir
    Path dataDir;

    @Test
    void floodsAreThrottledAndHugeBodiesRefused() {
        try (RunningSamverka samverka = RunningSamverka.start(dataDir,
                "samverka.limits.login-per-minute=3", "samverka.limits.join-per-minute=5",
                "samverka.limits.commands-per-second=2", "samverka.limits.max-body-bytes=65536")) {
            ApiClient api = new ApiClient(samverka.baseUrl());
            String facilitator = api.loginAdmin();
            JsonNode workshop = api.createWorkshop(facilitator, "Gränser");
            String workshopId = workshop.get("id").asText();
            String participant = api.join(workshop.get("joinCode").asText(), "Anna", "Munkedal").get("token").asText();

            // Password guessing: after the allowance, even the right password waits.
            List<Integer> guesses = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                guesses.add(login(api, "admin", "guess-" + i).status());
            }
            assertThat(guesses).contains(401).endsWith(429);
            assertThrottled(login(api, "admin", RunningSamverka.ADMIN_PASSWORD));

            // Join-code guessing.
            List<Integer> joins = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                joins.add(api.exchange("POST", "/api/v1/join", null,
                        "{\"joinCode\":\"ZZZZ" + i + "Z\",\"displayName\":\"Eve\"}", Map.of()).status());
            }
            assertThat(joins).contains(404).endsWith(429);

            long events = samverka.storedEvents();
            // A participant flooding votes.
            List<Integer> votes = new ArrayList<>();
            Exchange throttled = null;
            for (int i = 0; i < 40 && throttled == null; i++) {
                Exchange vote = api.exchange("PUT", "/api/v1/workshops/" + workshopId + "/capabilities/set-goals/rating",
                        participant, "{\"score\":" + (i % 5 + 1) + "}", Map.of());
                votes.add(vote.status());
                throttled = vote.status() == 429 ? vote : null;
            }
            assertThat(throttled).as("votes: " + votes).isNotNull();
            assertThrottled(throttled);
            assertThat(votes).containsOnly(200, 429);
            assertThat(samverka.storedEvents()).isEqualTo(events + votes.stream().filter(s -> s == 200).count());

            // A body over the limit is refused before it is read.
            String huge = "{\"title\":\"" + "x".repeat(70_000) + "\"}";
            Exchange tooLarge = api.exchange("POST", "/api/v1/workshops", facilitator, huge, Map.of());
            assertThat(tooLarge.status()).isEqualTo(413);
            assertThat(tooLarge.json().get("type").asText()).endsWith("/too-large");
        }
    }

    @Test
    void guessingOneAccountsPasswordLocksThatAccountForAWhile() {
        try (RunningSamverka samverka = RunningSamverka.start(dataDir,
                "samverka.limits.login-per-minute=100", "samverka.limits.login-failures-per-account=3")) {
            ApiClient api = new ApiClient(samverka.baseUrl());
            for (int i = 0; i < 3; i++) {
                assertThat(login(api, "admin", "guess-" + i).status()).isEqualTo(401);
            }
            // Locked: even the right password waits, as if from another address.
            assertThrottled(login(api, "ADMIN", RunningSamverka.ADMIN_PASSWORD));
            // Other accounts are not affected.
            assertThat(login(api, "someone-else", "guess").status()).isEqualTo(401);
        }
    }

    private static Exchange login(ApiClient api, String username, String password) {
        return api.exchange("POST", "/api/v1/auth/login", null,
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}", Map.of());
    }

    private static void assertThrottled(Exchange answer) {
        assertThat(answer.status()).isEqualTo(429);
        assertThat(answer.json().get("type").asText()).endsWith("/too-many-requests");
        assertThat(answer.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Long.parseLong(seconds)).isPositive());
    }
}
