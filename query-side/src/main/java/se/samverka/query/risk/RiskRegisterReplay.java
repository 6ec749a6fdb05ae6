package se.samverka.query.risk;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import se.samverka.kernel.project.ProjectId;
import se.samverka.kernel.risk.RiskRegisterEvent;
import se.samverka.kernel.risk.RiskRegisterId;
import se.samverka.query.processing.StreamReplay;

/**
 * A project's risk register as it stood at a version, rebuilt in memory from the register's
 * events with the projection's own step ({@link RiskRegisterEvolution}): what a decision's
 * evidence (its risk register version) points at. Nothing is stored per version.
 */
@Component
public class RiskRegisterReplay {
    private final EventStore events;

    public RiskRegisterReplay(EventStore events) {
        this.events = events;
    }

    public RiskRegisterView atVersion(String projectId, long version) {
        return StreamReplay.atVersion(events, RiskRegisterId.of(new ProjectId(projectId)).value(), version,
                RiskRegisterView.empty(projectId), RiskRegisterEvent.class,
                (view, event, sequence) -> RiskRegisterEvolution.evolve(view, event, sequence).view()
                        .withVersion(sequence),
                "risk register");
    }
}
