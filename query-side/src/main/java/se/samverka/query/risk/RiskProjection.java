package se.samverka.query.risk;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import se.samverka.kernel.personal.PersonalDataCipher;
import se.samverka.kernel.risk.RiskProposedEvent;
import se.samverka.kernel.risk.RiskRegisterEvent;
import se.samverka.kernel.workshop.ParticipantErasedEvent;
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
    private final PersonalDataCipher personalData;

    /** For tests whose events carry names in the clear. */
    public RiskProjection(RiskRegisterViews views, LivePublisher live) {
        this(views, live, PersonalDataCipher.PLAIN);
    }

    @Autowired
    public RiskProjection(RiskRegisterViews views, LivePublisher live, PersonalDataCipher personalData) {
        this.views = views;
        this.live = live;
        this.personalData = personalData;
    }

    @EventHandler
    void on(RiskRegisterEvent stored, @SequenceNumber long version) {
        String projectId = stored.projectId().value();
        // The proposer's name is sealed personal data: opened here, before the view or a push holds it.
        RiskRegisterEvent event = stored instanceof RiskProposedEvent e ? new RiskProposedEvent(e.projectId(),
                e.proposalId(), e.threat(), e.vulnerability(), e.consequence(), e.assessment(), e.workshopId(),
                e.participantId(), personalData.reveal(e.proposedByName()), e.proposedAt()) : stored;
        views.apply(projectId, version, current -> RiskRegisterEvolution.evolve(current, event, version))
                .ifPresent(change -> live.publishToProject(projectId, STREAM, change.message()));
    }

    /** An erased participant's proposals keep their content and lose the proposer's name. */
    @EventHandler
    void on(ParticipantErasedEvent event) {
        views.eraseProposer(event.participantId().value(), PersonalDataCipher.ERASED);
    }

    @ResetHandler
    void reset() {
        views.deleteAll();
    }
}
