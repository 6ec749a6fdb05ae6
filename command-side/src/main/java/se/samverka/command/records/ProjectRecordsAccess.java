package se.samverka.command.records;

import java.time.Clock;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;
import se.samverka.command.workshop.ProjectOrganisations;
import se.samverka.kernel.project.ProjectId;
import se.samverka.kernel.records.OrganisationList;
import se.samverka.kernel.records.OrganisationsSetEvent;
import se.samverka.kernel.records.ApprovePlanCommand;
import se.samverka.kernel.records.PlanState;
import se.samverka.kernel.records.ProjectRecordsId;
import se.samverka.kernel.workshop.WorkshopId;

/**
 * The project records as other command handlers need them, inside their unit of work: a plan
 * version's state, the records' version, and *approve plan*. A project without records has no
 * plan versions and no version (null).
 */
@Component
public class ProjectRecordsAccess implements ProjectOrganisations {
    private final Repository<ProjectRecords> records;
    private final EventStore events;

    public ProjectRecordsAccess(Repository<ProjectRecords> records, EventStore events) {
        this.records = records;
        this.events = events;
    }

    public PlanState planState(ProjectId project, String planVersion) {
        return exists(project) ? load(project).invoke(r -> r.planState(planVersion)) : null;
    }

    public Long version(ProjectId project) {
        return exists(project) ? load(project).invoke(ProjectRecords::version) : null;
    }

    public WorkshopId statusReportFor(ProjectId project, WorkshopId meeting) {
        return exists(project) ? load(project).invoke(r -> r.statusReportFor(meeting)) : null;
    }

    public void approvePlan(ApprovePlanCommand command, Clock clock) {
        load(command.projectId()).execute(r -> r.approvePlan(command, clock));
    }

    /**
     * The project's member organisations, read from the records' events rather than by loading
     * the aggregate: a whole room joins at once, and loading would lock the records for each join.
     */
    @Override
    public OrganisationList of(ProjectId project) {
        OrganisationList list = OrganisationList.OPEN;
        DomainEventStream stream = events.readEvents(ProjectRecordsId.of(project).value());
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getPayload() instanceof OrganisationsSetEvent set) {
                list = new OrganisationList(set.organisations(), set.allowOther());
            }
        }
        return list;
    }

    private boolean exists(ProjectId project) {
        return events.lastSequenceNumberFor(ProjectRecordsId.of(project).value()).isPresent();
    }

    private org.axonframework.modelling.command.Aggregate<ProjectRecords> load(ProjectId project) {
        return records.load(ProjectRecordsId.of(project).value());
    }
}
