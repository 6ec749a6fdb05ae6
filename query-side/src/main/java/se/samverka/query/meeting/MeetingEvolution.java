package se.samverka.query.meeting;

import java.util.List;
import java.util.function.UnaryOperator;
import se.samverka.kernel.meeting.AgendaItemMovedEvent;
import se.samverka.kernel.meeting.AgendaSetEvent;
import se.samverka.kernel.meeting.DecisionClosedEvent;
import se.samverka.kernel.meeting.DecisionEvidence;
import se.samverka.kernel.meeting.DecisionOpenedEvent;
import se.samverka.kernel.meeting.DecisionVoteCastEvent;
import se.samverka.kernel.meeting.MeetingEvent;
import se.samverka.kernel.meeting.MeetingStartedEvent;
import se.samverka.kernel.meeting.ParticipantPresentEvent;
import se.samverka.kernel.meeting.SteeringRoleChangedEvent;
import se.samverka.query.meeting.MeetingView.AgendaItemView;
import se.samverka.query.meeting.MeetingView.DecisionView;
import se.samverka.query.meeting.MeetingView.EvidenceView;
import se.samverka.query.meeting.MeetingView.OptionView;
import se.samverka.query.meeting.MeetingView.PersonView;
import se.samverka.query.meeting.MeetingView.VoteView;

/** How each meeting event changes the meeting's view, and the type of the message it pushes. Pure. */
final class MeetingEvolution {
    private MeetingEvolution() {
    }

    record Change(MeetingView view, String type) {
    }

    static Change evolve(MeetingView view, MeetingEvent event) {
        return evolve(view, event, UnaryOperator.identity());
    }

    /** {@code reveal} opens the sealed names events carry (see PersonalDataCipher). */
    static Change evolve(MeetingView view, MeetingEvent event, UnaryOperator<String> reveal) {
        if (event instanceof MeetingStartedEvent started) {
            return new Change(view.withProject(started.projectId().value()), "meeting.started");
        }
        if (event instanceof AgendaSetEvent set) {
            return new Change(view.withAgenda(set.purpose(), set.goals(), set.items().stream()
                    .map(i -> new AgendaItemView(i.id(), i.title(), i.details())).toList()), "meeting.agenda-set");
        }
        if (event instanceof AgendaItemMovedEvent moved) {
            return new Change(view.withCurrent(moved.itemId()), "meeting.item-moved");
        }
        if (event instanceof ParticipantPresentEvent here) {
            return new Change(view.withPresent(new PersonView(here.participantId().value(), reveal.apply(here.displayName()))),
                    "meeting.present");
        }
        if (event instanceof SteeringRoleChangedEvent role) {
            return new Change(view.withMember(new PersonView(role.participantId().value(), reveal.apply(role.displayName())),
                    role.member()), "meeting.role-changed");
        }
        if (event instanceof DecisionOpenedEvent opened) {
            return new Change(view.withDecision(new DecisionView(opened.decisionId(), opened.kind().name(),
                    opened.proposal(), opened.options().stream().map(o -> new OptionView(o.id(), o.label())).toList(),
                    opened.planVersion(), opened.quorum(), opened.openVoting(), opened.anonymous(),
                    opened.agendaItemId(), "open", List.of(), 0, List.of(), null, null, null, null,
                    opened.openedAt(), null)), "decision.opened");
        }
        if (event instanceof DecisionVoteCastEvent cast) {
            String id = cast.participantId().value();
            return new Change(view.withDecision(cast.decisionId(), d -> d.voted(id,
                    new VoteView(id, view.displayNameOf(id), cast.optionId(), cast.castAt()))), "decision.voted");
        }
        if (event instanceof DecisionClosedEvent closed) {
            DecisionEvidence e = closed.evidence();
            List<VoteView> recorded = closed.votes().stream().map(v -> new VoteView(v.participantId().value(),
                    reveal.apply(v.displayName()), v.optionId(), v.castAt())).toList();
            return new Change(view.withDecision(closed.decisionId(), d -> d.closed(closed.result().name(),
                    closed.outcome(), closed.tally(), recorded, e == null ? null
                            : new EvidenceView(e.riskRegisterVersion(), e.recordsVersion(), e.statusReportWorkshopId()),
                    closed.closedAt())), "decision.closed");
        }
        throw new IllegalArgumentException("unknown meeting event " + event.getClass().getSimpleName());
    }
}
