package se.samverka.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.config.WebSocketMessageBrokerStats;
import org.springframework.web.socket.messaging.WebSocketStompClient;
import se.samverka.app.support.ApiClient;
import se.samverka.app.support.LiveClient;
import se.samverka.app.support.LiveProbe;
import se.samverka.app.support.RunningSamverka;

/**
 * 1,000 live connections opened, subscribed and closed (half politely with DISCONNECT, half by
 * dropping the socket) leave no WebSocket session, STOMP user or subscription behind (neither in
 * the user registry nor in the broker's subscription registry), no server-side session object
 * alive after a full garbage collection, and the service still pushes to a client that stays.
 */
class ConnectionChurnTest {
    private static final int CYCLES = 1_000;

    @TempDir
    Path dataDir;

    @Test
    void givenThousandConnectDisconnectCycles_thenNoSessionsOrSubscriptionsLeft() throws Exception {
        try (RunningSamverka samverka = RunningSamverka.start(dataDir)) {
            ApiClient api = new ApiClient(samverka.baseUrl());
            String facilitator = api.loginAdmin();
            JsonNode workshop = api.createWorkshop(facilitator, "Churn");
            String workshopId = workshop.get("id").asText();
            String participant = api.join(workshop.get("joinCode").asText(), "Anna", "Lysekil").get("token").asText();
            SimpUserRegistry users = samverka.context().getBean(SimpUserRegistry.class);
            WebSocketMessageBrokerStats stats = samverka.context().getBean(WebSocketMessageBrokerStats.class);
            Map<String, Long> baseline = liveInstances();

            ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
            scheduler.initialize();
            WebSocketStompClient client = new WebSocketStompClient(new StandardWebSocketClient());
            client.setTaskScheduler(scheduler);
            try {
                for (int cycle = 0; cycle < CYCLES; cycle++) {
                    if (cycle % 2 == 0) {
                        StompHeaders connect = new StompHeaders();
                        connect.add("Authorization", "Bearer " + participant);
                        StompSession session = client.connectAsync(samverka.webSocketUrl(), new WebSocketHttpHeaders(),
                                connect, new StompSessionHandlerAdapter() { }).get(10, TimeUnit.SECONDS);
                        session.subscribe("/topic/workshops." + workshopId, new StompSessionHandlerAdapter() { });
                        session.disconnect();
                    } else {
                        connectSubscribeAndDrop(samverka.webSocketUrl(), participant, workshopId);
                    }
                }
            } finally {
                client.stop();
                scheduler.shutdown();
            }

            await("every session closed").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(stats.getWebSocketSessionStats().getWebSocketSessions()).isZero();
                assertThat(users.getUserCount()).isZero();
                assertThat(users.findSubscriptions(subscription -> true)).isEmpty();
            });
            assertThat(stats.getWebSocketSessionStats().getTotalSessions()).isGreaterThanOrEqualTo(CYCLES);
            // The broker handles each session's DISCONNECT after its SUBSCRIBE (one inbound thread, see
            // LiveConfiguration): once the queue of ended sessions is worked off, nothing may remain.
            await("no subscription left in the broker").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(LiveProbe.brokerSubscriptions(samverka.context(), "/topic/workshops." + workshopId))
                            .as("the broker's own subscription registry").isEmpty());
            // Memory: after a full collection, no object of a server-side session is alive any more.
            await("session objects collected").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2))
                    .untilAsserted(() -> assertThat(liveInstances()).isEqualTo(baseline));

            try (LiveClient live = LiveClient.connect(samverka.webSocketUrl(), participant)) {
                live.subscribeToWorkshop(workshopId);
                LiveProbe.awaitSubscribed(api, facilitator, workshopId, live);
                assertThat(users.getUserCount()).isEqualTo(1);
            }
        }
    }

    /** Classes of which the server holds one object per live WebSocket session. */
    private static final List<String> PER_SESSION = List.of(
            "org.apache.tomcat.websocket.server.WsHttpUpgradeHandler",
            "org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator",
            "org.springframework.web.socket.messaging.SubProtocolWebSocketHandler$WebSocketSessionHolder",
            "org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler$SessionInfo",
            "se.samverka.query.live.LiveSessions$Outbox");

    /** How many objects of each {@link #PER_SESSION} class are alive, counted after a full collection. */
    private static Map<String, Long> liveInstances() throws Exception {
        String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        Map<String, Long> counts = new TreeMap<>();
        PER_SESSION.forEach(type -> counts.put(type, 0L));
        for (String line : histogram.split("\n")) {
            String[] columns = line.trim().split("\\s+");
            if (columns.length >= 4 && counts.containsKey(columns[3])) {
                counts.put(columns[3], Long.parseLong(columns[1]));
            }
        }
        return counts;
    }

    /**
     * A raw STOMP client that connects and subscribes, then drops the socket without a
     * DISCONNECT frame or a WebSocket close, as a phone does when it loses its network.
     */
    private static void connectSubscribeAndDrop(String url, String token, String workshopId) throws Exception {
        CompletableFuture<String> connected = new CompletableFuture<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(url), new WebSocket.Listener() {
                    private final StringBuilder frame = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        frame.append(data);
                        if (last) {
                            connected.complete(frame.toString());
                            frame.setLength(0);
                        }
                        webSocket.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        socket.sendText("CONNECT\naccept-version:1.2\nhost:127.0.0.1\nheart-beat:0,0\nAuthorization:Bearer " + token
                + "\n\n\0", true).get(10, TimeUnit.SECONDS);
        assertThat(connected.get(10, TimeUnit.SECONDS)).startsWith("CONNECTED");
        socket.sendText("SUBSCRIBE\nid:0\ndestination:/topic/workshops." + workshopId + "\n\n\0", true)
                .get(10, TimeUnit.SECONDS);
        socket.abort();
    }
}
