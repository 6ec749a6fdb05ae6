package se.samverka.app.meeting;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import se.samverka.app.support.ApiClient;
import se.samverka.app.support.LiveClient;

/** The meeting and records endpoints as a client calls them, and a probe for the meeting stream. */
final class MeetingApi {
    private static final AtomicInteger PROBES = new AtomicInteger();
    private final ApiClient api;

    MeetingApi(ApiClient api) {
        this.api = api;
    }

    ApiClient.Response meeting(String token, String workshopId, String method, String path, Map<String, ?> body) {
        return api.send(method, "/api/v1/workshops/" + workshopId + "/meeting" + path, token, body);
    }

    ApiClient.Response records(String token, String projectId, String method, String path, Map<String, ?> body) {
        return api.send(method, "/api/v1/projects/" + projectId + "/records" + path, token, body);
    }

    JsonNode meetingOf(String token, String workshopId) {
        return api.send("GET", "/api/v1/workshops/" + workshopId + "/meeting", token, (String) null).require(200);
    }

    JsonNode recordsOf(String token, String projectId) {
        return api.send("GET", "/api/v1/projects/" + projectId + "/records", token, (String) null).require(200);
    }

    void setAgenda(String facilitator, String workshopId) {
        meeting(facilitator, workshopId, "PUT", "/agenda", Map.of(
                "purpose", "Kommunledningar i Fyrbodals kommuner har goda förutsättningar",
                "goals", List.of("Att projektplanen godkänns"),
                "items", List.of(Map.of("title", "Statusrapport"),
                        Map.of("title", "Aktiviteter", "details", List.of("Kort genomgång av projektet")),
                        Map.of("title", "Riskhantering"),
                        Map.of("title", "Beslut", "details", List.of("Godkänna projektplan"))))).require(200);
    }

    /**
     * Waits until every client follows the meeting stream: probe participants join and say they
     * are here until each client has seen a probe's presence pushed.
     */
    void awaitFollowing(String joinCode, String workshopId, LiveClient... clients) {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).until(() -> {
            boolean all = true;
            for (LiveClient client : clients) {
                all &= client.messages().stream().anyMatch(m -> m.get("type").asText().equals("meeting.present")
                        && lastPresent(m).startsWith("Probe"));
            }
            if (all) {
                return true;
            }
            JsonNode probe = api.join(joinCode, "Probe " + PROBES.incrementAndGet(), "Probe");
            meeting(probe.get("token").asText(), workshopId, "PUT", "/presence", null).require(200);
            return false;
        });
    }

    private static String lastPresent(JsonNode message) {
        JsonNode present = message.get("meeting").get("present");
        return present.size() == 0 ? "" : present.get(present.size() - 1).get("displayName").asText();
    }

    static JsonNode decision(JsonNode meeting, String id) {
        for (JsonNode decision : meeting.get("decisions")) {
            if (decision.get("id").asText().equals(id)) {
                return decision;
            }
        }
        throw new AssertionError("no decision " + id + " in " + meeting);
    }
}
