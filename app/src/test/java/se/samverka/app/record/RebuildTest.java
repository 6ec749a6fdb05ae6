package se.samverka.app.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.springboot.TimeoutProperties;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.samverka.app.support.ServiceTest;
import se.samverka.query.audit.AuditProjection;
import se.samverka.query.meeting.MeetingProjection;
import se.samverka.query.workshop.WorkshopProjection;

/**
 * Rebuilding read models from the event store gives the state the live read models had: the
 * tracking processor is stopped, its tokens reset to the start of the event store, started
 * again, and the documents it writes are compared with those captured before.
 */
class RebuildTest extends ServiceTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @BeforeAll
    static void prepare() {
        for (String title : List.of("Förmågor Dalsland", "Förmågor Bohuslän")) {
            JsonNode workshop = api.createWorkshop(facilitator, title);
            String id = workshop.get("id").asText();
            String anna = api.join(workshop.get("joinCode").asText(), "Anna", "Åmål").get("token").asText();
            JsonNode joinedBo = api.join(workshop.get("joinCode").asText(), "Bo", "Färgelanda");
            String bo = joinedBo.get("token").asText();
            for (String present : List.of(anna, bo)) {
                api.send("PUT", "/api/v1/workshops/" + id + "/meeting/presence", present, (String) null).require(200);
            }
            api.rate(anna, id, "set-goals", 2).require(200);
            api.rate(bo, id, "set-goals", 5).require(200);
            api.rate(anna, id, "set-goals", 4).require(200);
            api.rate(bo, id, "develop-department", 1).require(200);
            api.rate(anna, id, "formulate-direction", 3).require(200);
            // Bo is erased: the live read models blank him, the rebuilt ones cannot open his name.
            long last = api.send("DELETE", "/api/v1/workshops/" + id + "/participants/"
                    + joinedBo.get("participantId").asText() + "/personal-data", facilitator, (String) null)
                    .require(200).get("version").asLong();
            await().atMost(PATIENCE).until(() -> api.workshop(facilitator, id).require(200).get("version")
                    .asLong() == last);
        }
    }

    /**
     * A rebuild's speed (issue 8): Axon times each event handler call on its own unless told not
     * to, at a stack trace per call; each processor's batch keeps its timeout.
     */
    @Test
    void givenTheService_thenEventHandlerCallsHaveNoTimerOfTheirOwn_butProcessorBatchesDo() {
        TimeoutProperties timeouts = samverka.context().getBean(TimeoutProperties.class);
        assertThat(timeouts.isEnabled()).isTrue();
        assertThat(timeouts.getHandler().getEvents().getTimeoutMs()).isNegative();
        assertThat(timeouts.getHandler().getEvents().getWarningThresholdMs()).isNegative();
        assertThat(timeouts.getTransaction().getEventProcessors().getTimeoutMs()).isPositive();
    }

    @Test
    void givenLiveWorkshopReadModels_whenTheProjectionIsRebuiltFromTheEvents_thenTheDocumentsAreTheSame() {
        assertRebuildGivesTheSame(WorkshopProjection.GROUP, "workshops", "participants", "ratings");
    }

    @Test
    void givenTheLiveAuditTrail_whenItIsRebuiltFromTheEvents_thenEveryLineIsTheSame() {
        await().atMost(PATIENCE).until(() -> caughtUp(processor(AuditProjection.GROUP)));
        assertRebuildGivesTheSame(AuditProjection.GROUP, "audit_entries", "audit_people", "audit_subjects");
    }

    @Test
    void givenLiveMeetingsWithAnErasedParticipant_whenRebuiltFromTheEvents_thenTheSame() {
        assertRebuildGivesTheSame(MeetingProjection.GROUP, "meetings");
        assertThat(dump("meetings").get("meetings").toString()).doesNotContain("displayName=Bo").contains("displayName=Raderad deltagare");
    }

    private static void assertRebuildGivesTheSame(String group, String... collections) {
        StreamingEventProcessor processor = processor(group);
        await().atMost(PATIENCE).until(() -> caughtUp(processor));
        Map<String, List<Document>> live = dump(collections);
        assertThat(live.values()).allSatisfy(documents -> assertThat(documents).isNotEmpty());

        processor.shutDown();
        processor.resetTokens();
        assertThat(dump(collections).values()).as("the reset forgot the read models")
                .allSatisfy(documents -> assertThat(documents).isEmpty());
        processor.start();

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(dump(collections)).isEqualTo(live));
        await().atMost(PATIENCE).until(() -> caughtUp(processor));
        assertThat(dump(collections)).isEqualTo(live);
    }

    private static StreamingEventProcessor processor(String group) {
        return samverka.context().getBean(EventProcessingConfiguration.class)
                .eventProcessor(group, StreamingEventProcessor.class)
                .orElseThrow(() -> new AssertionError("no processor " + group));
    }

    private static boolean caughtUp(StreamingEventProcessor processor) {
        return processor.isRunning() && !processor.processingStatus().isEmpty()
                && processor.processingStatus().values().stream().allMatch(EventTrackerStatus::isCaughtUp);
    }

    private static Map<String, List<Document>> dump(String... collections) {
        MongoDatabase database = samverka.context().getBean(MongoDatabase.class);
        Map<String, List<Document>> documents = new LinkedHashMap<>();
        for (String collection : collections) {
            documents.put(collection, database.getCollection(collection).find()
                    .sort(new Document("_id", 1)).into(new ArrayList<>()));
        }
        return documents;
    }
}
