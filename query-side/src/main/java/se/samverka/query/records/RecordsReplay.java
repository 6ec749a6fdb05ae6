package se.samverka.query.records;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import se.samverka.kernel.problem.DomainException;
import se.samverka.kernel.project.ProjectId;
import se.samverka.kernel.records.ProjectRecordsEvent;
import se.samverka.kernel.records.ProjectRecordsId;

/**
 * A project's records as they stood at a version, rebuilt in memory from the records' events
 * with the projection's own step ({@link RecordsProjection#evolve}): what a decision's evidence
 * (its records version) points at. Nothing is stored per version.
 */
@Component
public class RecordsReplay {
    private final EventStore events;

    public RecordsReplay(EventStore events) {
        this.events = events;
    }

    public RecordsView atVersion(String projectId, long version) {
        RecordsView view = RecordsView.empty(projectId);
        long latest = -1;
        DomainEventStream stream = events.readEvents(ProjectRecordsId.of(new ProjectId(projectId)).value());
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            latest = message.getSequenceNumber();
            if (latest <= version && message.getPayload() instanceof ProjectRecordsEvent event) {
                view = RecordsProjection.evolve(view, event).withVersion(latest);
            }
        }
        if (version < 0 || version > latest) {
            throw new DomainException(DomainException.Kind.INVALID, "no-such-version",
                    latest < 0 ? "the project has no records yet" : "the records have versions 0 to " + latest);
        }
        return view;
    }
}
