package se.samverka.query.workshop;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import se.samverka.kernel.workshop.AgreedModeRecordedEvent;
import se.samverka.kernel.workshop.CapabilityRatedEvent;
import se.samverka.kernel.personal.PersonalDataCipher;
import se.samverka.kernel.workshop.ParticipantErasedEvent;
import se.samverka.kernel.workshop.ParticipantJoinedEvent;
import se.samverka.kernel.workshop.ParticipantRemovedEvent;
import se.samverka.kernel.workshop.ResponsibilityModeVotedEvent;
import se.samverka.kernel.workshop.RoundClosedEvent;
import se.samverka.kernel.workshop.RoundOpenedEvent;
import se.samverka.kernel.workshop.RoundRevealedEvent;
import se.samverka.kernel.workshop.RoundTimedOutEvent;
import se.samverka.kernel.workshop.ScenarioDefinedEvent;
import se.samverka.kernel.workshop.ScenarioVoteCastEvent;
import se.samverka.kernel.workshop.ScenarioVoteClosedEvent;
import se.samverka.kernel.workshop.ScenarioVoteOpenedEvent;
import se.samverka.kernel.workshop.ScenarioVoteRevealedEvent;
import se.samverka.kernel.workshop.WorkshopCreatedEvent;
import se.samverka.kernel.workshop.WorkshopModelChangedEvent;
import se.samverka.query.live.LiveMessages;
import se.samverka.query.live.LivePublisher;

/**
 * Projects workshop events into MongoDB and pushes each change live. The workshop version
 * is the event's sequence number in its workshop, so clients can tell when they missed one:
 * every event after the first pushes exactly one message, unless the publisher conflates several
 * of a busy workshop into one state message (see {@link LivePublisher}). A push goes out only
 * after the read model holds the change, so a client that reloads on a gap finds at least what
 * was announced; within a tracking batch that is after the batch's one write per workshop.
 *
 * <p>Sealing is enforced here: a rating in a sealed round updates only the round's voter count
 * in the workshop document, and its push says only how many have voted. The values wait in
 * the ratings collection, which nothing serves, until the reveal computes the results.
 */
@Component
@ProcessingGroup(WorkshopProjection.GROUP)
public class WorkshopProjection {
    public static final String GROUP = "workshop-projection";

    private final WorkshopViews views;
    private final LivePublisher live;
    private final PersonalDataCipher personalData;

    /** For tests whose events carry names in the clear. */
    public WorkshopProjection(WorkshopViews views, LivePublisher live) {
        this(views, live, PersonalDataCipher.PLAIN);
    }

    @Autowired
    public WorkshopProjection(WorkshopViews views, LivePublisher live, PersonalDataCipher personalData) {
        this.views = views;
        this.live = live;
        this.personalData = personalData;
    }

    @EventHandler
    void on(WorkshopCreatedEvent event, @SequenceNumber long version) {
        views.create(WorkshopView.created(event, version));
    }

    @EventHandler
    void on(ParticipantJoinedEvent event, @SequenceNumber long version) {
        String workshopId = event.workshopId().value();
        String name = personalData.reveal(event.displayName());
        String organisation = personalData.revealOrNull(event.organisation());
        views.saveParticipant(new ParticipantView(event.participantId().value(), workshopId, name, organisation,
                event.joinedAt()));
        views.apply(workshopId, version, view -> view.withParticipantCount(view.participantCount() + 1))
                .ifPresent(view -> push(workshopId, version, view, new LiveMessages.ParticipantJoined(version,
                        workshopId, view.participantCount(), new LiveMessages.ParticipantSummary(
                        event.participantId().value(), name, organisation)), LivePublisher.Touched.PARTICIPANTS));
    }

    /** The participant's name and organisation go from the read models; their ratings stay, without organisation. */
    @EventHandler
    void on(ParticipantErasedEvent event, @SequenceNumber long version) {
        String workshopId = event.workshopId().value();
        views.eraseParticipant(event.participantId().value(), PersonalDataCipher.ERASED);
        views.apply(workshopId, version, view -> view)
                .ifPresent(view -> push(workshopId, version, view, new LiveMessages.ParticipantErased(version,
                        workshopId, event.participantId().value()), null));
    }

    /** The removed participant leaves the list and the count; what they rated stays in the results. */
    @EventHandler
    void on(ParticipantRemovedEvent event, @SequenceNumber long version) {
        String workshopId = event.workshopId().value();
        views.deleteParticipant(event.participantId().value());
        views.apply(workshopId, version, view -> view.withParticipantCount(Math.max(0, view.participantCount() - 1)))
                .ifPresent(view -> push(workshopId, version, view, new LiveMessages.ParticipantRemoved(version,
                        workshopId, view.participantCount(), event.participantId().value()), null));
    }

