package se.samverka.command.risk;

import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import se.samverka.kernel.capability.CapabilityCategory;
import se.samverka.kernel.capability.CapabilityModel;
import se.samverka.kernel.capability.CapabilityNode;
import se.samverka.kernel.capability.LocalizedText;
import se.samverka.kernel.project.ProjectCreatedEvent;
import se.samverka.kernel.project.ProjectId;
import se.samverka.kernel.workshop.ParticipantId;
import se.samverka.kernel.workshop.ParticipantJoinedEvent;
import se.samverka.kernel.workshop.WorkshopCreatedEvent;
import se.samverka.kernel.workshop.WorkshopId;

/**
 * A real {@link ProjectMembership} over an in-memory event store holding two projects: p1 run
 * by admin with workshop w1 (Anna joined), and p2 run by eve with workshop w2 (Mallory joined).
 */
public final class Membership {
    public static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    public static final ProjectId PROJECT = new ProjectId("p1");
    public static final ProjectId OTHER_PROJECT = new ProjectId("p2");
    public static final WorkshopId WORKSHOP = new WorkshopId("w1");
    public static final WorkshopId OTHER_WORKSHOP = new WorkshopId("w2");
    public static final ParticipantId ANNA = new ParticipantId("anna");
    public static final ParticipantId MALLORY = new ParticipantId("mallory");
    public static final String FACILITATOR = "admin";
    public static final String OTHER_FACILITATOR = "eve";
    private static final CapabilityModel MODEL = new CapabilityModel("t", new LocalizedText("Modell", "Model"),
            List.of(), List.of(new CapabilityCategory("core", new LocalizedText("Kärn", "Core"),
                    List.of(new CapabilityNode("set-goals", new LocalizedText("Sätta mål", "Set goals"), null)))));

    private Membership() {
    }

    public static ProjectMembership withTwoProjects() {
        EventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        store.publish(
                event("Project", PROJECT.value(), 0,
                        new ProjectCreatedEvent(PROJECT, "Digital Motor Fyrbodal", MODEL, FACILITATOR, NOW)),
                event("Project", OTHER_PROJECT.value(), 0,
                        new ProjectCreatedEvent(OTHER_PROJECT, "Annat", MODEL, OTHER_FACILITATOR, NOW)),
                event("Workshop", WORKSHOP.value(), 0, new WorkshopCreatedEvent(WORKSHOP, PROJECT, "Riskmöte",
                        "ABC234", FACILITATOR, MODEL, NOW)),
                event("Workshop", WORKSHOP.value(), 1,
                        new ParticipantJoinedEvent(WORKSHOP, ANNA, "Anna", "Uddevalla", NOW)),
                event("Workshop", OTHER_WORKSHOP.value(), 0, new WorkshopCreatedEvent(OTHER_WORKSHOP, OTHER_PROJECT,
                        "Annat möte", "XYZ789", OTHER_FACILITATOR, MODEL, NOW)),
                event("Workshop", OTHER_WORKSHOP.value(), 1,
                        new ParticipantJoinedEvent(OTHER_WORKSHOP, MALLORY, "Mallory", "Tanum", NOW)));
        return new ProjectMembership(store);
    }

    private static GenericDomainEventMessage<Object> event(String type, String id, long sequence, Object payload) {
        return new GenericDomainEventMessage<>(type, id, sequence, payload);
    }
}
