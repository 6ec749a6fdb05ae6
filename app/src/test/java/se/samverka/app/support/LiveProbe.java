package se.samverka.app.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import org.springframework.context.ApplicationContext;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MultiValueMap;

/**
 * Waits until live clients' subscriptions are in place. A subscription is registered
 * asynchronously; every join is pushed to all subscribers, so a probe join that reaches every
 * client proves they are all live. A probe sent before a subscription was in place is simply
 * followed by another.
 */
public final class LiveProbe {
    private LiveProbe() {
    }

    public static void awaitSubscribed(ApiClient api, String facilitatorToken, String workshopId,
                                       LiveClient... clients) {
        String joinCode = api.workshop(facilitatorToken, workshopId).require(200).get("joinCode").asText();
        awaitSubscribed(api, joinCode, clients);
    }

    /** As above, with the probe joins sent to {@code commands}: on a split topology, the command node. */
    public static void awaitSubscribed(ApiClient commands, String joinCode, LiveClient... clients) {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (Arrays.stream(clients).allMatch(LiveProbe::sawProbe)) {
                return true;
            }
            commands.join(joinCode, "Probe", "Probe");
            return false;
        });
    }

    private static boolean sawProbe(LiveClient client) {
        return client.messages().stream().anyMatch(m -> m.get("type").asText().equals("participant.joined")
                && m.get("participant").get("displayName").asText().equals("Probe"));
    }

    /**
     * Session id to subscription ids, of the subscriptions to {@code destination} in the in-process
     * broker's own registry: what a push to it is sent to.
     */
    public static MultiValueMap<String, String> brokerSubscriptions(ApplicationContext context, String destination) {
        SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
        headers.setDestination(destination);
        return context.getBean(SimpleBrokerMessageHandler.class).getSubscriptionRegistry()
                .findSubscriptions(MessageBuilder.createMessage(new byte[0], headers.getMessageHeaders()));
    }
}
