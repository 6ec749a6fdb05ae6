package se.samverka.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.samverka.app.support.RunningSamverka;

/**
 * The web client and the API are served with a content security policy (no foreign or inline
 * scripts, no framing, connections only to the service) and the usual hardening headers. The
 * browser tests run the built client under this policy.
 */
class SecurityHeadersTest {
    @TempDir
    Path dataDir;

    @Test
    void pagesAndApiCarrySecurityHeaders() throws Exception {
        try (RunningSamverka samverka = RunningSamverka.start(dataDir)) {
            HttpClient http = HttpClient.newHttpClient();
            for (String path : new String[] {"/", "/index.html", "/api/v1/workshops"}) {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(samverka.baseUrl() + path))
                        .header("Accept", "text/html,application/json").build(), HttpResponse.BodyHandlers.ofString());
                assertThat(answer.headers().firstValue("Content-Security-Policy")).as(path)
                        .hasValueSatisfying(csp -> assertThat(csp)
                                .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'",
                                        "object-src 'none'")
                                .doesNotContain("unsafe-eval", "*"));
                assertThat(answer.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
                assertThat(answer.headers().firstValue("X-Frame-Options")).contains("DENY");
                assertThat(answer.headers().firstValue("Referrer-Policy")).contains("no-referrer");
            }
            HttpResponse<String> index = http.send(HttpRequest.newBuilder(URI.create(samverka.baseUrl() + "/"))
                    .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(index.statusCode()).isEqualTo(200);
            assertThat(index.body()).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
        }
    }
}
