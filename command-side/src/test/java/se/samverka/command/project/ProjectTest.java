package se.samverka.command.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.samverka.kernel.capability.CapabilityCategory;
import se.samverka.kernel.capability.CapabilityModel;
import se.samverka.kernel.capability.CapabilityNode;
import se.samverka.kernel.capability.LocalizedText;
import se.samverka.kernel.project.ProjectCreatedEvent;
import se.samverka.kernel.project.ProjectId;

class ProjectTest {
    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    private static final ProjectId PROJECT = new ProjectId("p1");
    private static final CapabilityModel MODEL = new CapabilityModel("t", new LocalizedText("Modell", "Model"),
            List.of(), List.of(new CapabilityCategory("core", new LocalizedText("Kärn", "Core"),
                    List.of(new CapabilityNode("set-goals", new LocalizedText("Sätta mål", "Set goals"), null)))));

    private FixtureConfiguration<Project> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Project.class);
    }

    @Test
    void givenNothing_whenConstructed_thenProjectCreatedWithItsModel() {
        fixture.givenNoPriorActivity()
                .whenConstructing(() -> new Project(PROJECT, "Digital Motor Fyrbodal", MODEL, "admin", NOW))
                .expectEvents(new ProjectCreatedEvent(PROJECT, "Digital Motor Fyrbodal", MODEL, "admin", NOW))
                .expectState(project -> assertThat(project.capabilityModel()).isEqualTo(MODEL));
    }
}
