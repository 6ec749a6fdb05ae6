package se.samverka.app.role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.samverka.app.support.ApiClient;
import se.samverka.app.support.LiveClient;
import se.samverka.app.support.LiveProbe;
import se.samverka.app.support.PostgresDatabase;
import se.samverka.app.support.RunningSamverka;

/**
 * The split topology in one JVM: a command node and a query-only node ({@code samverka.role})
 * on one PostgreSQL store, each with its own data directory and the same token key. An admin
 * disables a facilitator on the command node; from the next request on the query-only node
 * refuses that facilitator's token too, over HTTP and on the live channel (a new CONNECT, and a
 * SUBSCRIBE on a session opened before), and takes it again once the account is enabled. The
 * admin's own token works throughout.
 */
class QueryNodeDisabledAccountTest {
    private static final String SECRET = "a-token-key-both-nodes-share-0123456789";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path commandDir;
    @TempDir
    Path queryDir;

    @Test
    void givenAFacilitatorDisabledOnTheCommandNode_whenTheirTokenIsUsedOnAQueryNode_thenRefusedUntilEnabled()
            throws Exception {
        try (PostgresDatabase database = PostgresDatabase.create("samverka_query_disabled");
             RunningSamverka command = RunningSamverka.start(commandDir, node(database, "command"));
             RunningSamverka query = RunningSamverka.start(queryDir, node(database, "query"))) {
            ApiClient commands = new ApiClient(command.baseUrl());
            ApiClient reads = new ApiClient(query.baseUrl());
            String admin = commands.loginAdmin();
            commands.send("POST", "/api/v1/accounts", admin, Map.of("username", "karin",
                    "password", "karins-lösenord")).require(201);
            String karin = commands.login("karin", "karins-lösenord");
            // Not ApiClient.createWorkshop: it waits for the read on the node it sent to, which here has no reads.
            JsonNode workshop = commands.send("POST", "/api/v1/workshops", karin, Map.of("title", "Karins möte"))
                    .require(201);
            String workshopId = workshop.get("id").asText();
            String joinCode = workshop.get("joinCode").asText();
            await("the query node has the workshop").atMost(PATIENCE)
                    .until(() -> reads.workshop(karin, workshopId).status() == 200);

            try (LiveClient openBefore = LiveClient.connect(query.webSocketUrl(), karin)) {
                openBefore.subscribeToWorkshop(workshopId);
                LiveProbe.awaitSubscribed(commands, joinCode, openBefore);

                commands.send("PUT", "/api/v1/accounts/karin/disabled", admin, Map.of("disabled", true))
                        .require(200);

                // The very next requests, without waiting for anything.
                ApiClient.Response read = reads.workshop(karin, workshopId);
                assertThat(read.status()).as("a read on the query node").isEqualTo(401);
                assertThat(read.contentType()).startsWith("application/problem+json");
                assertThat(read.body().get("detail").asText()).isEqualTo("the account is disabled");
                assertThat(reads.send("GET", "/api/v1/workshops", karin, (String) null).status())
                        .as("the list of workshops").isEqualTo(401);
                assertThat(reads.send("GET", "/api/v1/workshops", admin, (String) null).status())
                        .as("the admin still reads").isEqualTo(200);

                try (LiveClient connecting = LiveClient.attempt(query.webSocketUrl(), karin)) {
                    await("the CONNECT refused").atMost(PATIENCE).until(() -> !connecting.errors().isEmpty());
                    assertThat(connecting.isConnected()).isFalse();
                    assertThat(connecting.errors()).anySatisfy(error -> assertThat(error).contains("disabled"));
                }

                // The session opened before may not follow anything more: its next SUBSCRIBE ends it.
                assertThat(openBefore.isConnected()).isTrue();
                openBefore.subscribe("/topic/workshops." + workshopId + ".audit");
                await("the session ended").atMost(PATIENCE).until(() -> !openBefore.isConnected());
            }

            commands.send("PUT", "/api/v1/accounts/karin/disabled", admin, Map.of("disabled", false)).require(200);
            assertThat(reads.workshop(karin, workshopId).status()).as("enabled again").isEqualTo(200);
            try (LiveClient again = LiveClient.connect(query.webSocketUrl(), karin)) {
                again.subscribeToWorkshop(workshopId);
                LiveProbe.awaitSubscribed(commands, joinCode, again);
                assertThat(again.isConnected()).isTrue();
            }
        }
    }

    private static String[] node(PostgresDatabase database, String role) {
        List<String> properties = new ArrayList<>(List.of(database.serviceProperties(database.url())));
        properties.addAll(List.of("samverka.role=" + role, "samverka.token.secret=" + SECRET,
                "samverka.node-name=" + role));
        return properties.toArray(String[]::new);
    }
}