    @EventHandler
    void on(CapabilityRatedEvent event, @SequenceNumber long version) {
        String workshopId = event.workshopId().value();
        String participantId = event.participantId().value();
        String roundId = event.roundId() == null ? null : event.roundId().value();
        WorkshopView current = views.findProjected(workshopId).orElseThrow(() ->
                new IllegalStateException("workshop " + workshopId + " is not projected yet"));
        String organisation = views.participant(participantId).map(ParticipantView::organisation).orElse(null);
        views.saveRating(new RatingRecord(RatingRecord.idOf(participantId, roundId, event.capabilityId(),
                event.dimension()), workshopId, current.projectId(), participantId, organisation, roundId,
                event.capabilityId(), event.dimension(), event.score()));
        if (roundId == null) {
            views.apply(workshopId, version, view -> view.withRating(event.capabilityId(), event.score(),
                            event.previousScore()))
                    .ifPresent(view -> push(workshopId, version, view, new LiveMessages.CapabilityRated(version,
                            workshopId, event.capabilityId(), view.capability(event.capabilityId()).rating()),
                            LivePublisher.Touched.capability(event.capabilityId())));
            return;
        }
        views.apply(workshopId, version, view -> view.withRound(roundId, round -> {
                    RoundView voted = round.withVoter(participantId);
                    return round.sealed() ? voted
                            : voted.withRating(event.capabilityId(), event.dimension(), event.score(),
                            event.previousScore());
                }))
                .ifPresent(view -> {
                    RoundView round = view.round(roundId);
                    push(workshopId, version, view, round.sealed()
                            ? new LiveMessages.RoundProgress(version, workshopId, roundId, round.voterCount())
                            : new LiveMessages.RoundRated(version, workshopId, roundId, event.capabilityId(),
                            event.dimension(), resultOf(round, event.capabilityId(), event.dimension()),
                            round.voterCount()), LivePublisher.Touched.round(roundId));
                });
    }

    @EventHandler
    void on(RoundOpenedEvent event, @SequenceNumber long version) {
        String workshopId = event.workshopId().value();
        views.apply(workshopId, version, view -> view.withRound(RoundView.opened(event)))
                .ifPresent(view -> push(workshopId, version, view, new LiveMessages.RoundOpened(version, workshopId,
                        view.round(event.roundId().value())), null));
    }

    @EventHandler
    void on(RoundClosedEvent event, @SequenceNumber long version) {
        close(event.workshopId().value(), event.roundId().value(), event.closedAt(), false, version);
    }

    @EventHandler
    void on(RoundTimedOutEvent event, @SequenceNumber long version) {
        close(event.workshopId().value(), event.roundId().value(), event.closedAt(), true, version);
    }

    private void close(String workshopId, String roundId, java.time.Instant at, boolean byTimer, long version) {
        views.apply(workshopId, version, view -> view.withRound(roundId, round -> round.closed(at, byTimer)))
                .ifPresent(view -> push(workshopId, version, view,
                        new LiveMessages.RoundClosed(version, workshopId, roundId, byTimer), null));
    }

    @EventHandler
    void on(RoundRevealedEvent event, @SequenceNumber long version) {
        String workshopId = event.workshopId().value();
        String roundId = event.roundId().value();
        views.apply(workshopId, version, view -> view.withRound(roundId, round -> round.revealed(event.revealedAt(),
                        RoundResults.of(views.ratingsOfRound(workshopId, roundId), view))))
                .ifPresent(view -> push(workshopId, version, view, new LiveMessages.RoundRevealed(version, workshopId,
                        roundId, view.round(roundId).results()), null));
    }

    @EventHandler
    void on(ResponsibilityModeVotedEvent event, @SequenceNumber long version) {
        String participantId = event.participantId().value();
        views.saveModeVote(new ModeVoteRecord(participantId + "/" + event.capabilityId(),
                event.workshopId().value(), participantId, event.capabilityId(), event.mode().name()));
        changeModes(event.workshopId().value(), event.capabilityId(), version,
                modes -> modes.replace(event.mode(), event.previousMode()));
    }

    @EventHandler
    void on(AgreedModeRecordedEvent event, @SequenceNumber long version) {
        changeModes(event.workshopId().value(), event.capabilityId(), version, modes -> modes.agree(event.mode()));
    }

    private void changeModes(String workshopId, String capabilityId, long version,
                             java.util.function.UnaryOperator<ModeVotes> change) {
        views.apply(workshopId, version, view -> view.withCapability(capabilityId,
                        capability -> capability.withModes(change.apply(capability.modes()))))
                .ifPresent(view -> push(workshopId, version, view, new LiveMessages.ResponsibilityChanged(version,
                        workshopId, capabilityId, view.capability(capabilityId).modes()),
                        LivePublisher.Touched.capability(capabilityId)));
    }

