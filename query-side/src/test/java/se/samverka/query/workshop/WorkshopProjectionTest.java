package se.samverka.query.workshop;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import se.samverka.kernel.capability.CapabilityCategory;
import se.samverka.kernel.capability.CapabilityModel;
import se.samverka.kernel.capability.CapabilityNode;
import se.samverka.kernel.capability.LocalizedText;
import se.samverka.kernel.project.ProjectId;
import se.samverka.kernel.workshop.AgreedModeRecordedEvent;
import se.samverka.kernel.workshop.CapabilityRatedEvent;
import se.samverka.kernel.workshop.ResponsibilityMode;
import se.samverka.kernel.workshop.ResponsibilityModeVotedEvent;
import se.samverka.kernel.workshop.RoundClosedEvent;
import se.samverka.kernel.workshop.RoundId;
import se.samverka.kernel.workshop.RoundOpenedEvent;
import se.samverka.kernel.workshop.RoundRevealedEvent;
import se.samverka.kernel.workshop.RoundScope;
import se.samverka.kernel.workshop.RoundSettings;
import se.samverka.kernel.workshop.RoundTimedOutEvent;
import se.samverka.kernel.workshop.Scenario;
import se.samverka.kernel.workshop.ScenarioDefinedEvent;
import se.samverka.kernel.workshop.ScenarioId;
import se.samverka.kernel.workshop.ScenarioVoteCastEvent;
import se.samverka.kernel.workshop.ScenarioVoteClosedEvent;
import se.samverka.kernel.workshop.ScenarioVoteMethod;
import se.samverka.kernel.workshop.ScenarioVoteOpenedEvent;
import se.samverka.kernel.workshop.ScenarioVoteRevealedEvent;
import se.samverka.kernel.workshop.ParticipantId;
import se.samverka.kernel.workshop.ParticipantJoinedEvent;
import se.samverka.kernel.workshop.ParticipantRemovedEvent;
import se.samverka.kernel.workshop.WorkshopCreatedEvent;
import se.samverka.kernel.workshop.WorkshopEvent;
import se.samverka.kernel.workshop.WorkshopId;
import se.samverka.query.live.LiveMessages;
import se.samverka.query.live.LivePublisher;

/**
 * Given events, then the read model and the pushes: against the MongoDB wire-protocol server
 * through the real driver, with a real messaging template whose channel records what it sends.
 */
class WorkshopProjectionTest {
    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    private static final WorkshopId WORKSHOP = new WorkshopId("w1");
    private static final ParticipantId ANNA = new ParticipantId("anna");
    private static final ParticipantId BO = new ParticipantId("bo");
    private static final CapabilityModel MODEL = new CapabilityModel("t", new LocalizedText("Modell", "Model"),
            List.of(), List.of(new CapabilityCategory("core", new LocalizedText("Kärn", "Core"), List.of(
                    new CapabilityNode("set-goals", new LocalizedText("Sätta mål", "Set goals"), List.of(
                            new CapabilityNode("formulate", new LocalizedText("Formulera", "Formulate"), null)))))));

    private MongoServer server;
    private MongoClient client;
    private WorkshopViews views;
    private WorkshopProjection projection;
    private final List<Message<?>> pushed = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        views = new WorkshopViews(client.getDatabase("projection-test"));
        SimpMessagingTemplate template = new SimpMessagingTemplate((message, timeout) -> pushed.add(message));
        projection = new WorkshopProjection(views, new LivePublisher(template));
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    private void given(long firstVersion, Object... events) {
        long version = firstVersion;
        for (Object event : events) {
            ProjectionDriver.apply(projection, (WorkshopEvent) event, version);
            version++;
        }
    }

    private static WorkshopCreatedEvent created() {
        return new WorkshopCreatedEvent(WORKSHOP, new ProjectId("p1"), "Förmågor", "ABC234", "admin", MODEL, NOW);
    }

    private static ParticipantJoinedEvent joined(ParticipantId who) {
        return new ParticipantJoinedEvent(WORKSHOP, who, who.value(), "Uddevalla", NOW);
    }

