package se.samverka.query.meeting;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import se.samverka.kernel.meeting.DecisionVoteCastEvent;
import se.samverka.kernel.meeting.MeetingEvent;
import se.samverka.kernel.personal.PersonalDataCipher;
import se.samverka.kernel.workshop.ParticipantErasedEvent;
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
    private final PersonalDataCipher personalData;

    /** For tests whose events carry names in the clear. */
    public MeetingProjection(MeetingViews views, MyBallots ballots, LivePublisher live) {
        this(views, ballots, live, PersonalDataCipher.PLAIN);
    }

    @Autowired
    public MeetingProjection(MeetingViews views, MyBallots ballots, LivePublisher live,
                             PersonalDataCipher personalData) {
        this.views = views;
        this.ballots = ballots;
        this.live = live;
        this.personalData = personalData;
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
        views.apply(workshopId, version, current -> MeetingEvolution.evolve(current, event, personalData::reveal))
                .ifPresent(change -> live.publishToWorkshop(workshopId, STREAM,
                        new MeetingLiveMessage(change.type(), change.view().version(), change.view())));
    }

    /**
     * An erased participant reads as erased in the meeting (presence, steering group, votes).
     * The meeting's version stays, as its own events did not change; the workshop stream
     * announces the erasure ({@code participant.erased}), on which screens reload.
     */
    @EventHandler
    void on(ParticipantErasedEvent event) {
        views.erase(event.workshopId().value(), event.participantId().value(), PersonalDataCipher.ERASED);
    }

    @ResetHandler
    void reset() {
        views.deleteAll();
        ballots.deleteAll();
    }
}
