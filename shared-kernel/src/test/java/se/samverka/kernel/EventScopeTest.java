package se.samverka.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.samverka.kernel.capability.CapabilityCategory;
import se.samverka.kernel.capability.CapabilityModel;
import se.samverka.kernel.capability.CapabilityNode;
import se.samverka.kernel.capability.LocalizedText;
import se.samverka.kernel.project.ProjectCreatedEvent;
import se.samverka.kernel.project.ProjectId;
import se.samverka.kernel.workshop.CapabilityRatedEvent;
import se.samverka.kernel.workshop.ParticipantId;
import se.samverka.kernel.workshop.WorkshopCreatedEvent;
import se.samverka.kernel.workshop.WorkshopId;

class EventScopeTest {
    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    private static final CapabilityModel MODEL = new CapabilityModel("t", new LocalizedText("M", "M"), List.of(),
            List.of(new CapabilityCategory("core", new LocalizedText("K", "C"),
                    List.of(new CapabilityNode("set-goals", new LocalizedText("Mål", "Goals"), null)))));

    /** Stands for an event of an aggregate not written yet, e.g. a decision of a steering meeting. */
    record DecisionProposedEvent(String decisionId, ProjectId projectId, String proposal) {
    }

    record LooksAlikeEvent(String projectId, String workshopId) {
    }

    @Test
    void givenWorkshopCreated_thenBothProjectAndWorkshopAreNamed() {
        var event = new WorkshopCreatedEvent(new WorkshopId("w1"), new ProjectId("p1"), "T", "ABC234", "admin",
                MODEL, NOW);

        assertThat(EventScope.projectOf(event)).contains(new ProjectId("p1"));
        assertThat(EventScope.workshopOf(event)).contains(new WorkshopId("w1"));
    }

    @Test
    void givenRating_thenOnlyTheWorkshopIsNamed() {
        var event = new CapabilityRatedEvent(new WorkshopId("w1"), new ParticipantId("anna"), "set-goals", 4, null,
                NOW);

        assertThat(EventScope.projectOf(event)).isEmpty();
        assertThat(EventScope.workshopOf(event)).contains(new WorkshopId("w1"));
    }

    @Test
    void givenEventsOfOtherAggregates_thenTheirProjectIsFoundWithoutKnowingTheirType() {
        assertThat(EventScope.projectOf(new DecisionProposedEvent("d1", new ProjectId("p9"), "Att godkänna")))
                .contains(new ProjectId("p9"));
        assertThat(EventScope.projectOf(new ProjectCreatedEvent(new ProjectId("p2"), "P", MODEL, "admin", NOW)))
                .contains(new ProjectId("p2"));
    }

    @Test
    void givenPlainStringsOrNoRecord_thenNothingIsNamed() {
        assertThat(EventScope.projectOf(new LooksAlikeEvent("p1", "w1"))).isEmpty();
        assertThat(EventScope.workshopOf(new LooksAlikeEvent("p1", "w1"))).isEmpty();
        assertThat(EventScope.projectOf("text")).isEmpty();
        assertThat(EventScope.projectOf(null)).isEmpty();
    }
}
