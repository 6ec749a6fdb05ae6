package se.samverka.app.risk;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.awaitility.Awaitility;
import se.samverka.app.support.ApiClient;

/** The risk register's HTTP API as the tests call it: thin wrappers over {@link ApiClient}. */
final class RiskApi {
    private final ApiClient api;

    RiskApi(ApiClient api) {
        this.api = api;
    }

    static String base(String projectId) {
        return "/api/v1/projects/" + projectId + "/risks";
    }

    static Map<String, Object> risk(String threat, int probability, int impact) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("threat", threat);
        body.put("probability", probability);
        body.put("impact", impact);
        return body;
    }

    ApiClient.Response register(String token, String projectId, Map<String, ?> body) {
        return api.send("POST", base(projectId), token, body);
    }

    ApiClient.Response register(String token, String projectId, String threat, int probability, int impact) {
        return register(token, projectId, risk(threat, probability, impact));
    }

    JsonNode registerOf(String token, String projectId) {
        return api.send("GET", base(projectId), token, (String) null).require(200);
    }

    /** The register once its read model has caught up with {@code version} (reads are eventually consistent). */
    JsonNode registerAtLeast(String token, String projectId, long version) {
        return Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> registerOf(token, projectId),
                register -> register.get("version").asLong() >= version);
    }

    ApiClient.Response post(String token, String projectId, String path, Map<String, ?> body) {
        return api.send("POST", base(projectId) + path, token, body);
    }

    ApiClient.Response put(String token, String projectId, String path, Map<String, ?> body) {
        return api.send("PUT", base(projectId) + path, token, body);
    }

    static JsonNode riskIn(JsonNode register, String riskId) {
        for (JsonNode risk : register.get("risks")) {
            if (risk.get("id").asText().equals(riskId)) {
                return risk;
            }
        }
        throw new AssertionError("no risk " + riskId + " in " + register);
    }
}