    @EventHandler
    void on(WorkshopModelChangedEvent event, @SequenceNumber long version) {
        String workshopId = event.workshopId().value();
        views.apply(workshopId, version, view -> view.withModel(event.capabilityModel()))
                .ifPresent(view -> push(workshopId, version, view, new LiveMessages.ModelChanged(version, workshopId,
                        event.change()), null));
    }

    @EventHandler
    void on(ScenarioDefinedEvent event, @SequenceNumber long version) {
        String workshopId = event.workshopId().value();
        views.apply(workshopId, version, view -> view.withScenario(event.scenario()))
                .ifPresent(view -> push(workshopId, version, view, new LiveMessages.ScenarioDefined(version, workshopId,
                        event.scenario()), null));
    }

    @EventHandler
    void on(ScenarioVoteOpenedEvent event, @SequenceNumber long version) {
        String workshopId = event.workshopId().value();
        views.apply(workshopId, version, view -> view.withScenarioVote(ScenarioVoteView.opened(event)))
                .ifPresent(view -> push(workshopId, version, view, new LiveMessages.ScenarioVoteChanged(version,
                        workshopId, view.scenarioVote(event.voteId().value())), null));
    }

    @EventHandler
    void on(ScenarioVoteCastEvent event, @SequenceNumber long version) {
        String workshopId = event.workshopId().value();
        String voteId = event.voteId().value();
        String participantId = event.participantId().value();
        views.saveBallot(new ScenarioBallot(voteId + "/" + participantId, workshopId, voteId, participantId,
                event.dots(), event.ranking()));
        views.apply(workshopId, version, view -> {
            ScenarioVoteView vote = view.scenarioVote(voteId).withVoter(participantId);
            return view.withScenarioVote(vote.sealed() ? vote : vote.withState(vote.state(),
                    ScenarioVoteView.tally(vote.scenarioIds(), views.ballotsOf(workshopId, voteId))));
        }).ifPresent(view -> push(workshopId, version, view, scenarioVoteMessage(version, workshopId,
                view.scenarioVote(voteId)), LivePublisher.Touched.scenarioVote(voteId)));
    }

    @EventHandler
    void on(ScenarioVoteClosedEvent event, @SequenceNumber long version) {
        String workshopId = event.workshopId().value();
        String voteId = event.voteId().value();
        views.apply(workshopId, version, view -> {
            ScenarioVoteView vote = view.scenarioVote(voteId);
            return view.withScenarioVote(vote.withState(RoundView.CLOSED, vote.results()));
        }).ifPresent(view -> push(workshopId, version, view, scenarioVoteMessage(version, workshopId,
                view.scenarioVote(voteId)), null));
    }

    @EventHandler
    void on(ScenarioVoteRevealedEvent event, @SequenceNumber long version) {
        String workshopId = event.workshopId().value();
        String voteId = event.voteId().value();
        views.apply(workshopId, version, view -> {
            ScenarioVoteView vote = view.scenarioVote(voteId);
            return view.withScenarioVote(vote.withState(RoundView.REVEALED,
                    ScenarioVoteView.tally(vote.scenarioIds(), views.ballotsOf(workshopId, voteId))));
        }).ifPresent(view -> push(workshopId, version, view, scenarioVoteMessage(version, workshopId,
                view.scenarioVote(voteId)), null));
    }

    /** The vote as it may be seen; a sealed, unrevealed vote carries its voter count only. */
    private static LiveMessages.ScenarioVoteChanged scenarioVoteMessage(long version, String workshopId,
                                                                         ScenarioVoteView vote) {
        return new LiveMessages.ScenarioVoteChanged(version, workshopId, vote);
    }

    /**
     * Pushes a change once the read model holds it: the delta message, the view it brought and
     * what it touched, from which the publisher takes the parts when it conflates several changes
     * of a busy workshop; {@code touched} null marks a structural change, never conflated.
     */
    private void push(String workshopId, long version, WorkshopView view, Object message,
                      LivePublisher.Touched touched) {
        views.whenStored(() -> live.publishChange(workshopId, version, message, view, touched));
    }

    private static RatingView resultOf(RoundView round, String capabilityId, String dimension) {
        return round.results().stream()
                .filter(r -> r.capabilityId().equals(capabilityId)
                        && java.util.Objects.equals(r.dimension(), dimension))
                .map(RoundResult::rating).findFirst().orElse(RatingView.empty());
    }

    @ResetHandler
    void reset() {
        views.deleteAll();
    }
}
