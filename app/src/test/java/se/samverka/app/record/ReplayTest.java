package se.samverka.app.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import se.samverka.app.support.LiveClient;
import se.samverka.app.support.ServiceTest;

/**
 * Replay against what a client really saw: a real STOMP client follows a workshop from a
 * snapshot on, the state it holds after each push is written down, and the replay at each of
 * those versions must be exactly that state.
 */
class ReplayTest extends ServiceTest {
    private static final Duration PATIENCE = Duration.ofSeconds(15);


    /** What a dashboard shows: how many joined, and each capability's rating. */
    record Seen(int participantCount, Map<String, JsonNode> ratings) {
        static Seen of(JsonNode workshop) {
            Map<String, JsonNode> ratings = new HashMap<>();
            workshop.get("capabilities").forEach(c -> ratings.put(c.get("id").asText(), c.get("rating")));
            return new Seen(workshop.get("participantCount").asInt(), ratings);
        }

        Seen apply(JsonNode message) {
            Map<String, JsonNode> next = new HashMap<>(ratings);
            return switch (message.get("type").asText()) {
                case "participant.joined" -> new Seen(message.get("participantCount").asInt(), next);
                // Conflated: the latest state of everything the changes since the last push touched.
                case "workshop.changes" -> {
                    message.get("capabilities").forEach(c -> next.put(c.get("id").asText(), c.get("rating")));
                    yield new Seen(message.get("participantCount").asInt(), next);
                }
                case "capability.rated" -> {
                    next.put(message.get("capabilityId").asText(), message.get("rating"));
                    yield new Seen(participantCount, next);
                }
                default -> throw new AssertionError("unknown message " + message);
            };
        }
    }

    @Test
    void givenAClientFollowingAMeeting_whenReplayedAtEachVersionItSaw_thenTheReplayIsWhatItSaw() throws Exception {
        JsonNode workshop = api.createWorkshop(facilitator, "Återblick");
        String workshopId = workshop.get("id").asText();
        String joinCode = workshop.get("joinCode").asText();
        String anna = api.join(joinCode, "Anna", "Trollhättan").get("token").asText();

        try (LiveClient live = LiveClient.connect(samverka.webSocketUrl(), anna).subscribeToWorkshop(workshopId)) {
            awaitSubscribed(joinCode, live);
            JsonNode snapshot = api.workshop(anna, workshopId).require(200);
            String bo = api.join(joinCode, "Bo", "Vänersborg").get("token").asText();
            api.rate(anna, workshopId, "set-goals", 2).require(200);
            api.rate(bo, workshopId, "set-goals", 5).require(200);
            api.rate(anna, workshopId, "set-goals", 4).require(200);
            api.join(joinCode, "Cecilia", "Grästorp");
            api.rate(bo, workshopId, "develop-department", 3).require(200);
            long last = api.rate(anna, workshopId, "develop-department", 1).require(200).get("version").asLong();
            await().atMost(PATIENCE).until(() -> live.messages().stream()
                    .anyMatch(m -> m.get("version").asLong() == last));

            TreeMap<Long, Seen> seen = new TreeMap<>();
            long version = snapshot.get("version").asLong();
            seen.put(version, Seen.of(snapshot));
            for (JsonNode message : live.messages()) {
                if (message.get("version").asLong() <= version) {
                    continue;
                }
                if (message.get("type").asText().equals("workshop.changes")) {
                    assertThat(message.get("since").asLong()).as("no gap").isLessThanOrEqualTo(version);
                } else {
                    assertThat(message.get("version").asLong()).as("no gap").isEqualTo(version + 1);
                }
                version = message.get("version").asLong();
                seen.put(version, seen.lastEntry().getValue().apply(message));
            }
            assertThat(seen.lastKey()).isEqualTo(last);
            // Eight changes; a busy moment may conflate some of them into one push.
            assertThat(seen).hasSizeGreaterThanOrEqualTo(2);

            for (Map.Entry<Long, Seen> then : seen.entrySet()) {
                JsonNode replayed = api.send("GET", "/api/v1/workshops/" + workshopId + "/replay?version="
                        + then.getKey(), anna, (String) null).require(200);
                assertThat(replayed.get("version").asLong()).isEqualTo(then.getKey());
                assertThat(replayed.get("latestVersion").asLong()).isEqualTo(last);
                assertThat(Seen.of(replayed.get("workshop"))).as("version " + then.getKey())
                        .isEqualTo(then.getValue());
            }

            JsonNode now = api.send("GET", "/api/v1/workshops/" + workshopId + "/replay", facilitator,
                    (String) null).require(200);
            assertThat(now.get("workshop")).isEqualTo(api.workshop(facilitator, workshopId).require(200));
            JsonNode third = api.send("GET", "/api/v1/workshops/" + workshopId + "/replay?version="
                    + (seen.firstKey() + 3), facilitator, (String) null).require(200);
            JsonNode atThatMoment = api.send("GET", "/api/v1/workshops/" + workshopId + "/replay?at="
                    + URLEncoder.encode(third.get("occurredAt").asText(), StandardCharsets.UTF_8), facilitator,
                    (String) null).require(200);
            assertThat(atThatMoment.get("occurredAt")).isEqualTo(third.get("occurredAt"));
            assertThat(atThatMoment.get("version").asLong()).isGreaterThanOrEqualTo(third.get("version").asLong());
        }
    }

    @Test
    void givenBadOrForeignReplays_thenRefused() {
        JsonNode workshop = api.createWorkshop(facilitator, "Annan");
        JsonNode other = api.createWorkshop(facilitator, "Tredje");
        String stranger = api.join(other.get("joinCode").asText(), "Dan", "Orust").get("token").asText();
        String path = "/api/v1/workshops/" + workshop.get("id").asText() + "/replay";
        // Access is checked against the read model, which holds the new workshop a moment after the command.
        await().atMost(PATIENCE).until(() -> api.workshop(facilitator, workshop.get("id").asText()).status() == 200);

        assertThat(api.send("GET", path + "?version=0", stranger, (String) null).status()).isEqualTo(403);
        assertThat(api.send("GET", path + "?version=99", facilitator, (String) null).status()).isEqualTo(400);
        assertThat(api.send("GET", path + "?at=1999-01-01T00:00:00Z", facilitator, (String) null).status())
                .isEqualTo(400);
        assertThat(api.send("GET", path + "?at=soon", facilitator, (String) null).status()).isEqualTo(400);
        assertThat(api.send("GET", path + "?version=0", facilitator, (String) null).require(200)
                .get("workshop").get("participantCount").asInt()).isZero();
    }

    private static void awaitSubscribed(String joinCode, LiveClient live) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).until(() -> {
            List<JsonNode> messages = live.messages();
            if (!messages.isEmpty()) {
                return true;
            }
            api.join(joinCode, "Probe", "Probe");
            return false;
        });
    }
}
