package se.samverka.query.live;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
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

    @Override
    public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
        registration.setMessageSizeLimit(messageSizeLimit)
                .setSendBufferSizeLimit(sendBufferSizeLimit)
                .setSendTimeLimit(sendTimeLimit);
    }
}
