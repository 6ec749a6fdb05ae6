package se.samverka.command.project;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import se.samverka.kernel.capability.CapabilityModel;
import se.samverka.kernel.capability.ModelChange;
import se.samverka.kernel.problem.DomainException;
import se.samverka.kernel.project.ProjectCreatedEvent;
import se.samverka.kernel.project.ProjectId;
import se.samverka.kernel.project.ProjectModelChangedEvent;

/**
 * A project owns the long-lived records its workshops and meetings work on: for now its
 * capability model; later its risk register, status reports and decisions.
 */
@Aggregate
public class Project {
    @AggregateIdentifier
    private ProjectId projectId;
    private CapabilityModel capabilityModel;
    private String createdBy;

    protected Project() {
        // for Axon's event sourcing
    }

    /** Creates a project; called by {@code WorkshopCreation} in the unit of work that creates its first workshop. */
    public Project(ProjectId projectId, String name, CapabilityModel capabilityModel, String createdBy,
                   Instant createdAt) {
        apply(new ProjectCreatedEvent(projectId, name, capabilityModel, createdBy, createdAt));
    }

    public CapabilityModel capabilityModel() {
        return capabilityModel;
    }

    /** Refuses anyone but the facilitator who created the project. */
    public void requireRunBy(String facilitator) {
        if (!createdBy.equals(facilitator)) {
            throw DomainException.forbidden("only the facilitator who runs this project may do this");
        }
    }

    /** Adopts an edited model; called by {@code ModelEditing}, which derives it from this one. */
    public void changeModel(ModelChange change, CapabilityModel next, Instant at) {
        if (!next.equals(capabilityModel)) {
            apply(new ProjectModelChangedEvent(projectId, change, next, at));
        }
    }

    @EventSourcingHandler
    void on(ProjectCreatedEvent event) {
        this.projectId = event.projectId();
        this.capabilityModel = event.capabilityModel();
        this.createdBy = event.createdBy();
    }

    @EventSourcingHandler
    void on(ProjectModelChangedEvent event) {
        this.capabilityModel = event.capabilityModel();
    }
}
