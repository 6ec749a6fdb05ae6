package se.samverka.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.web.socket.config.WebSocketMessageBrokerStats;
import se.samverka.app.support.ApiClient;
import se.samverka.app.support.LiveClient;
import se.samverka.app.support.LiveProbe;
import se.samverka.app.support.RawWebSocket;
import se.samverka.app.support.RunningSamverka;

/**
 * A client that stops reading its socket is disconnected by the server, and meanwhile a client
 * that reads keeps getting every update. The stalled client is a hand-written WebSocket with a
 * 2 KiB receive buffer that subscribes to the workshop and its audit stream and then never
 * reads again; changes are made until the server gives up on it. The sockets on the loopback
 * hold a lot (1.3–2 MB measured here) before a send blocks at all, so the changes are big
 * (a scenario with a 2,000-character description, about 8 KB a push) and the send buffer limit
 * is lowered to 64 KiB (512 KiB by default) to keep the test short.
 */
class SlowConsumerTest {
    private static final int MAX_CHANGES = 3_000;

    @TempDir
    Path dataDir;

    @Test
    void givenClientThatStopsReading_whenPushesGoOn_thenItIsClosedAndOthersGetEveryUpdate() throws Exception {
        try (RunningSamverka samverka = RunningSamverka.start(dataDir, "samverka.live.send-buffer-limit-bytes=65536",
                "samverka.limits.commands-per-second=1000000",
                "samverka.limits.commands-per-second-per-address=1000000")) {
            ApiClient api = new ApiClient(samverka.baseUrl());
            String facilitator = api.loginAdmin();
            JsonNode workshop = api.createWorkshop(facilitator, "Slow consumer");
            String workshopId = workshop.get("id").asText();
            String joinCode = workshop.get("joinCode").asText();
            JsonNode sten = api.join(joinCode, "Sten", "Orust");
            String nora = api.join(joinCode, "Nora", "Sotenäs").get("token").asText();
            SimpUserRegistry users = samverka.context().getBean(SimpUserRegistry.class);
            WebSocketMessageBrokerStats stats = samverka.context().getBean(WebSocketMessageBrokerStats.class);
            String stalledUser = "participant:" + sten.get("participantId").asText();

            try (RawWebSocket stalled = RawWebSocket.open(samverka.webSocketUrl(), 2048);
                 LiveClient reader = LiveClient.connect(samverka.webSocketUrl(), nora)) {
                assertThat(stalled.stompConnect(sten.get("token").asText()).text()).startsWith("CONNECTED");
                stalled.stompSubscribe("0", "/topic/workshops." + workshopId);
                stalled.stompSubscribe("1", "/topic/workshops." + workshopId + ".audit");
                reader.subscribeToWorkshop(workshopId);
                LiveProbe.awaitSubscribed(api, facilitator, workshopId, reader);
                await("the stalled client's subscriptions").atMost(Duration.ofSeconds(10)).until(() ->
                        users.getUser(stalledUser) != null && users.getUser(stalledUser).getSessions().iterator()
                                .next().getSubscriptions().size() == 2);

                // From here on the stalled client reads nothing. The facilitator redefines one scenario
                // with a long description over and over: each change is an event and a push of about 8 KB.
                List<String> capabilityIds = new ArrayList<>();
                api.workshop(facilitator, workshopId).require(200).get("capabilities")
                        .forEach(capability -> capabilityIds.add(capability.get("id").asText()));
                int changes = 0;
                long current = 0;
                while (users.getUser(stalledUser) != null && changes < MAX_CHANGES) {
                    current = redefineScenario(api, facilitator, workshopId, capabilityIds, changes++);
                }
                await("the server closes the stalled session").atMost(Duration.ofSeconds(30))
                        .until(() -> users.getUser(stalledUser) == null);
                System.out.printf("the stalled client was dropped after %d changes of about 8 KB%n", changes);
                assertThat(reader.isConnected()).as("the reading client is still connected").isTrue();

                // The reader got every update, in order, also those after the stalled client was dropped.
                for (int more = 0; more < 5; more++) {
                    current = redefineScenario(api, facilitator, workshopId, capabilityIds, changes++);
                }
                long last = current;
                await("the reader is up to date").atMost(Duration.ofSeconds(30)).until(() ->
                        reader.messages().stream().anyMatch(m -> m.path("version").asLong() == last));
                List<Long> versions = reader.messages().stream().map(m -> m.path("version").asLong()).toList();
                long first = versions.get(0);
                assertThat(versions).as("every version from the first received, once, in order")
                        .containsExactlyElementsOf(LongStream.rangeClosed(first, last).boxed().toList());
                assertThat(changes).as("changes sent before the stalled client was dropped").isLessThan(MAX_CHANGES);

                assertThat(stats.getWebSocketSessionStats().getWebSocketSessions()).as("only the reader's session")
                        .isEqualTo(1);
            }
        }
    }

    /** Redefines scenario {@code s1} (the description differs every time) and returns the workshop's version. */
    private static long redefineScenario(ApiClient api, String facilitator, String workshopId,
                                         List<String> capabilityIds, int change) {
        Map<String, Object> scenario = Map.of("name", "Scenario " + change,
                "description", (change % 2 == 0 ? "€" : "₤").repeat(2_000), "capabilityIds", capabilityIds,
                "costSek", change, "costKind", "ONE_OFF", "durationMonths", 12, "priority", "HIGH");
        return api.send("PUT", "/api/v1/workshops/" + workshopId + "/scenarios/s1", facilitator, scenario)
                .require(200).get("version").asLong();
    }
}
