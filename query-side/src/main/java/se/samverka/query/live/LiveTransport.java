package se.samverka.query.live;

import jakarta.servlet.ServletContext;
import jakarta.websocket.server.ServerContainer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.ServletContextAware;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;

/**
 * Limits of the WebSocket transport, so one client cannot hurt the others. A message from a
 * client is at most {@code message-size-limit-bytes}. Pushes to a client that stops reading
 * (a phone in a tunnel, a stalled tab, a hostile script) first fill the socket; while one push
 * is blocked, later ones wait in a buffer of that session alone, and the session is closed
 * when the buffer passes {@code send-buffer-limit-bytes} or a push has been blocked for
 * {@code send-time-limit-millis}. Other sessions are sent to on other threads meanwhile. The
 * web client reconnects and reloads the snapshot, so a closed session loses nothing.
 *
 * <p>Inbound WebSocket messages: the servlet container gives every session a buffer for a
 * whole incoming text message and one for a binary message, allocated up front and kept for as
 * long as the session lives, whether the client sends again or not. Clients send only CONNECT
 * (with a token of a few hundred characters), SUBSCRIBE, UNSUBSCRIBE, DISCONNECT and
 * heartbeats; everything else goes over HTTP. So both buffers are held to
 * {@code message-buffer-chars} (characters of a text message, bytes of a binary one), and a
 * longer message closes the session with 1009 (too big). A STOMP frame split over several
 * WebSocket messages is still assembled up to {@code message-size-limit-bytes}. Pushes do not
 * pass through these buffers and are not limited by them. With a thousand phones idle in a
 * meeting, the default buffers (a 16,640-character text buffer, see
 * {@link MessageBufferLimit}, and an 8 KB binary one) were about half of what each cost.
 */
@Configuration(proxyBeanMethods = false)
public class LiveTransport implements WebSocketMessageBrokerConfigurer, ServletContextAware {
    private final int messageSizeLimit;
    private final int sendBufferSizeLimit;
    private final int sendTimeLimit;
    private final int messageBufferSize;

    public LiveTransport(@Value("${samverka.live.message-size-limit-bytes:16384}") int messageSizeLimit,
                               @Value("${samverka.live.send-buffer-limit-bytes:524288}") int sendBufferSizeLimit,
                               @Value("${samverka.live.send-time-limit-millis:10000}") int sendTimeLimit,
                               @Value("${samverka.live.message-buffer-chars:2048}") int messageBufferSize) {
        this.messageSizeLimit = messageSizeLimit;
        this.sendBufferSizeLimit = sendBufferSizeLimit;
        this.sendTimeLimit = sendTimeLimit;
        this.messageBufferSize = messageBufferSize;
    }

    /**
     * The container's defaults, which size the buffers a new session starts with. Set here
     * rather than only per session (below) so the binary buffer, never resized until a binary
     * message arrives, is small from the start, and no 8,192-character text buffer is
     * allocated only to be replaced at the first frame. Not Spring's
     * {@code ServletServerContainerFactoryBean}: as a factory bean it is created early, when
     * auto-configuration conditions look for beans by type, before placeholders resolve.
     */
    @Override
    public void setServletContext(ServletContext servletContext) {
        if (servletContext.getAttribute(ServerContainer.class.getName()) instanceof ServerContainer container) {
            container.setDefaultMaxTextMessageBufferSize(messageBufferSize);
            container.setDefaultMaxBinaryMessageBufferSize(messageBufferSize);
        }
    }

    @Override
    public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
        registration.setMessageSizeLimit(messageSizeLimit)
                .setSendBufferSizeLimit(sendBufferSizeLimit)
                .setSendTimeLimit(sendTimeLimit)
                .addDecoratorFactory(handler -> new MessageBufferLimit(handler, messageBufferSize));
    }

    /**
     * Puts a session's inbound buffers back to the configured size once STOMP has started on it.
     * Spring's {@code StompSubProtocolHandler.afterSessionStarted} raises every session's text
     * buffer to at least 16,640 characters (33 KB), whatever the container's default, so that
     * stomp.js clients that split large frames at 16K boundaries fit; ours send no large frames.
     * Tomcat reads the new size when the next message begins, and no message has been read yet
     * when a session starts, so the large buffer is never allocated.
     */
    static final class MessageBufferLimit extends WebSocketHandlerDecorator {
        private final int messageBufferSize;

        MessageBufferLimit(WebSocketHandler delegate, int messageBufferSize) {
            super(delegate);
            this.messageBufferSize = messageBufferSize;
        }

        @Override
        public void afterConnectionEstablished(WebSocketSession session) throws Exception {
            super.afterConnectionEstablished(session);
            session.setTextMessageSizeLimit(messageBufferSize);
            session.setBinaryMessageSizeLimit(messageBufferSize);
        }
    }
}