    @Test
    void givenCreatedWorkshop_thenEveryCapabilityUnratedAtVersionZero() {
        given(0, created());

        WorkshopView view = views.find("w1").orElseThrow();
        assertThat(view.version()).isZero();
        assertThat(view.capabilities()).extracting(CapabilityView::id).containsExactly("set-goals", "formulate");
        assertThat(view.capabilities().get(1).parentId()).isEqualTo("set-goals");
        assertThat(view.capability("set-goals").rating()).isEqualTo(RatingView.empty());
        assertThat(pushed).isEmpty();
    }

    @Test
    void givenRatingsAndAReplacement_thenCountsMeanAndDistributionFollow() {
        given(0, created(), joined(ANNA), joined(BO),
                new CapabilityRatedEvent(WORKSHOP, ANNA, "set-goals", 4, null, NOW),
                new CapabilityRatedEvent(WORKSHOP, BO, "set-goals", 1, null, NOW),
                new CapabilityRatedEvent(WORKSHOP, BO, "set-goals", 3, 1, NOW));

        WorkshopView view = views.find("w1").orElseThrow();
        RatingView rating = view.capability("set-goals").rating();
        assertThat(view.version()).isEqualTo(5);
        assertThat(view.participantCount()).isEqualTo(2);
        assertThat(rating.count()).isEqualTo(2);
        assertThat(rating.mean()).isEqualTo(3.5);
        assertThat(rating.distribution()).containsExactly(0, 0, 1, 1, 0);
        assertThat(views.ratingsOf("w1", "bo", null)).containsEntry("set-goals", 3).hasSize(1);
        assertThat(views.participantsOf("w1")).extracting(ParticipantView::displayName).containsExactly("anna", "bo");
    }

    @Test
    void givenRatings_thenEachPushCarriesTheNextVersionAndTheNewAggregate() {
        given(0, created(), joined(ANNA), new CapabilityRatedEvent(WORKSHOP, ANNA, "formulate", 5, null, NOW));

        assertThat(pushed).extracting(m -> m.getHeaders().get("simpDestination"))
                .containsOnly("/topic/workshops.w1");
        assertThat(pushed.stream().map(m -> (Object) m.getPayload()).toList()).containsExactly(
                new LiveMessages.ParticipantJoined(1, "w1", 1,
                        new LiveMessages.ParticipantSummary("anna", "anna", "Uddevalla")),
                new LiveMessages.CapabilityRated(2, "w1", "formulate",
                        RatingView.ofScores(List.of(5))));
    }

    @Test
    void givenParticipantRemoved_thenOutOfListAndCountTheirRatingsKeptAndTheRemovalPushed() {
        given(0, created(), joined(ANNA), joined(BO),
                new CapabilityRatedEvent(WORKSHOP, BO, "set-goals", 4, null, NOW),
                new ParticipantRemovedEvent(WORKSHOP, BO, NOW));

        WorkshopView view = views.find("w1").orElseThrow();
        assertThat(view.version()).isEqualTo(4);
        assertThat(view.participantCount()).isEqualTo(1);
        assertThat(view.capability("set-goals").rating().count()).isEqualTo(1);
        assertThat(views.participantsOf("w1")).extracting(ParticipantView::displayName).containsExactly("anna");
        assertThat(pushed.get(pushed.size() - 1).getPayload())
                .isEqualTo(new LiveMessages.ParticipantRemoved(4, "w1", 1, "bo"));
    }

    @Test
    void givenEventHandledTwice_thenCountedOnceAndPushedOnce() {
        CapabilityRatedEvent rated = new CapabilityRatedEvent(WORKSHOP, ANNA, "set-goals", 2, null, NOW);
        given(0, created(), joined(ANNA), rated);
        int pushes = pushed.size();

        projection.on(rated, 2);
        projection.on(joined(ANNA), 1);

        WorkshopView view = views.find("w1").orElseThrow();
        assertThat(view.capability("set-goals").rating().count()).isEqualTo(1);
        assertThat(view.participantCount()).isEqualTo(1);
        assertThat(pushed).hasSize(pushes);
    }

    private static final RoundId ROUND = new RoundId("r1");

    private static RoundOpenedEvent opened(boolean sealed) {
        return new RoundOpenedEvent(WORKSHOP, ROUND, 1, RoundScope.all(), List.of("set-goals", "formulate"),
                new RoundSettings(RoundSettings.RatingMode.OVERALL, false, sealed, null), NOW, null);
    }

