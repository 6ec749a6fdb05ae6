package se.samverka.query.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import se.samverka.kernel.meeting.AgendaItem;
import se.samverka.kernel.meeting.AgendaItemMovedEvent;
import se.samverka.kernel.meeting.AgendaSetEvent;
import se.samverka.kernel.meeting.DecisionClosedEvent;
import se.samverka.kernel.meeting.DecisionEvidence;
import se.samverka.kernel.meeting.DecisionKind;
import se.samverka.kernel.meeting.DecisionOpenedEvent;
import se.samverka.kernel.meeting.DecisionOption;
import se.samverka.kernel.meeting.DecisionResult;
import se.samverka.kernel.meeting.DecisionVoteCastEvent;
import se.samverka.kernel.meeting.MeetingEvent;
import se.samverka.kernel.meeting.MeetingStartedEvent;
import se.samverka.kernel.meeting.ParticipantPresentEvent;
import se.samverka.kernel.meeting.RecordedVote;
import se.samverka.kernel.meeting.SteeringRoleChangedEvent;
import se.samverka.kernel.project.ProjectId;
import se.samverka.kernel.records.MilestoneSetEvent;
import se.samverka.kernel.records.PlanState;
import se.samverka.kernel.records.PlanVersionAddedEvent;
import se.samverka.kernel.records.PlanVersionDecidedEvent;
import se.samverka.kernel.records.StatusLight;
import se.samverka.kernel.records.StatusReportedEvent;
import se.samverka.kernel.records.StatusRow;
import se.samverka.kernel.workshop.ParticipantId;
import se.samverka.kernel.workshop.WorkshopId;
import se.samverka.query.live.LivePublisher;
import se.samverka.query.records.RecordsProjection;
import se.samverka.query.records.RecordsView;

/**
 * Given meeting and records events, then the read models and the pushes: against the MongoDB
 * wire-protocol server through the real driver, with a messaging template that records sends.
 */
class MeetingProjectionTest {
    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    private static final ProjectId PROJECT = new ProjectId("p1");
    private static final WorkshopId WORKSHOP = new WorkshopId("w1");
    private static final ParticipantId ANNA = new ParticipantId("anna");
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    private MongoServer server;
    private MongoClient client;
    private MeetingViews views;
    private MyBallots ballots;
    private MeetingProjection projection;
    private RecordsProjection records;
    private final List<Message<?>> pushed = new CopyOnWriteArrayList<>();
    private long nextVersion;

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        MongoDatabase database = client.getDatabase("projection-test");
        LivePublisher live = new LivePublisher(new SimpMessagingTemplate((message, timeout) -> pushed.add(message)));
        views = new MeetingViews(database);
        ballots = new MyBallots(database);
        projection = new MeetingProjection(views, ballots, live);
        records = new RecordsProjection(database, live);
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    private void given(MeetingEvent... events) {
        for (MeetingEvent event : events) {
            projection.on(event, nextVersion++);
        }
    }

    private MeetingView meeting() {
        return views.find("w1").orElseThrow();
    }

    private static final DecisionOpenedEvent OPENED = new DecisionOpenedEvent(WORKSHOP, PROJECT, "d1",
            DecisionKind.PLAN_APPROVAL, "Att godkänna upprättad projektplan v 0.2", DecisionOption.defaults(), "0.2",
            2, false, false, "a2", "admin", NOW);

    private void meetingWithAnnaAsMember() {
        given(new MeetingStartedEvent(WORKSHOP, PROJECT, "admin", NOW),
                new AgendaSetEvent(WORKSHOP, PROJECT, "Syfte", List.of("Att projektplanen godkänns"),
                        List.of(new AgendaItem("a1", "Statusrapport", List.of()),
                                new AgendaItem("a2", "Beslut", List.of("Godkänna projektplan"))), "admin", NOW),
                new ParticipantPresentEvent(WORKSHOP, PROJECT, ANNA, "Anna", NOW),
                new SteeringRoleChangedEvent(WORKSHOP, PROJECT, ANNA, "Anna", true, "admin", NOW));
    }

    @Test
    void givenAgendaAndAMove_thenTheCurrentItemAndOnePushPerEventWithRisingVersions() {
        meetingWithAnnaAsMember();
        given(new AgendaItemMovedEvent(WORKSHOP, PROJECT, "a2", "admin", NOW));

        assertThat(meeting().currentItemId()).isEqualTo("a2");
        assertThat(meeting().present()).extracting(MeetingView.PersonView::displayName).containsExactly("Anna");
        assertThat(meeting().steeringGroup()).hasSize(1);
        List<MeetingProjection.MeetingLiveMessage> messages = pushed.stream()
                .map(m -> (MeetingProjection.MeetingLiveMessage) m.getPayload()).toList();
        assertThat(messages).extracting(MeetingProjection.MeetingLiveMessage::version).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(messages.get(4).type()).isEqualTo("meeting.item-moved");
    }

