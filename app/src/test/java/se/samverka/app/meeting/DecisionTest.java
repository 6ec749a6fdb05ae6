package se.samverka.app.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.samverka.app.support.LiveClient;
import se.samverka.app.support.ServiceTest;

/**
 * A full plan-approval decision on the running service with real STOMP clients: opened, sealed
 * votes from steering-group members (one changed, one repeated), a refused vote from a
 * participant without the role, closed with its evidence, and the plan version approved.
 */
class DecisionTest extends ServiceTest {
    static MeetingApi meetings;

    @BeforeAll
    static void prepare() {
        meetings = new MeetingApi(api);
    }

    @Test
    void givenPlanApproval_whenMembersVoteAndFacilitatorCloses_thenOutcomeRecordedWithEvidenceAndPlanApproved()
            throws Exception {
        JsonNode workshop = api.createWorkshop(facilitator, "Styrgruppsmöte 1");
        String workshopId = workshop.get("id").asText();
        String project = workshop.get("projectId").asText();
        String joinCode = workshop.get("joinCode").asText();
        meetings.records(facilitator, project, "POST", "/plan-versions", Map.of("version", "0.2")).require(201);
        meetings.records(facilitator, project, "PUT", "/status-reports/" + workshopId, Map.of("rows", List.of(
                Map.of("area", "Budget", "light", "ON_TRACK"),
                Map.of("area", "Tid", "light", "MINOR", "deviation", "Viss förskjutning av tidsplan")))).require(200);
        api.send("POST", "/api/v1/projects/" + project + "/risks", facilitator, Map.of("threat",
                "Ändrat uppdrag e-samordnarroll från VästKom", "probability", 2, "impact", 5)).require(201);
        meetings.setAgenda(facilitator, workshopId);

        JsonNode anna = api.join(joinCode, "Anna", "Uddevalla");
        JsonNode bo = api.join(joinCode, "Bo", "Tanum");
        JsonNode cecilia = api.join(joinCode, "Cecilia", "Orust");
        String annaToken = anna.get("token").asText();
        String boToken = bo.get("token").asText();
        String ceciliaToken = cecilia.get("token").asText();
        for (JsonNode member : List.of(anna, bo)) {
            meetings.meeting(facilitator, workshopId, "PUT", "/roles/" + member.get("participantId").asText(),
                    Map.of("steeringGroup", true)).require(200);
        }

        try (LiveClient annaLive = LiveClient.connect(samverka.webSocketUrl(), annaToken)
                .subscribe("/topic/workshops." + workshopId + ".meeting");
             LiveClient ceciliaLive = LiveClient.connect(samverka.webSocketUrl(), ceciliaToken)
                     .subscribe("/topic/workshops." + workshopId + ".meeting")) {
            meetings.awaitFollowing(joinCode, workshopId, annaLive, ceciliaLive);

            JsonNode opened = meetings.meeting(facilitator, workshopId, "POST", "/decisions", Map.of(
                    "kind", "PLAN_APPROVAL", "proposal", "Att godkänna upprättad projektplan v 0.2",
                    "planVersion", "0.2", "quorum", 2)).require(201);
            String decision = opened.get("id").asText();
            String vote = "/decisions/" + decision + "/vote";

            meetings.meeting(annaToken, workshopId, "PUT", vote, Map.of("option", "back")).require(200);
            meetings.meeting(annaToken, workshopId, "PUT", vote, Map.of("option", "continue")).require(200);
            long boVersion = meetings.meeting(boToken, workshopId, "PUT", vote, Map.of("option", "continue"))
                    .require(200).get("version").asLong();
            long events = samverka.storedEvents();
            assertThat(meetings.meeting(boToken, workshopId, "PUT", vote, Map.of("option", "continue"))
                    .require(200).get("version").asLong()).as("a repeated vote changes nothing").isEqualTo(boVersion);
            assertThat(samverka.storedEvents()).isEqualTo(events);
            assertThat(meetings.meeting(ceciliaToken, workshopId, "PUT", vote, Map.of("option", "stop")).status())
                    .as("not a steering-group member").isEqualTo(403);
            assertThat(meetings.meeting(facilitator, workshopId, "PUT", vote, Map.of("option", "stop")).status())
                    .isEqualTo(403);

            await().atMost(Duration.ofSeconds(10)).until(() -> "continue".equals(api.send("GET", "/api/v1/workshops/"
                    + workshopId + "/meeting/my-votes", annaToken, (String) null).require(200).path(decision).asText()));
            assertThat(api.send("GET", "/api/v1/workshops/" + workshopId + "/meeting/my-votes", facilitator,
                    (String) null).status()).as("participants only").isEqualTo(403);
            await().atMost(Duration.ofSeconds(10)).until(() -> MeetingApi.decision(meetings.meetingOf(annaToken,
                    workshopId), decision).get("voteCount").asInt() == 2);
            JsonNode sealed = MeetingApi.decision(meetings.meetingOf(annaToken, workshopId), decision);
            assertThat(sealed.get("voteCount").asInt()).isEqualTo(2);
            assertThat(sealed.get("votes")).isEmpty();
            assertThat(sealed.get("tally").isNull()).isTrue();
            assertThat(sealed.has("voterIds")).isFalse();

            JsonNode closed = meetings.meeting(facilitator, workshopId, "POST", "/decisions/" + decision + "/close",
                    null).require(200);
            assertThat(meetings.meeting(facilitator, workshopId, "POST", "/decisions/" + decision + "/close", null)
                    .require(200).get("version").asLong()).as("closing twice").isEqualTo(closed.get("version").asLong());
            JsonNode late = meetings.meeting(boToken, workshopId, "PUT", vote, Map.of("option", "stop")).require(409);
            assertThat(late.get("type").asText()).endsWith("/decision-closed");

            for (LiveClient client : List.of(annaLive, ceciliaLive)) {
                await().atMost(Duration.ofSeconds(10)).until(() -> client.messages().stream()
                        .anyMatch(m -> m.get("type").asText().equals("decision.closed")));
                for (JsonNode message : client.messages()) {
                    if (message.get("type").asText().equals("decision.voted")) {
                        JsonNode pushed = MeetingApi.decision(message.get("meeting"), decision);
                        assertThat(pushed.get("votes")).as("sealed while open").isEmpty();
                        assertThat(pushed.get("tally").isNull()).isTrue();
                    }
                }
            }
            JsonNode result = MeetingApi.decision(meetings.meetingOf(ceciliaToken, workshopId), decision);
            assertThat(result.get("state").asText()).isEqualTo("closed");
            assertThat(result.get("result").asText()).isEqualTo("DECIDED");
            assertThat(result.get("outcome").asText()).isEqualTo("continue");
            assertThat(result.get("tally").get("continue").asInt()).isEqualTo(2);
            assertThat(result.get("tally").get("back").asInt()).isZero();
            assertThat(result.get("votes")).extracting(v -> v.get("displayName").asText() + ":"
                    + v.get("optionId").asText()).containsExactly("Anna:continue", "Bo:continue");
            assertThat(result.get("evidence").get("riskRegisterVersion").asLong()).isZero();
            assertThat(result.get("evidence").get("recordsVersion").asLong()).isEqualTo(1);
            assertThat(result.get("evidence").get("statusReportWorkshopId").asText()).isEqualTo(workshopId);
        }

        await().atMost(Duration.ofSeconds(10)).until(() ->
                meetings.recordsOf(facilitator, project).get("planVersions").get(0).get("state").asText()
                        .equals("APPROVED"));
        JsonNode plan = meetings.recordsOf(facilitator, project).get("planVersions").get(0);
        assertThat(plan.get("decisionId").asText()).isEqualTo("d1");
        assertThat(plan.get("decidedIn").asText()).isEqualTo(workshopId);
    }

