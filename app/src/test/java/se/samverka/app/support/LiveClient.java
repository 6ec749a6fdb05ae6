package se.samverka.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Type;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.springframework.messaging.converter.MappingJackson2MessageConverter;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/**
 * A real STOMP client over a real WebSocket, as a phone's browser would hold one: it records
 * every message it receives and every error the server sends.
 */
public final class LiveClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebSocketStompClient client;
    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    private final List<JsonNode> messages = new CopyOnWriteArrayList<>();
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private StompSession session;

    private LiveClient() {
        client = new WebSocketStompClient(new StandardWebSocketClient());
        client.setMessageConverter(new MappingJackson2MessageConverter());
        scheduler.setPoolSize(1);
        scheduler.initialize();
        client.setTaskScheduler(scheduler);
    }

    /** Connects with the token (null: without one) and waits for the answer. */
    public static LiveClient connect(String url, String token) throws Exception {
        LiveClient live = new LiveClient();
        StompHeaders connect = new StompHeaders();
        if (token != null) {
            connect.add("Authorization", "Bearer " + token);
        }
        live.session = live.client.connectAsync(url, new WebSocketHttpHeaders(), connect, live.new Handler())
                .get(10, TimeUnit.SECONDS);
        return live;
    }

    /** Tries to connect without waiting for the server's answer; refusals show in {@link #errors()}. */
    public static LiveClient attempt(String url, String token) {
        LiveClient live = new LiveClient();
        StompHeaders connect = new StompHeaders();
        if (token != null) {
            connect.add("Authorization", "Bearer " + token);
        }
        live.client.connectAsync(url, new WebSocketHttpHeaders(), connect, live.new Handler())
                .thenAccept(session -> live.session = session);
        return live;
    }

    public LiveClient subscribe(String destination) {
        session.subscribe(destination, new StompFrameHandler() {
            @Override
            public Type getPayloadType(StompHeaders headers) {
                return JsonNode.class;
            }

            @Override
            public void handleFrame(StompHeaders headers, Object payload) {
                messages.add((JsonNode) payload);
            }
        });
        return this;
    }

    public LiveClient subscribeToWorkshop(String workshopId) {
        return subscribe("/topic/workshops." + workshopId);
    }

    public void send(String destination, String body) {
        session.send(destination, JSON.createObjectNode().put("body", body));
    }

    public List<JsonNode> messages() {
        return List.copyOf(messages);
    }

    public List<String> errors() {
        return List.copyOf(errors);
    }

    public boolean isConnected() {
        return session != null && session.isConnected();
    }

    @Override
    public void close() {
        if (session != null && session.isConnected()) {
            session.disconnect();
        }
        client.stop();
        scheduler.shutdown();
    }

    private final class Handler extends StompSessionHandlerAdapter {
        @Override
        public void handleFrame(StompHeaders headers, Object payload) {
            errors.add(String.valueOf(headers.getFirst("message")));
        }

        @Override
        public void handleException(StompSession session, StompCommand command, StompHeaders headers,
                                    byte[] payload, Throwable exception) {
            errors.add(exception.getMessage());
        }

        @Override
        public void handleTransportError(StompSession session, Throwable exception) {
            errors.add("transport: " + exception.getMessage());
        }
    }
}
