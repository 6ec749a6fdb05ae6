package se.samverka.app.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;
import se.samverka.app.support.LiveClient;
import se.samverka.app.support.LiveProbe;
import se.samverka.app.support.ServiceTest;

/** The live path end to end: HTTP command, event store, projection, STOMP push, real clients. */
class LivePathTest extends ServiceTest {

    /**
     * A capability's rating as the client last heard it: from capability.rated, or from a
     * conflated workshop.changes that carries the capability's latest state; null if never.
     */
    private static JsonNode latestRating(LiveClient client, String capabilityId) {
        JsonNode latest = null;
        for (JsonNode message : client.messages()) {
            String type = message.get("type").asText();
            if (type.equals("capability.rated") && message.get("capabilityId").asText().equals(capabilityId)) {
                latest = message.get("rating");
            } else if (type.equals("workshop.changes")) {
                for (JsonNode capability : message.get("capabilities")) {
                    if (capability.get("id").asText().equals(capabilityId)) {
                        latest = capability.get("rating");
                    }
                }
            }
        }
        return latest;
    }

    private static int ratingCount(LiveClient client, String capabilityId) {
        JsonNode rating = latestRating(client, capabilityId);
        return rating == null ? 0 : rating.get("count").asInt();
    }

    @Test
    void givenTwoParticipants_whenEachRates_thenBothSeeEveryRatingLive() throws Exception {
        JsonNode workshop = api.createWorkshop(facilitator, "Förmågekartläggning");
        String workshopId = workshop.get("id").asText();
        JsonNode anna = api.join(workshop.get("joinCode").asText(), "Anna", "Uddevalla");
        JsonNode bo = api.join(workshop.get("joinCode").asText().toLowerCase(), "Bo", "Tanum");

        try (LiveClient annaLive = LiveClient.connect(samverka.webSocketUrl(), anna.get("token").asText())
                .subscribeToWorkshop(workshopId);
             LiveClient boLive = LiveClient.connect(samverka.webSocketUrl(), bo.get("token").asText())
                     .subscribeToWorkshop(workshopId);
             LiveClient facilitatorLive = LiveClient.connect(samverka.webSocketUrl(), facilitator)
                     .subscribeToWorkshop(workshopId)) {
            awaitSubscribed(workshopId, annaLive, boLive, facilitatorLive);

            api.rate(anna.get("token").asText(), workshopId, "set-goals", 4).require(200);
            api.rate(bo.get("token").asText(), workshopId, "set-goals", 2).require(200);

            for (LiveClient client : List.of(annaLive, boLive, facilitatorLive)) {
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                    JsonNode latest = latestRating(client, "set-goals");
                    assertThat(latest).isNotNull();
                    assertThat(latest.get("count").asInt()).isEqualTo(2);
                    assertThat(latest.get("mean").asDouble()).isEqualTo(3.0);
                    assertThat(latest.get("distribution").toString()).isEqualTo("[0,1,0,1,0]");
                });
            }
            assertThat(annaLive.errors()).isEmpty();
        }
    }

    @Test
    void givenParticipantOfAnotherWorkshop_whenRatingsHappen_thenItSeesOnlyItsOwnWorkshop() throws Exception {
        JsonNode first = api.createWorkshop(facilitator, "Workshop A");
        JsonNode second = api.createWorkshop(facilitator, "Workshop B");
        JsonNode inFirst = api.join(first.get("joinCode").asText(), "Anna", "Uddevalla");
        JsonNode inSecond = api.join(second.get("joinCode").asText(), "Cecilia", "Lysekil");

        try (LiveClient firstLive = LiveClient.connect(samverka.webSocketUrl(), inFirst.get("token").asText())
                .subscribeToWorkshop(first.get("id").asText());
             LiveClient secondLive = LiveClient.connect(samverka.webSocketUrl(), inSecond.get("token").asText())
                     .subscribeToWorkshop(second.get("id").asText())) {
            awaitSubscribed(first.get("id").asText(), firstLive);
            awaitSubscribed(second.get("id").asText(), secondLive);

            api.rate(inFirst.get("token").asText(), first.get("id").asText(), "set-goals", 5).require(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> ratingCount(firstLive, "set-goals") == 1);
            // Pushes leave in event order; once B's own rating has arrived, anything of A's would have too.
            api.rate(inSecond.get("token").asText(), second.get("id").asText(), "set-goals", 1).require(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> ratingCount(secondLive, "set-goals") == 1);

            assertThat(secondLive.messages()).allSatisfy(message ->
                    assertThat(message.get("workshopId").asText()).isEqualTo(second.get("id").asText()));
            assertThat(firstLive.messages()).allSatisfy(message ->
                    assertThat(message.get("workshopId").asText()).isEqualTo(first.get("id").asText()));
            assertThat(ratingCount(firstLive, "set-goals")).isEqualTo(1);
        }
    }

    @Test
    void givenClientThatSubscribesThenLoadsSnapshot_whenApplyingNewerPushes_thenItEndsWithTheServerState()
            throws Exception {
        JsonNode workshop = api.createWorkshop(facilitator, "Konvergens");
        String workshopId = workshop.get("id").asText();
        JsonNode anna = api.join(workshop.get("joinCode").asText(), "Anna", "Orust");
        String token = anna.get("token").asText();
        api.rate(token, workshopId, "set-goals", 1).require(200);

        try (LiveClient live = LiveClient.connect(samverka.webSocketUrl(), token).subscribeToWorkshop(workshopId)) {
            awaitSubscribed(workshopId, live);
            JsonNode snapshot = api.workshop(token, workshopId).require(200);
            long version = snapshot.get("version").asLong();
            int[] scores = {2, 3, 5, 4};
            String[] capabilities = {"set-goals", "develop-department", "set-goals", "formulate-direction"};
            long lastVersion = version;
            for (int i = 0; i < scores.length; i++) {
                lastVersion = api.rate(token, workshopId, capabilities[i], scores[i]).require(200)
                        .get("version").asLong();
            }
            long expectedVersion = lastVersion;
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    live.messages().stream().anyMatch(m -> m.get("version").asLong() == expectedVersion));

            // Apply only pushes newer than the snapshot, in order; a delta's version is the next one,
            // a conflated workshop.changes starts at or before what the client has.
            Map<String, JsonNode> state = new HashMap<>();
            snapshot.get("capabilities").forEach(c -> state.put(c.get("id").asText(), c.get("rating")));
            long applied = version;
            for (JsonNode message : live.messages()) {
                long messageVersion = message.get("version").asLong();
                if (messageVersion <= applied) {
                    continue;
                }
                if (message.get("type").asText().equals("workshop.changes")) {
                    assertThat(message.get("since").asLong()).as("no gap").isLessThanOrEqualTo(applied);
                    message.get("capabilities").forEach(c -> state.put(c.get("id").asText(), c.get("rating")));
                } else {
                    assertThat(messageVersion).as("no gap").isEqualTo(applied + 1);
                    state.put(message.get("capabilityId").asText(), message.get("rating"));
                }
                applied = messageVersion;
            }
            JsonNode server = api.workshop(token, workshopId).require(200);
            assertThat(applied).isEqualTo(server.get("version").asLong());
            server.get("capabilities").forEach(c ->
                    assertThat(state.get(c.get("id").asText())).isEqualTo(c.get("rating")));
        }
    }

    /**
     * Pushes leave as binary WebSocket messages, which the container writes as they are instead
     * of re-encoding a string; every other frame stays text. A push keeps its JSON content type
     * and UTF-8 body, so any STOMP client reads it as before (the other tests here use Spring's).
     */
    @Test
    void givenRawSocket_whenPushed_thenMessageFramesAreBinaryUtf8JsonAndOtherFramesText() throws Exception {
        JsonNode workshop = api.createWorkshop(facilitator, "Binära ramar");
        String workshopId = workshop.get("id").asText();
        String joinCode = workshop.get("joinCode").asText();
        String token = api.join(joinCode, "Anna", "Orust").get("token").asText();
        List<WebSocketMessage<?>> received = new CopyOnWriteArrayList<>();
        WebSocketSession socket = new StandardWebSocketClient().execute(new AbstractWebSocketHandler() {
            @Override
            protected void handleTextMessage(WebSocketSession session, TextMessage message) {
                received.add(message);
            }

            @Override
            protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) {
                received.add(message);
            }
        }, samverka.webSocketUrl()).get(10, TimeUnit.SECONDS);
        try {
            socket.sendMessage(new TextMessage("CONNECT\naccept-version:1.2\nhost:samverka\nAuthorization:Bearer "
                    + token + "\n\n\0"));
            socket.sendMessage(new TextMessage("SUBSCRIBE\nid:0\ndestination:/topic/workshops." + workshopId
                    + "\n\n\0"));
            // Anna's own join may be pushed first if the subscription landed before its
            // projection did, so wait for a push that carries the non-ASCII name.
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (binaryPayloads(received).stream().anyMatch(push -> push.contains("Sören Åström"))) {
                    return true;
                }
                api.join(joinCode, "Sören Åström", "Tjörn");
                return false;
            });

            assertThat(received.get(0)).isInstanceOf(TextMessage.class);
            assertThat(((TextMessage) received.get(0)).getPayload()).startsWith("CONNECTED\n");
            List<String> pushes = binaryPayloads(received);
            assertThat(received.stream().filter(TextMessage.class::isInstance)
                    .map(message -> ((TextMessage) message).getPayload()))
                    .noneMatch(frame -> frame.startsWith("MESSAGE"));
            String push = pushes.stream().filter(frame -> frame.contains("Sören Åström")).findFirst().orElseThrow();
            assertThat(push).startsWith("MESSAGE\n").contains("\ncontent-type:application/json\n").endsWith("\0");
            JsonNode body = new ObjectMapper().readTree(push.substring(push.indexOf("\n\n") + 2, push.length() - 1));
            assertThat(body.get("type").asText()).isEqualTo("participant.joined");
            assertThat(body.get("participant").get("displayName").asText()).isEqualTo("Sören Åström");
        } finally {
            socket.close();
        }
    }

    private static List<String> binaryPayloads(List<WebSocketMessage<?>> received) {
        return received.stream().filter(BinaryMessage.class::isInstance)
                .map(message -> StandardCharsets.UTF_8.decode(((BinaryMessage) message).getPayload().duplicate()).toString())
                .toList();
    }

    static void awaitSubscribed(String workshopId, LiveClient... clients) {
        LiveProbe.awaitSubscribed(api, facilitator, workshopId, clients);
    }
}
