package se.samverka.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;

/** A plain HTTP client of the public API, as any other client would use it. */
public final class ApiClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;

    public ApiClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** An HTTP answer: status, content type and body parsed as JSON (null when empty). */
    public record Response(int status, String contentType, JsonNode body) {
        public JsonNode require(int expected) {
            if (status != expected) {
                throw new AssertionError("expected " + expected + " but got " + status + ": " + body);
            }
            return body;
        }
    }

    public Response send(String method, String path, String token, String rawBody) {
        return send(method, path, token, rawBody, Map.of());
    }

    /** As {@link #send(String, String, String, String)}, with extra request headers (e.g. {@code X-Request-Id}). */
    public Response send(String method, String path, String token, String rawBody, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .method(method, rawBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(rawBody))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Response(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    body == null || body.isBlank() ? null : JSON.readTree(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An answer with its headers, for tests that look at them (Idempotency-Replayed, Retry-After). */
    public record Exchange(int status, HttpHeaders headers, String body) {
        public JsonNode json() {
            try {
                return body == null || body.isBlank() ? null : JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public Exchange exchange(String method, String path, String token, String rawBody, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .method(method, rawBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(rawBody))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Exchange(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response send(String method, String path, String token, Map<String, ?> body) {
        try {
            return send(method, path, token, body == null ? null : JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file as served: status, headers and the exact bytes (exports). */
    public record Download(int status, HttpHeaders headers, byte[] body) {
        public byte[] require(int expected) {
            if (status != expected) {
                throw new AssertionError("expected " + expected + " but got " + status + ": "
                        + new String(body, java.nio.charset.StandardCharsets.UTF_8));
            }
            return body;
        }
    }

    public Download download(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String login(String username, String password) {
        return send("POST", "/api/v1/auth/login", null, Map.of("username", username, "password", password))
                .require(200).get("token").asText();
    }

    public String loginAdmin() {
        return login("admin", RunningSamverka.ADMIN_PASSWORD);
    }

    /**
     * A new workshop from the Fyrbodal template: {id, projectId, joinCode}. Returns once the
     * read model holds it, as a facilitator's screen would wait for it, so tests can read it at once.
     */
    public JsonNode createWorkshop(String facilitatorToken, String title) {
        JsonNode created = send("POST", "/api/v1/workshops", facilitatorToken, Map.of("title", title)).require(201);
        String id = created.get("id").asText();
        Awaitility.await("workshop " + id + " in the read model").atMost(Duration.ofSeconds(20))
                .until(() -> workshop(facilitatorToken, id).status() == 200);
        return created;
    }

    /** Joins with the code: {workshopId, participantId, token}. */
    public JsonNode join(String joinCode, String name, String organisation) {
        return send("POST", "/api/v1/join", null,
                Map.of("joinCode", joinCode, "displayName", name, "organisation", organisation)).require(201);
    }

    public Response rate(String token, String workshopId, String capabilityId, int score) {
        return send("PUT", "/api/v1/workshops/" + workshopId + "/capabilities/" + capabilityId + "/rating", token,
                Map.of("score", score));
    }

    public Response workshop(String token, String workshopId) {
        return send("GET", "/api/v1/workshops/" + workshopId, token, (String) null);
    }

    /** The rating of one capability in a workshop's snapshot. */
    public static JsonNode ratingOf(JsonNode workshop, String capabilityId) {
        for (JsonNode capability : workshop.get("capabilities")) {
            if (capability.get("id").asText().equals(capabilityId)) {
                return capability.get("rating");
            }
        }
        throw new AssertionError("no capability " + capabilityId);
    }
}
