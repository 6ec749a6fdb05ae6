package se.samverka.app.restart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.samverka.app.support.ApiClient;
import se.samverka.app.support.LiveClient;
import se.samverka.app.support.RunningSamverka;

/** Stopping and starting the service loses nothing, and nobody is thrown out. */
class RestartTest {
    @TempDir
    Path dataDir;

    @Test
    void givenRatedWorkshop_whenServiceRestarts_thenSameStateAndTokensStillValid() throws Exception {
        JsonNode before;
        String workshopId;
        String participant;
        String facilitator;
        try (RunningSamverka samverka = RunningSamverka.start(dataDir)) {
            ApiClient api = new ApiClient(samverka.baseUrl());
            facilitator = api.loginAdmin();
            JsonNode workshop = api.createWorkshop(facilitator, "Omstart");
            workshopId = workshop.get("id").asText();
            participant = api.join(workshop.get("joinCode").asText(), "Anna", "Sotenäs").get("token").asText();
            String second = api.join(workshop.get("joinCode").asText(), "Bo", "Strömstad").get("token").asText();
            api.rate(participant, workshopId, "set-goals", 4).require(200);
            api.rate(second, workshopId, "set-goals", 5).require(200);
            long lastVersion = api.rate(participant, workshopId, "set-goals", 2).require(200).get("version").asLong();
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    api.workshop(facilitator, workshopId).require(200).get("version").asLong() == lastVersion);
            before = api.workshop(facilitator, workshopId).require(200);
        }

        try (RunningSamverka samverka = RunningSamverka.start(dataDir)) {
            ApiClient api = new ApiClient(samverka.baseUrl());

            JsonNode after = api.workshop(participant, workshopId).require(200);

            assertThat(after).isEqualTo(before);
            assertThat(ApiClient.ratingOf(after, "set-goals").get("count").asInt()).isEqualTo(2);
            assertThat(ApiClient.ratingOf(after, "set-goals").get("mean").asDouble()).isEqualTo(3.5);
            assertThat(api.send("GET", "/api/v1/workshops/" + workshopId + "/my-ratings", participant,
                    (String) null).require(200).get("set-goals").asInt()).isEqualTo(2);
            assertThat(api.send("GET", "/api/v1/workshops", facilitator, (String) null).require(200)).hasSize(1);
            try (LiveClient live = LiveClient.connect(samverka.webSocketUrl(), participant)) {
                assertThat(live.isConnected()).isTrue();
            }
            api.rate(participant, workshopId, "set-goals", 1).require(200);
            assertThat(api.login("admin", RunningSamverka.ADMIN_PASSWORD)).isNotBlank();
        }
    }
}
