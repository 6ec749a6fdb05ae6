package se.samverka.query.risk;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import se.samverka.kernel.problem.DomainException;
import se.samverka.kernel.project.ProjectId;
import se.samverka.kernel.risk.RiskRegisterEvent;
import se.samverka.kernel.risk.RiskRegisterId;

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
        RiskRegisterView view = RiskRegisterView.empty(projectId);
        long latest = -1;
        DomainEventStream stream = events.readEvents(RiskRegisterId.of(new ProjectId(projectId)).value());
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            latest = message.getSequenceNumber();
            if (latest <= version && message.getPayload() instanceof RiskRegisterEvent event) {
                view = RiskRegisterEvolution.evolve(view, event, latest).view().withVersion(latest);
            }
        }
        if (version < 0 || version > latest) {
            throw new DomainException(DomainException.Kind.INVALID, "no-such-version",
                    latest < 0 ? "the project has no risk register yet" : "the register has versions 0 to " + latest);
        }
        return view;
    }
}
