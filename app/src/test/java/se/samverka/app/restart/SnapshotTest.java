package se.samverka.app.restart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samverka.app.support.ApiClient;
import se.samverka.app.support.RunningSamverka;

/**
 * A busy workshop is snapshotted in the real event store, and after a restart (no cached
 * aggregate) it is loaded from that snapshot and the events after it, and decides as before.
 * Snapshots every 5 events here instead of 500, so a few ratings cross several of them.
 */
class SnapshotTest {
    @TempDir
    Path dataDir;

    private static DomainEventMessage<?> firstLoaded(RunningSamverka samverka, String workshopId) {
        return samverka.context().getBean(EventStore.class).readEvents(workshopId).peek();
    }

    @Test
    void givenAWorkshopPastTheSnapshotInterval_whenTheServiceRestarts_thenItLoadsFromTheSnapshotAndDecidesAsBefore() {
        String workshopId;
        String anna;
        String bo;
        long lastVersion;
        try (RunningSamverka samverka = RunningSamverka.start(dataDir, "samverka.snapshots.workshop-every=5")) {
            ApiClient api = new ApiClient(samverka.baseUrl());
            String facilitator = api.loginAdmin();
            JsonNode workshop = api.createWorkshop(facilitator, "Ögonblicksbild");
            workshopId = workshop.get("id").asText();
            anna = api.join(workshop.get("joinCode").asText(), "Anna", "Lysekil").get("token").asText();
            bo = api.join(workshop.get("joinCode").asText(), "Bo", "Munkedal").get("token").asText();
            String[] capabilities = {"set-goals", "develop-department", "formulate-direction"};
            lastVersion = 0;
            for (int i = 0; i < 12; i++) {
                lastVersion = api.rate(i % 2 == 0 ? anna : bo, workshopId, capabilities[i % 3], 1 + i % 5)
                        .require(200).get("version").asLong();
            }
            long expected = lastVersion;
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    firstLoaded(samverka, workshopId).getPayloadType().getSimpleName().equals("WorkshopSnapshot"));
            Long snapshots = samverka.context().getBean(JdbcTemplate.class).queryForObject(
                    "SELECT COUNT(*) FROM SnapshotEventEntry WHERE aggregateIdentifier = ?", Long.class, workshopId);
            assertThat(snapshots).isPositive();
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    api.workshop(facilitator, workshopId).require(200).get("version").asLong() == expected);
        }

        try (RunningSamverka samverka = RunningSamverka.start(dataDir, "samverka.snapshots.workshop-every=5")) {
            ApiClient api = new ApiClient(samverka.baseUrl());
            DomainEventMessage<?> first = firstLoaded(samverka, workshopId);
            assertThat(first.getPayloadType().getSimpleName()).isEqualTo("WorkshopSnapshot");
            assertThat(first.getSequenceNumber()).isGreaterThanOrEqualTo(5);

            // Bo's last rating (i = 11) was formulate-direction 2: the same again stores nothing.
            assertThat(api.rate(bo, workshopId, "formulate-direction", 2).require(200).get("version").asLong())
                    .isEqualTo(lastVersion);
            long next = api.rate(anna, workshopId, "develop-department", 5).require(200).get("version").asLong();
            assertThat(next).isEqualTo(lastVersion + 1);
            String facilitator = api.loginAdmin();
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    api.workshop(facilitator, workshopId).require(200).get("version").asLong() == next);
            JsonNode rating = ApiClient.ratingOf(api.workshop(facilitator, workshopId).require(200),
                    "develop-department");
            assertThat(rating.get("count").asInt()).as("anna and bo").isEqualTo(2);
        }
    }
}
