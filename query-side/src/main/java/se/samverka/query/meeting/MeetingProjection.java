package se.samverka.query.meeting;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;
import se.samverka.kernel.meeting.DecisionVoteCastEvent;
import se.samverka.kernel.meeting.MeetingEvent;
import se.samverka.query.live.LivePublisher;

/**
 * Projects meetings into MongoDB and pushes every change to
 * {@code /topic/workshops.{workshopId}.meeting}: exactly one message per meeting event, after the
 * read model holds it, carrying the meeting version and the whole meeting as it now stands.
 */
@Component
@ProcessingGroup(MeetingProjection.GROUP)
public class MeetingProjection {
    public static final String GROUP = "meeting-projection";
    static final String STREAM = "meeting";

    private final MeetingViews views;
    private final MyBallots ballots;
    private final LivePublisher live;

    public MeetingProjection(MeetingViews views, MyBallots ballots, LivePublisher live) {
        this.views = views;
        this.ballots = ballots;
        this.live = live;
    }

    /** The push: its type, the version it brings a client to, and the meeting. */
    public record MeetingLiveMessage(String type, long version, MeetingView meeting) {
    }

    @EventHandler
    void on(MeetingEvent event, @SequenceNumber long version) {
        String workshopId = event.workshopId().value();
        if (event instanceof DecisionVoteCastEvent cast) {
            // Before the meeting document: a replayed event finds the ballot already there.
            ballots.record(workshopId, cast.participantId().value(), cast.decisionId(), cast.optionId());
        }
        views.apply(workshopId, version, current -> MeetingEvolution.evolve(current, event))
                .ifPresent(change -> live.publishToWorkshop(workshopId, STREAM,
                        new MeetingLiveMessage(change.type(), change.view().version(), change.view())));
    }

    @ResetHandler
    void reset() {
        views.deleteAll();
        ballots.deleteAll();
    }
}
