package se.samverka.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.samverka.app.support.ApiClient;
import se.samverka.app.support.LiveClient;
import se.samverka.app.support.LiveProbe;
import se.samverka.app.support.RunningSamverka;

/**
 * A facilitator removes a participant: from the next request on, their token is refused on the
 * command side (401) and the query side (401), their open live socket is closed by the server,
 * they cannot connect again, and all of that holds after a restart. The others are unaffected.
 */
class RevocationTest {
    @TempDir
    Path dataDir;

    @Test
    void givenParticipantWithOpenSocket_whenRemoved_thenTokenAndSocketStopWorkingAtOnce() throws Exception {
        try (RunningSamverka samverka = RunningSamverka.start(dataDir)) {
            ApiClient api = new ApiClient(samverka.baseUrl());
            String facilitator = api.loginAdmin();
            JsonNode workshop = api.createWorkshop(facilitator, "Revocation");
            String workshopId = workshop.get("id").asText();
            String joinCode = workshop.get("joinCode").asText();
            JsonNode anna = api.join(joinCode, "Anna", "Lysekil");
            JsonNode bo = api.join(joinCode, "Bo", "Tanum");
            String annaToken = anna.get("token").asText();
            String boToken = bo.get("token").asText();
            String removePath = "/api/v1/workshops/" + workshopId + "/participants/" + anna.get("participantId").asText();

            try (LiveClient annaLive = LiveClient.connect(samverka.webSocketUrl(), annaToken);
                 LiveClient boLive = LiveClient.connect(samverka.webSocketUrl(), boToken)) {
                annaLive.subscribeToWorkshop(workshopId);
                boLive.subscribeToWorkshop(workshopId);
                LiveProbe.awaitSubscribed(api, facilitator, workshopId, annaLive, boLive);
                api.rate(annaToken, workshopId, "set-goals", 4).require(200);

                assertThat(api.send("DELETE", removePath, boToken, (String) null).status())
                        .as("a participant may not remove another").isEqualTo(403);
                assertThat(api.send("DELETE", "/api/v1/workshops/" + workshopId + "/participants/nobody",
                        facilitator, (String) null).status()).as("unknown participant").isEqualTo(404);
                long events = samverka.storedEvents();
                int participants = api.workshop(facilitator, workshopId).require(200).get("participantCount").asInt();

                api.send("DELETE", removePath, facilitator, (String) null).require(200);
                assertThat(samverka.storedEvents()).isEqualTo(events + 1);

                // The very next requests, without waiting for anything.
                ApiClient.Response vote = api.rate(annaToken, workshopId, "set-goals", 2);
                assertThat(vote.status()).as("command side").isEqualTo(401);
                assertThat(vote.contentType()).startsWith("application/problem+json");
                assertThat(vote.body().get("detail").asText()).contains("revoked");
                assertThat(api.workshop(annaToken, workshopId).status()).as("query side").isEqualTo(401);

                await("the server closes Anna's open socket").atMost(Duration.ofSeconds(15))
                        .until(() -> !annaLive.isConnected());
                assertThat(String.join(" ", annaLive.errors())).contains("revoked");

                // Bo is unaffected: he still votes, reads and hears about the removal live.
                api.rate(boToken, workshopId, "set-goals", 3).require(200);
                await("Bo hears the removal").atMost(Duration.ofSeconds(15)).until(() -> boLive.messages().stream()
                        .anyMatch(m -> m.get("type").asText().equals("participant.removed")));
                assertThat(api.workshop(boToken, workshopId).require(200).get("participantCount").asInt())
                        .isEqualTo(participants - 1);
                assertThat(boLive.isConnected()).isTrue();

                // A retried removal changes nothing.
                api.send("DELETE", removePath, facilitator, (String) null).require(200);
                assertThat(samverka.storedEvents()).isEqualTo(events + 2); // Bo's vote
            }

            assertThat(api.send("GET", "/api/v1/workshops/" + workshopId + "/participants", facilitator,
                    (String) null).require(200).findValuesAsText("displayName")).doesNotContain("Anna").contains("Bo");
            refusedOnConnect(samverka, annaToken);

            samverka.stop();
            samverka.startAgain();
            ApiClient restarted = new ApiClient(samverka.baseUrl());
            assertThat(restarted.rate(annaToken, workshopId, "set-goals", 2).status()).as("after restart")
                    .isEqualTo(401);
            assertThat(restarted.workshop(annaToken, workshopId).status()).isEqualTo(401);
            restarted.rate(boToken, workshopId, "set-goals", 5).require(200);
            refusedOnConnect(samverka, annaToken);
        }
    }

    private static void refusedOnConnect(RunningSamverka samverka, String token) {
        try (LiveClient again = LiveClient.attempt(samverka.webSocketUrl(), token)) {
            await("a new connection is refused").atMost(Duration.ofSeconds(10)).until(() -> !again.errors().isEmpty());
            assertThat(again.isConnected()).isFalse();
            assertThat(String.join(" ", again.errors())).contains("revoked");
        }
    }
}
