package se.samverka.query.records;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import se.samverka.kernel.project.ProjectId;
import se.samverka.kernel.records.ProjectRecordsEvent;
import se.samverka.kernel.records.ProjectRecordsId;
import se.samverka.query.processing.StreamReplay;

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
        return StreamReplay.atVersion(events, ProjectRecordsId.of(new ProjectId(projectId)).value(), version,
                RecordsView.empty(projectId), ProjectRecordsEvent.class,
                (view, event, sequence) -> RecordsProjection.evolve(view, event).withVersion(sequence),
                "records");
    }
}