    private static CapabilityRatedEvent ratedInRound(ParticipantId who, String capability, int score) {
        return new CapabilityRatedEvent(WORKSHOP, who, capability, score, null, NOW, ROUND, null);
    }

    private List<Object> payloads() {
        return pushed.stream().map(m -> (Object) m.getPayload()).toList();
    }

    @Test
    void givenSealedRound_whenRated_thenNoValueInViewOrPushUntilRevealed() {
        given(0, created(), joined(ANNA), joined(BO), opened(true), ratedInRound(ANNA, "set-goals", 5),
                ratedInRound(BO, "set-goals", 3), ratedInRound(BO, "formulate", 1));

        RoundView round = views.find("w1").orElseThrow().round("r1");
        assertThat(round.results()).isNull();
        assertThat(round.voterCount()).isEqualTo(2);
        assertThat(round.visible()).isFalse();
        assertThat(views.find("w1").orElseThrow().capability("set-goals").rating().count())
                .as("free rating untouched").isZero();
        assertThat(payloads().subList(payloads().size() - 3, payloads().size())).containsExactly(
                new LiveMessages.RoundProgress(4, "w1", "r1", 1),
                new LiveMessages.RoundProgress(5, "w1", "r1", 2),
                new LiveMessages.RoundProgress(6, "w1", "r1", 2));

        given(7, new RoundClosedEvent(WORKSHOP, ROUND, NOW), new RoundRevealedEvent(WORKSHOP, ROUND, NOW));

        RoundView revealed = views.find("w1").orElseThrow().round("r1");
        assertThat(revealed.state()).isEqualTo(RoundView.REVEALED);
        assertThat(revealed.results()).containsExactly(
                new RoundResult("set-goals", null, RatingView.ofScores(List.of(5, 3))),
                new RoundResult("formulate", null, RatingView.ofScores(List.of(1))));
        assertThat(payloads().get(payloads().size() - 2)).isEqualTo(new LiveMessages.RoundClosed(7, "w1", "r1", false));
        assertThat(payloads().get(payloads().size() - 1)).isEqualTo(new LiveMessages.RoundRevealed(8, "w1", "r1",
                revealed.results()));
    }

    @Test
    void givenLiveRound_whenRated_thenResultsAndPushesCarryValues() {
        given(0, created(), joined(ANNA), opened(false), ratedInRound(ANNA, "formulate", 4));

        RoundView round = views.find("w1").orElseThrow().round("r1");
        assertThat(round.results()).containsExactly(new RoundResult("formulate", null, RatingView.ofScores(List.of(4))));
        assertThat(payloads().get(payloads().size() - 1)).isEqualTo(new LiveMessages.RoundRated(3, "w1", "r1",
                "formulate", null, RatingView.ofScores(List.of(4)), 1));
    }

    @Test
    void givenTimedOutRound_thenClosedByTimer() {
        given(0, created(), opened(true), new RoundTimedOutEvent(WORKSHOP, ROUND, NOW));

        RoundView round = views.find("w1").orElseThrow().round("r1");
        assertThat(round.state()).isEqualTo(RoundView.CLOSED);
        assertThat(round.timedOut()).isTrue();
        assertThat(payloads().get(payloads().size() - 1)).isEqualTo(new LiveMessages.RoundClosed(2, "w1", "r1", true));
    }

    @Test
    void givenModeVotesAndAgreement_thenCountsFollowAndAgreedShown() {
        given(0, created(), joined(ANNA), joined(BO),
                new ResponsibilityModeVotedEvent(WORKSHOP, ANNA, "set-goals", ResponsibilityMode.OWN, null, NOW),
                new ResponsibilityModeVotedEvent(WORKSHOP, BO, "set-goals", ResponsibilityMode.COLLABORATION, null, NOW),
                new ResponsibilityModeVotedEvent(WORKSHOP, ANNA, "set-goals", ResponsibilityMode.COLLABORATION,
                        ResponsibilityMode.OWN, NOW),
                new AgreedModeRecordedEvent(WORKSHOP, "set-goals", ResponsibilityMode.COLLABORATION, NOW));

        assertThat(views.find("w1").orElseThrow().capability("set-goals").modes())
                .isEqualTo(new ModeVotes(0, 2, 0, ResponsibilityMode.COLLABORATION));
        assertThat(payloads().get(payloads().size() - 1)).isEqualTo(new LiveMessages.ResponsibilityChanged(6, "w1",
                "set-goals", new ModeVotes(0, 2, 0, ResponsibilityMode.COLLABORATION)));
    }

