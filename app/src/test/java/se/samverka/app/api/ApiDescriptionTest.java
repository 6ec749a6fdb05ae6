package se.samverka.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.samverka.app.support.ApiClient;
import se.samverka.app.support.RunningSamverka;

/** The served OpenAPI description covers the public API, and the web client is served at /. */
class ApiDescriptionTest {
    @TempDir
    Path dataDir;

    @Test
    void givenRunningService_whenDescriptionAndClientRequested_thenBothServed() throws Exception {
        try (RunningSamverka samverka = RunningSamverka.start(dataDir)) {
            ApiClient api = new ApiClient(samverka.baseUrl());

            JsonNode paths = api.send("GET", "/v3/api-docs", null, (String) null).require(200).get("paths");

            assertThat(paths.has("/api/v1/auth/login")).isTrue();
            assertThat(paths.has("/api/v1/workshops")).isTrue();
            assertThat(paths.has("/api/v1/join")).isTrue();
            assertThat(paths.has("/api/v1/workshops/{workshopId}")).isTrue();
            assertThat(paths.has("/api/v1/workshops/{workshopId}/capabilities/{capabilityId}/rating")).isTrue();
            assertThat(paths.has("/api/v1/projects/{projectId}/audit")).isTrue();
            assertThat(paths.has("/api/v1/projects/{projectId}/audit/verify")).isTrue();
            assertThat(paths.has("/api/v1/workshops/{workshopId}/replay")).isTrue();
            assertThat(paths.has("/api/v1/workshops/{workshopId}/export/ratings.csv")).isTrue();
            HttpResponse<String> index = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(samverka.baseUrl() + "/")).header("Accept", "text/html").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(index.statusCode()).isEqualTo(200);
            assertThat(index.body()).contains("<div id=\"app\"");
        }
    }
}