    @Test
    void givenAnEventHandledTwice_thenAppliedAndPushedOnce() {
        meetingWithAnnaAsMember();
        int before = pushed.size();
        projection.on(new SteeringRoleChangedEvent(WORKSHOP, PROJECT, ANNA, "Anna", true, "admin", NOW), 3);
        assertThat(pushed).hasSize(before);
        assertThat(meeting().version()).isEqualTo(3);
    }

    @Test
    void givenSealedVotes_thenNothingServedOrPushedCarriesAnOptionUntilTheDecisionCloses() throws Exception {
        meetingWithAnnaAsMember();
        given(OPENED, new DecisionVoteCastEvent(WORKSHOP, PROJECT, "d1", ANNA, "back", NOW),
                new DecisionVoteCastEvent(WORKSHOP, PROJECT, "d1", ANNA, "continue", NOW));

        assertThat(ballots.of("w1", "anna")).as("the member's own, latest vote").containsExactly(
                Map.entry("d1", "continue"));
        MeetingView.DecisionView open = meeting().decisions().get(0);
        assertThat(open.voteCount()).as("a changed vote counts once").isEqualTo(1);
        assertThat(open.votes()).isEmpty();
        String served = JSON.writeValueAsString(meeting());
        String allPushed = JSON.writeValueAsString(pushed.stream().map(Message::getPayload).toList());
        for (String text : List.of(served, allPushed)) {
            assertThat(text).doesNotContain("\"optionId\"").doesNotContain("voterIds");
        }

        given(new DecisionClosedEvent(WORKSHOP, PROJECT, "d1", DecisionResult.DECIDED, "continue",
                Map.of("continue", 1, "back", 0, "stop", 0), List.of(new RecordedVote(ANNA, "Anna", "continue", NOW)),
                new DecisionEvidence(3L, 7L, "w1"), "admin", NOW));
        MeetingView.DecisionView closed = meeting().decisions().get(0);
        assertThat(closed.state()).isEqualTo("closed");
        assertThat(closed.outcome()).isEqualTo("continue");
        assertThat(closed.tally()).containsEntry("continue", 1);
        assertThat(closed.votes()).extracting(MeetingView.VoteView::optionId).containsExactly("continue");
        assertThat(closed.evidence().riskRegisterVersion()).isEqualTo(3L);
    }

    @Test
    void givenRecordsEvents_thenPlanStateMilestonesAndEveryMeetingsReportAreKept() {
        List<StatusRow> first = List.of(new StatusRow("Tid", StatusLight.MINOR, "Förskjutning", "Ingen åtgärd", null));
        List<StatusRow> second = List.of(new StatusRow("Tid", StatusLight.ON_TRACK, null, null, null));
        records.on(new PlanVersionAddedEvent(PROJECT, "0.2", null, "admin", NOW), 0);
        records.on(new MilestoneSetEvent(PROJECT, "M1", "Projektplan fastställd", LocalDate.of(2020, 9, 28),
                LocalDate.of(2020, 10, 30), null, "admin", NOW), 1);
        records.on(new StatusReportedEvent(PROJECT, WORKSHOP, LocalDate.of(2020, 10, 2), first, "admin", NOW), 2);
        records.on(new StatusReportedEvent(PROJECT, new WorkshopId("w2"), LocalDate.of(2020, 11, 2), second, "admin",
                NOW), 3);
        records.on(new PlanVersionDecidedEvent(PROJECT, "0.2", PlanState.APPROVED, WORKSHOP, "d1", NOW), 4);
        records.on(new PlanVersionDecidedEvent(PROJECT, "0.2", PlanState.APPROVED, WORKSHOP, "d1", NOW), 4);

        RecordsView view = records.find("p1").orElseThrow();
        assertThat(view.version()).isEqualTo(4);
        assertThat(view.planVersions()).extracting(RecordsView.PlanVersionView::state).containsExactly("APPROVED");
        assertThat(view.statusReports()).extracting(r -> r.rows().get(0).lightLabel())
                .containsExactly("Mindre komplikationer", "Enligt plan");
        assertThat(view.statusReports().get(0).rows().get(0).colour()).isEqualTo("yellow");
        assertThat(pushed).as("one push per event").hasSize(5);
    }
}
