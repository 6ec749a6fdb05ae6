package se.samverka.app.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.samverka.app.support.ApiClient;
import se.samverka.app.support.LiveProbe;
import se.samverka.app.support.RawWebSocket;
import se.samverka.app.support.RunningSamverka;

/**
 * A push is serialised once for all subscribers: the MESSAGE frames two sessions get for it are
 * the same bytes but for the {@code subscription} header, valid STOMP 1.2 sent as binary
 * WebSocket messages. A subscription that was ended, or a session whose credential was revoked,
 * gets nothing more. Read on raw sockets, so the test sees the frames exactly as sent.
 */
class LiveFanOutTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @Test
    void givenTwoSessions_whenPushed_thenFramesDifferOnlyInSubscriptionAndEndedOnesGetNothingMore() throws Exception {
        try (RunningSamverka samverka = RunningSamverka.start(dataDir)) {
            ApiClient api = new ApiClient(samverka.baseUrl());
            String facilitator = api.loginAdmin();
            JsonNode workshop = api.createWorkshop(facilitator, "Fan-out");
            String workshopId = workshop.get("id").asText();
            String topic = "/topic/workshops." + workshopId;
            String joinCode = workshop.get("joinCode").asText();
            String anna = api.join(joinCode, "Anna", "Strömstad").get("token").asText();
            JsonNode bo = api.join(joinCode, "Bo", "Tanum");

            try (RawWebSocket annaSocket = RawWebSocket.open(samverka.webSocketUrl(), 0);
                 RawWebSocket boSocket = RawWebSocket.open(samverka.webSocketUrl(), 0)) {
                assertThat(annaSocket.stompConnect(anna).text()).startsWith("CONNECTED");
                assertThat(boSocket.stompConnect(bo.get("token").asText()).text()).startsWith("CONNECTED");
                annaSocket.stompSubscribe("keep", topic);
                annaSocket.stompSubscribe("drop:1", topic);
                boSocket.stompSubscribe("7", topic);
                await("three subscriptions in the broker").atMost(Duration.ofSeconds(10)).until(() ->
                        LiveProbe.brokerSubscriptions(samverka.context(), topic).values().stream()
                                .mapToInt(List::size).sum() == 3);

                long rated = api.rate(anna, workshopId, "set-goals", 4).require(200).get("version").asLong();
                Map<String, String> annaFrames = new HashMap<>();
                while (annaFrames.size() < 2) {
                    String frame = readPush(annaSocket);
                    if (version(frame) >= rated) {
                        annaFrames.put(header(frame, "subscription"), frame);
                    }
                }
                String boFrame = readPush(boSocket);
                while (version(boFrame) < rated) {
                    boFrame = readPush(boSocket);
                }

                assertThat(annaFrames).containsOnlyKeys("keep", "drop\\c1");
                assertThat(boFrame).as("a valid STOMP 1.2 MESSAGE frame").startsWith("MESSAGE\n").endsWith("\0")
                        .contains("\ndestination:" + topic + "\n", "\ncontent-type:application/json\n",
                                "\nsubscription:7\n");
                String body = boFrame.substring(boFrame.indexOf("\n\n") + 2, boFrame.length() - 1);
                assertThat(Integer.parseInt(header(boFrame, "content-length")))
                        .isEqualTo(body.getBytes(StandardCharsets.UTF_8).length);
                assertThat(annaFrames.get("keep")).as("the same bytes but for the subscription")
                        .isEqualTo(boFrame.replace("\nsubscription:7\n", "\nsubscription:keep\n"));
                assertThat(annaFrames.get("drop\\c1"))
                        .isEqualTo(boFrame.replace("\nsubscription:7\n", "\nsubscription:drop\\c1\n"));

                // Anna ends one subscription; Bo is removed from the workshop, which revokes his token.
                annaSocket.sendText("UNSUBSCRIBE\nid:drop:1\n\n\0");
                await("one subscription of Anna's left").atMost(Duration.ofSeconds(10)).until(() ->
                        LiveProbe.brokerSubscriptions(samverka.context(), topic).values().stream()
                                .mapToInt(List::size).sum() == 2);
                api.send("DELETE", "/api/v1/workshops/" + workshopId + "/participants/"
                        + bo.get("participantId").asText(), facilitator, (String) null).require(200);
                RawWebSocket.Frame boNext = boSocket.readMessage();
                while (boNext.text().startsWith("MESSAGE")) {
                    boNext = boSocket.readMessage();
                }
                assertThat(boNext.text()).startsWith("ERROR").contains("revoked");
                assertThat(boSocket.readMessage().isClose()).as("after the ERROR frame, only the close").isTrue();

                // Pushes after these reach Anna once each, on the subscription she kept; a frame for the
                // ended one would come before the next push's frame.
                api.rate(anna, workshopId, "set-goals", 2).require(200);
                long last = api.rate(anna, workshopId, "set-goals", 5).require(200).get("version").asLong();
                List<String> after = new ArrayList<>();
                String frame;
                do {
                    frame = readPush(annaSocket);
                    after.add(header(frame, "subscription"));
                } while (version(frame) < last);
                assertThat(after).containsOnly("keep");
            }
        }
    }

    /** The next push, which must come as a binary WebSocket message. */
    private static String readPush(RawWebSocket socket) throws Exception {
        RawWebSocket.Frame frame = socket.readMessage();
        assertThat(frame.opcode()).as("a push in a binary message: " + frame.text()).isEqualTo(0x2);
        return frame.text();
    }

    private static String header(String frame, String name) {
        for (String line : frame.substring(0, frame.indexOf("\n\n")).split("\n")) {
            if (line.startsWith(name + ":")) {
                return line.substring(name.length() + 1);
            }
        }
        throw new AssertionError("no " + name + " header in " + frame);
    }

    private static long version(String frame) throws Exception {
        return JSON.readTree(frame.substring(frame.indexOf("\n\n") + 2, frame.length() - 1)).get("version").asLong();
    }
}
