package se.samverka.query.risk;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;
import se.samverka.kernel.risk.RiskRegisterEvent;
import se.samverka.query.live.LivePublisher;

/**
 * Projects the risk registers into MongoDB and pushes every change to
 * {@code /topic/projects.{projectId}.risks}: exactly one message per register event, sent only
 * after the read model holds the change, carrying the register version (the event's sequence
 * number in its register).
 */
@Component
@ProcessingGroup(RiskProjection.GROUP)
public class RiskProjection {
    public static final String GROUP = "risk-projection";
    static final String STREAM = "risks";

    private final RiskRegisterViews views;
    private final LivePublisher live;

    public RiskProjection(RiskRegisterViews views, LivePublisher live) {
        this.views = views;
        this.live = live;
    }

    @EventHandler
    void on(RiskRegisterEvent event, @SequenceNumber long version) {
        String projectId = event.projectId().value();
        views.apply(projectId, version, current -> RiskRegisterEvolution.evolve(current, event, version))
                .ifPresent(change -> live.publishToProject(projectId, STREAM, change.message()));
    }

    @ResetHandler
    void reset() {
        views.deleteAll();
    }
}