    private static final Scenario SOC = new Scenario(new ScenarioId("soc"), "Gemensam SOC", "",
            List.of("set-goals"), 2_500_000, Scenario.CostKind.ONE_OFF, 12, Scenario.Priority.HIGH);
    private static final Scenario PORTFOLIO = new Scenario(new ScenarioId("portfolio"), "Projektportfölj", "",
            List.of("formulate"), 3_000_000, Scenario.CostKind.ONE_OFF, 18, Scenario.Priority.MEDIUM);
    private static final RoundId VOTE = new RoundId("v1");

    @Test
    void givenSealedDotVote_whenBallotsCast_thenOnlyVoterCountUntilRevealedThenDotTallies() {
        given(0, created(), joined(ANNA), joined(BO), new ScenarioDefinedEvent(WORKSHOP, SOC, NOW),
                new ScenarioDefinedEvent(WORKSHOP, PORTFOLIO, NOW),
                new ScenarioVoteOpenedEvent(WORKSHOP, VOTE, ScenarioVoteMethod.DOTS, 3, true,
                        List.of("soc", "portfolio"), NOW),
                new ScenarioVoteCastEvent(WORKSHOP, ANNA, VOTE, Map.of("soc", 3), null, null, null, NOW),
                new ScenarioVoteCastEvent(WORKSHOP, BO, VOTE, Map.of("soc", 1, "portfolio", 2), null, null, null, NOW),
                new ScenarioVoteCastEvent(WORKSHOP, BO, VOTE, Map.of("portfolio", 3), null, Map.of("soc", 1,
                        "portfolio", 2), null, NOW));

        ScenarioVoteView sealed = views.find("w1").orElseThrow().scenarioVote("v1");
        assertThat(sealed.results()).isNull();
        assertThat(sealed.voterCount()).isEqualTo(2);
        assertThat(views.find("w1").orElseThrow().scenarios()).extracting(Scenario::name)
                .containsExactly("Gemensam SOC", "Projektportfölj");

        given(9, new ScenarioVoteClosedEvent(WORKSHOP, VOTE, NOW), new ScenarioVoteRevealedEvent(WORKSHOP, VOTE, NOW));

        assertThat(views.find("w1").orElseThrow().scenarioVote("v1").results()).containsExactly(
                new ScenarioVoteView.ScenarioTally("soc", 3, 0, 0),
                new ScenarioVoteView.ScenarioTally("portfolio", 3, 0, 0));
    }

    @Test
    void givenLiveRankVote_whenBallotsCast_thenBordaPointsAndFirstPlacesLive() {
        given(0, created(), joined(ANNA), joined(BO), new ScenarioDefinedEvent(WORKSHOP, SOC, NOW),
                new ScenarioDefinedEvent(WORKSHOP, PORTFOLIO, NOW),
                new ScenarioVoteOpenedEvent(WORKSHOP, VOTE, ScenarioVoteMethod.RANK, 0, false,
                        List.of("soc", "portfolio"), NOW),
                new ScenarioVoteCastEvent(WORKSHOP, ANNA, VOTE, null, List.of("soc", "portfolio"), null, null, NOW),
                new ScenarioVoteCastEvent(WORKSHOP, BO, VOTE, null, List.of("soc", "portfolio"), null, null, NOW));

        assertThat(views.find("w1").orElseThrow().scenarioVote("v1").results()).containsExactly(
                new ScenarioVoteView.ScenarioTally("soc", 0, 2, 2),
                new ScenarioVoteView.ScenarioTally("portfolio", 0, 0, 0));
        assertThat(pushed.get(pushed.size() - 1).getPayload()).isInstanceOf(LiveMessages.ScenarioVoteChanged.class);
    }

    @Test
    void givenReset_thenReadModelsAreGoneForTheReplay() {
        given(0, created(), joined(ANNA));

        projection.reset();

        assertThat(views.find("w1")).isEmpty();
        assertThat(views.participantsOf("w1")).isEmpty();
    }
}
