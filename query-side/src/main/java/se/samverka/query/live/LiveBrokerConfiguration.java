package se.samverka.query.live;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.support.AbstractSubscribableChannel;
import org.springframework.messaging.support.ExecutorSubscribableChannel;
import org.springframework.web.socket.config.annotation.DelegatingWebSocketMessageBrokerConfiguration;

/**
 * What {@code @EnableWebSocketMessageBroker} sets up (configured by {@link LiveConfiguration} and
 * {@link LiveTransport}), with {@link LiveSessions} as the WebSocket handler, so
 * {@link LiveFanOut} can write to the sessions Spring writes to.
 */
@Configuration(proxyBeanMethods = false)
public class LiveBrokerConfiguration extends DelegatingWebSocketMessageBrokerConfiguration {
    @Bean
    @Override
    public LiveSessions subProtocolWebSocketHandler(
            @Qualifier("clientInboundChannel") AbstractSubscribableChannel clientInboundChannel,
            @Qualifier("clientOutboundChannel") AbstractSubscribableChannel clientOutboundChannel) {
        LiveSessions handler = new LiveSessions(clientInboundChannel,
                (ExecutorSubscribableChannel) clientOutboundChannel);
        handler.setPhase(getPhase());
        return handler;
    }
}
