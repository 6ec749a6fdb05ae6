package se.samverka.app.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.samverka.app.support.ApiClient;
import se.samverka.app.support.ServiceTest;

/**
 * The steering group's records against a running service: the timeline's activities by ISO week,
 * the facts' date rules, the project's member organisations at join, and a decision's evidence
 * read back as it stood when the decision closed.
 */
class SteeringRecordsTest extends ServiceTest {
    static MeetingApi meetings;

    @BeforeAll
    static void setUp() {
        meetings = new MeetingApi(api);
    }

    private static void refused(int status, ApiClient.Response response) {
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void activities_acrossTheYearBoundary_areProjectedInOrder_andBadWeeksAre400() {
        String project = api.createWorkshop(facilitator, "Tidplan").get("projectId").asText();
        meetings.records(facilitator, project, "PUT", "/activities/A2", Map.of("name", "Sammanställ scenario 1",
                "startWeek", "2020-W53", "endWeek", "2021-W2")).require(200);
        meetings.records(facilitator, project, "PUT", "/activities/A1", Map.of("name", "Intervjuer sakkunniga",
                "startWeek", "2020-W41", "endWeek", "2020-W43")).require(200);
        long before = samverka.storedEvents();
        refused(400, meetings.records(facilitator, project, "PUT", "/activities/A3", Map.of("name", "X",
                "startWeek", "2021-W53", "endWeek", "2021-W53")));
        refused(400, meetings.records(facilitator, project, "PUT", "/activities/A3", Map.of("name", "X",
                "startWeek", "2021-W04", "endWeek", "2020-W41")));
        refused(400, meetings.records(facilitator, project, "PUT", "/activities/A3", Map.of("name", "X",
                "startWeek", "vecka 41", "endWeek", "2020-W43")));
        refused(404, meetings.records(facilitator, project, "PUT", "/activities/M3", Map.of("name", "X",
                "startWeek", "2020-W41", "endWeek", "2020-W43")));
        assertThat(samverka.storedEvents()).as("nothing stored").isEqualTo(before);

        JsonNode activities = await().atMost(Duration.ofSeconds(10)).until(
                () -> meetings.recordsOf(facilitator, project).get("activities"), a -> a.size() == 2);
        assertThat(activities.get(0).get("id").asText()).isEqualTo("A1");
        assertThat(activities.get(1).get("startWeek").asText()).isEqualTo("2020-W53");
        assertThat(activities.get(1).get("endWeek").asText()).isEqualTo("2021-W02");
    }

    @Test
    void anActivity_removed_leavesTheTimeline_andTheAuditTrailSaysWhat_whileAnUnknownOneIs404() {
        JsonNode workshop = api.createWorkshop(facilitator, "Tidplan med borttagning");
        String project = workshop.get("projectId").asText();
        String participant = api.join(workshop.get("joinCode").asText(), "Anna", "Uddevalla").get("token").asText();
        String activities = "/api/v1/projects/" + project + "/records/activities/";
        meetings.records(facilitator, project, "PUT", "/activities/A1", Map.of("name", "Intervjuer sakkunniga",
                "startWeek", "2020-W41", "endWeek", "2020-W43")).require(200);
        meetings.records(facilitator, project, "PUT", "/activities/A2", Map.of("name", "Sammanställ scenario 1",
                "startWeek", "2020-W53", "endWeek", "2021-W02")).require(200);
        long before = samverka.storedEvents();

        ApiClient.Response unknown = api.send("DELETE", activities + "A3", facilitator, (String) null);
        refused(404, unknown);
        assertThat(unknown.body().get("detail").asText()).isEqualTo("the timeline has no activity A3");
        assertThat(unknown.body().get("type").asText()).endsWith("unknown-activity");
        refused(404, api.send("DELETE", activities + "M1", facilitator, (String) null));
        refused(403, api.send("DELETE", activities + "A1", participant, (String) null));
        refused(401, api.send("DELETE", activities + "A1", null, (String) null));
        assertThat(samverka.storedEvents()).as("nothing stored").isEqualTo(before);

        JsonNode removed = api.send("DELETE", activities + "A1", facilitator, (String) null).require(200);
        assertThat(removed.get("id").asText()).isEqualTo("A1");
        assertThat(samverka.storedEvents()).isEqualTo(before + 1);
        refused(404, api.send("DELETE", activities + "A1", facilitator, (String) null));
        assertThat(samverka.storedEvents()).as("a second removal stores nothing").isEqualTo(before + 1);

        JsonNode left = await().atMost(Duration.ofSeconds(10)).until(
                () -> meetings.recordsOf(facilitator, project).get("activities"), a -> a.size() == 1);
        assertThat(left.get(0).get("id").asText()).isEqualTo("A2");
        JsonNode entries = await().atMost(Duration.ofSeconds(10)).until(() -> api.send("GET", "/api/v1/projects/"
                        + project + "/audit?kind=records", facilitator, (String) null).require(200).get("entries"),
                found -> found.findValuesAsText("type").contains("ActivityRemovedEvent"));
        JsonNode line = StreamSupport.stream(entries.spliterator(), false)
                .filter(entry -> entry.get("type").asText().equals("ActivityRemovedEvent")).findFirst().orElseThrow();
        assertThat(line.get("summary").get("sv").asText())
                .isEqualTo("Tog bort aktiviteten A1 ”Intervjuer sakkunniga” (2020-W41–2020-W43) ur tidplanen");
        assertThat(line.get("summary").get("en").asText())
                .isEqualTo("Removed the activity A1 “Intervjuer sakkunniga” (2020-W41–2020-W43) from the timeline");
        assertThat(line.get("actor").get("role").asText()).isEqualTo("facilitator");
    }

    @Test
    void facts_setInOrder_areRead_andEndBeforeStartIs400() {
        String project = api.createWorkshop(facilitator, "Fakta").get("projectId").asText();
        meetings.records(facilitator, project, "PUT", "/facts", Map.of("name", "Förstudie Digital Motor",
                "totalCostSek", 605000, "startDate", "2020-09-25", "endDate", "2021-01-29",
                "deliverables", List.of("Omvärldsanalys"))).require(200);
        refused(400, meetings.records(facilitator, project, "PUT", "/facts", Map.of("name", "F",
                "startDate", "2020-09-25", "endDate", "2020-01-29")));
        refused(400, meetings.records(facilitator, project, "PUT", "/facts", Map.of("name", "F",
                "startDate", "25/9 2020")));
        JsonNode facts = await().atMost(Duration.ofSeconds(10)).until(
                () -> meetings.recordsOf(facilitator, project).get("facts"), f -> !f.isNull());
        assertThat(facts.get("endDate").asText()).isEqualTo("2021-01-29");
        assertThat(facts.get("totalCostSek").asLong()).isEqualTo(605000);
    }

    @Test
    void organisations_aParticipantPicksAListedOne_anotherIs400_andFreeTextOnlyWhereAllowed() {
        JsonNode workshop = api.createWorkshop(facilitator, "Organisationer");
        String project = workshop.get("projectId").asText();
        String code = workshop.get("joinCode").asText();
        assertThat(api.join(code, "Före listan", "Vad som helst").get("token").asText()).isNotEmpty();
        meetings.records(facilitator, project, "PUT", "/organisations", Map.of(
                "organisations", List.of("Uddevalla", "Åmål"), "allowOther", false)).require(200);
        JsonNode options = await().atMost(Duration.ofSeconds(10)).until(() -> api.send("GET",
                "/api/v1/join-options?code=" + code.toLowerCase(), null, (String) null).require(200),
                o -> o.get("organisations").get("names").size() == 2);
        assertThat(options.get("organisations").get("allowOther").asBoolean()).isFalse();
        assertThat(api.send("GET", "/api/v1/join-options?code=NOSUCH", null, (String) null).require(200)
                .get("organisations").get("names").size()).as("an unknown code tells nothing").isZero();

        long before = samverka.storedEvents();
        refused(400, api.send("POST", "/api/v1/join", null, Map.of("joinCode", code, "displayName", "Eva",
                "organisation", "Göteborg")));
        assertThat(samverka.storedEvents()).as("nothing stored").isEqualTo(before);
        JsonNode anna = api.join(code, "Anna", "åmål");
        await().atMost(Duration.ofSeconds(10)).until(() -> participantOrganisation(workshop, anna), "Åmål"::equals);

        meetings.records(facilitator, project, "PUT", "/organisations", Map.of(
                "organisations", List.of("Uddevalla", "Åmål"), "allowOther", true)).require(200);
        assertThat(api.join(code, "Vera", "VästKom").get("token").asText()).isNotEmpty();
    }

    private static String participantOrganisation(JsonNode workshop, JsonNode participant) {
        JsonNode all = api.send("GET", "/api/v1/workshops/" + workshop.get("id").asText() + "/participants",
                facilitator, (String) null).require(200);
        for (JsonNode p : all) {
            if (p.get("id").asText().equals(participant.get("participantId").asText())) {
                return p.get("organisation").asText();
            }
        }
        return null;
    }

    @Test
    void aDecisionsEvidence_isReadAsItStoodWhenItClosed_thoughTheRecordsAndRisksMovedOn() {
        JsonNode workshop = api.createWorkshop(facilitator, "Bevis");
        String workshopId = workshop.get("id").asText();
        String project = workshop.get("projectId").asText();
        meetings.setAgenda(facilitator, workshopId);
        List<Map<String, ?>> rows = List.of(Map.of("area", "Budget", "light", "ON_TRACK"));
        meetings.records(facilitator, project, "PUT", "/status-reports/" + workshopId, Map.of("rows", rows))
                .require(200);
        api.send("POST", "/api/v1/projects/" + project + "/risks", facilitator, Map.of("threat", "Ändrat uppdrag",
                "vulnerability", "v", "consequence", "k", "probability", 2, "impact", 5, "actionNeeded", true))
                .require(201);
        JsonNode anna = api.join(workshop.get("joinCode").asText(), "Anna", "Uddevalla");
        meetings.meeting(facilitator, workshopId, "PUT", "/roles/" + anna.get("participantId").asText(),
                Map.of("steeringGroup", true)).require(200);
        String decision = meetings.meeting(facilitator, workshopId, "POST", "/decisions", Map.of(
                "proposal", "Att fortsätta", "openVoting", true)).require(201).get("id").asText();
        meetings.meeting(anna.get("token").asText(), workshopId, "PUT", "/decisions/" + decision + "/vote",
                Map.of("option", "continue")).require(200);
        meetings.meeting(facilitator, workshopId, "POST", "/decisions/" + decision + "/close", null).require(200);
        JsonNode evidence = await().atMost(Duration.ofSeconds(10)).until(() -> MeetingApi.decision(
                meetings.meetingOf(facilitator, workshopId), decision), d -> d.get("state").asText().equals("closed"))
                .get("evidence");

        // After the decision: the status turns red and the risk is reassessed.
        meetings.records(facilitator, project, "PUT", "/status-reports/" + workshopId, Map.of("rows",
                List.of(Map.of("area", "Budget", "light", "MAJOR")))).require(200);
        assertThat(api.send("POST", "/api/v1/projects/" + project + "/risks/R1/assessments", facilitator, Map.of(
                "probability", 4, "impact", 5, "reason", "Läget har förvärrats")).status()).isBetween(200, 201);
        await().atMost(Duration.ofSeconds(10)).until(() -> meetings.recordsOf(facilitator, project)
                .get("statusReports").get(0).get("rows").get(0).get("light").asText().equals("MAJOR"));

        JsonNode records = api.send("GET", "/api/v1/projects/" + project + "/records?version="
                + evidence.get("recordsVersion").asLong(), facilitator, (String) null).require(200);
        assertThat(records.get("statusReports").get(0).get("rows").get(0).get("light").asText())
                .isEqualTo("ON_TRACK");
        JsonNode risks = api.send("GET", "/api/v1/projects/" + project + "/risks?version="
                + evidence.get("riskRegisterVersion").asLong(), facilitator, (String) null).require(200);
        assertThat(risks.get("risks").get(0).get("probability").asInt()).isEqualTo(2);
        refused(400, api.send("GET", "/api/v1/projects/" + project + "/records?version=999", facilitator,
                (String) null));
        refused(400, api.send("GET", "/api/v1/projects/" + project + "/risks?version=-1", facilitator,
                (String) null));
    }
}
