package se.samverka.query.live;

import java.util.List;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import se.samverka.kernel.access.DisabledAccounts;
import se.samverka.kernel.access.Revocations;
import se.samverka.kernel.access.TokenCodec;
import se.samverka.query.project.ProjectAccess;
import se.samverka.query.workshop.WorkshopAccess;

/**
 * STOMP over plain WebSocket at {@code /ws}, with the in-process broker. With
 * {@code samverka.stomp.relay.host} set, {@link NodeRelay} carries pushes between the query
 * nodes through RabbitMQ, so a client can be connected to any of them; clients still talk to
 * this broker alone. The broker itself is set up by {@link LiveBrokerConfiguration}; pushes
 * reach this node's clients through {@link LiveFanOut}.
 */
@Configuration(proxyBeanMethods = false)
public class LiveConfiguration implements WebSocketMessageBrokerConfigurer, DisposableBean {
    private static final long HEARTBEAT_MILLIS = 10_000;

    private final TokenCodec tokens;
    private final WorkshopAccess access;
    private final ProjectAccess projects;
    private final Revocations revocations;
    private final DisabledAccounts accounts;
    private final List<String> allowedOrigins;
    private ThreadPoolTaskScheduler heartbeats;

    public LiveConfiguration(TokenCodec tokens, WorkshopAccess access, ProjectAccess projects, Revocations revocations,
                             DisabledAccounts accounts,
                             @Value("${samverka.web.allowed-origins:}") List<String> allowedOrigins) {
        this.tokens = tokens;
        this.access = access;
        this.projects = projects;
        this.revocations = revocations;
        this.accounts = accounts;
        this.allowedOrigins = allowedOrigins.stream().filter(origin -> !origin.isBlank()).toList();
    }

    /** Same-origin pages are always allowed; others only when listed. Never {@code *}. */
    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        registry.addEndpoint("/ws").setAllowedOrigins(allowedOrigins.toArray(String[]::new));
    }

    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        heartbeats = new ThreadPoolTaskScheduler();
        heartbeats.setPoolSize(1);
        heartbeats.setThreadNamePrefix("stomp-heartbeat-");
        heartbeats.initialize();
        registry.enableSimpleBroker("/topic")
                .setHeartbeatValue(new long[] {HEARTBEAT_MILLIS, HEARTBEAT_MILLIS})
                .setTaskScheduler(heartbeats);
        registry.setApplicationDestinationPrefixes("/app");
        // The outbound channel sends on a pool of threads: without this, two of Spring's frames to one
        // session could overtake each other (pushes keep their order in LiveFanOut's outboxes).
        registry.setPreservePublishOrder(true);
    }

    /**
     * Client frames are handled on one thread, in the order they arrived. On Spring's default pool
     * of threads, a SUBSCRIBE (or CONNECT) sent just before a client dropped its socket could be
     * handled after, or at the same time as, the DISCONNECT that ends its session; the broker then
     * kept that subscription for good (ConnectionChurnTest found 13 of 500 such clients, and a
     * concurrent add and remove can even leave it in the broker's destination cache alone, where
     * no later DISCONNECT finds it). Spring's own remedy, {@code setPreserveReceiveOrder}, sends a
     * session's frames from a queue, where a refusal by {@link StompAccessInterceptor} is only
     * logged and the client never gets its ERROR frame. Here the interceptor still runs on the
     * receiving thread (refusals answered at once), and only the broker's bookkeeping is
     * serialised: a map update per frame, so one thread is not what limits a node (pushes go
     * through the broker channel, not this one).
     */
    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.taskExecutor().corePoolSize(1).maxPoolSize(1);
        registration.interceptors(new StompAccessInterceptor(tokens, access, projects, revocations, accounts));
    }

    @Override
    public void destroy() {
        if (heartbeats != null) {
            heartbeats.shutdown();
        }
    }
}