    @Test
    void givenQuorumOfThree_whenOnlyOneVotes_thenRecordedWithoutQuorumAndThePlanStaysADraft() {
        JsonNode workshop = api.createWorkshop(facilitator, "Styrgruppsmöte 2");
        String workshopId = workshop.get("id").asText();
        String project = workshop.get("projectId").asText();
        meetings.records(facilitator, project, "POST", "/plan-versions", Map.of("version", "0.1")).require(201);
        JsonNode anna = api.join(workshop.get("joinCode").asText(), "Anna", "Uddevalla");
        meetings.meeting(facilitator, workshopId, "PUT", "/roles/" + anna.get("participantId").asText(),
                Map.of("steeringGroup", true)).require(200);
        String decision = meetings.meeting(facilitator, workshopId, "POST", "/decisions", Map.of(
                "kind", "PLAN_APPROVAL", "proposal", "Att godkänna projektplan v 0.1", "planVersion", "0.1",
                "quorum", 3, "openVoting", true)).require(201).get("id").asText();
        meetings.meeting(anna.get("token").asText(), workshopId, "PUT", "/decisions/" + decision + "/vote",
                Map.of("option", "continue")).require(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> MeetingApi.decision(meetings.meetingOf(facilitator,
                workshopId), decision).get("votes").size() == 1);
        assertThat(MeetingApi.decision(meetings.meetingOf(facilitator, workshopId), decision).get("votes").get(0)
                .get("optionId").asText()).as("open voting shows the vote").isEqualTo("continue");

        meetings.meeting(facilitator, workshopId, "POST", "/decisions/" + decision + "/close", null).require(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> MeetingApi.decision(meetings.meetingOf(facilitator,
                workshopId), decision).get("state").asText().equals("closed"));
        JsonNode result = MeetingApi.decision(meetings.meetingOf(facilitator, workshopId), decision);
        assertThat(result.get("result").asText()).isEqualTo("NO_QUORUM");
        assertThat(result.get("outcome").isNull()).isTrue();
        assertThat(result.get("evidence").get("riskRegisterVersion").isNull()).as("no risks yet").isTrue();
        assertThat(meetings.recordsOf(facilitator, project).get("planVersions").get(0).get("state").asText())
                .isEqualTo("DRAFT");
    }
}
