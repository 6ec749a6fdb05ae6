package se.samverka.query.live;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;

/**
 * Limits of the WebSocket transport, so one client cannot hurt the others. A message from a
 * client is at most {@code message-size-limit-bytes}. Pushes to a client that stops reading
 * (a phone in a tunnel, a stalled tab, a hostile script) first fill the socket; while one push
 * is blocked, later ones wait in a buffer of that session alone, and the session is closed
 * when the buffer passes {@code send-buffer-limit-bytes} or a push has been blocked for
 * {@code send-time-limit-millis}. Other sessions are sent to on other threads meanwhile. The
 * web client reconnects and reloads the snapshot, so a closed session loses nothing.
 *
 * <p>The servlet container keeps a buffer for a whole incoming WebSocket message per session
 * for as long as the session lives, whether the client ever sends again or not. Clients send
 * only CONNECT (with its token), SUBSCRIBE, UNSUBSCRIBE, DISCONNECT and heartbeats, all far
 * under a kilobyte; everything else goes over HTTP. So the text buffer is held to
 * {@code message-buffer-chars} (a longer message closes the session with 1009, as the 8,192
 * default did for longer ones) and the binary one, never used, to its floor: with a thousand
 * phones idle in a meeting these buffers were most of the memory each one cost.
 */
@Configuration(proxyBeanMethods = false)
public class LiveTransport implements WebSocketMessageBrokerConfigurer {
    private final int messageSizeLimit;
    private final int sendBufferSizeLimit;
    private final int sendTimeLimit;

    public LiveTransport(@Value("${samverka.live.message-size-limit-bytes:16384}") int messageSizeLimit,
                               @Value("${samverka.live.send-buffer-limit-bytes:524288}") int sendBufferSizeLimit,
                               @Value("${samverka.live.send-time-limit-millis:10000}") int sendTimeLimit) {
        this.messageSizeLimit = messageSizeLimit;
        this.sendBufferSizeLimit = sendBufferSizeLimit;
        this.sendTimeLimit = sendTimeLimit;
    }

    @Bean
    static ServletServerContainerFactoryBean webSocketContainer(
            @Value("${samverka.live.message-buffer-chars:2048}") int textBufferChars) {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize(textBufferChars);
        container.setMaxBinaryMessageBufferSize(BINARY_BUFFER_BYTES);
        return container;
    }

    /** Clients never send binary frames: a kilobyte is enough to refuse one cleanly. */
    private static final int BINARY_BUFFER_BYTES = 1024;

    @Override
    public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
        registration.setMessageSizeLimit(messageSizeLimit)
                .setSendBufferSizeLimit(sendBufferSizeLimit)
                .setSendTimeLimit(sendTimeLimit);
    }
}
