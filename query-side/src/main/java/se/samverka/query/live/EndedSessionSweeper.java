package se.samverka.query.live;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * Tells the in-process broker again, a few times over the following minute, that a session has ended.
 * Frames of one session are handled on a pool of threads, so a SUBSCRIBE (or CONNECT) sent just
 * before the client dropped its socket can be handled after the session's end: the broker then
 * kept that subscription for good (ConnectionChurnTest found 13 of 500 such clients). Spring's
 * remedy, preserving the receive order, loses the ERROR frames of refused frames, so this sweeps
 * up after the fact instead. One sweep after 5 s was not enough: under a loaded machine a late
 * SUBSCRIBE was still handled after it (ConnectionChurnTest, once in a full run), so the end is
 * repeated after 5, 15 and 60 s; a DISCONNECT for a session the broker no longer knows is a no-op.
 * With the broker relay, RabbitMQ owns subscriptions and this does nothing.
 */
@Component
public class EndedSessionSweeper implements DisposableBean {
    static final long[] DELAYS_SECONDS = {5, 15, 60};

    private final ObjectProvider<SimpleBrokerMessageHandler> broker;
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "live-session-sweeper");
        thread.setDaemon(true);
        return thread;
    });

    public EndedSessionSweeper(ObjectProvider<SimpleBrokerMessageHandler> broker) {
        this.broker = broker;
    }

    @EventListener
    public void onSessionEnded(SessionDisconnectEvent event) {
        SimpleBrokerMessageHandler simpleBroker = broker.getIfAvailable();
        if (simpleBroker == null) {
            return;
        }
        String sessionId = event.getSessionId();
        for (long delay : DELAYS_SECONDS) {
            sweeper.schedule(() -> {
                SimpMessageHeaderAccessor disconnect = SimpMessageHeaderAccessor.create(SimpMessageType.DISCONNECT);
                disconnect.setSessionId(sessionId);
                simpleBroker.handleMessage(MessageBuilder.createMessage(new byte[0], disconnect.getMessageHeaders()));
            }, delay, TimeUnit.SECONDS);
        }
    }

    @Override
    public void destroy() {
        sweeper.shutdownNow();
    }
}
