package se.samverka.app.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.samverka.app.support.ApiClient;
import se.samverka.app.support.ServiceTest;

/** Bad input to meetings and records: each a clear 4xx problem, nothing stored. */
class MeetingBadInputTest extends ServiceTest {
    static MeetingApi meetings;
    static String workshopId;
    static String project;

    @BeforeAll
    static void prepare() {
        meetings = new MeetingApi(api);
        JsonNode workshop = api.createWorkshop(facilitator, "Styrgruppsmöte");
        workshopId = workshop.get("id").asText();
        project = workshop.get("projectId").asText();
        meetings.setAgenda(facilitator, workshopId);
    }

    private void refused(int status, String method, String path, String body) {
        long before = samverka.storedEvents();
        ApiClient.Response response = api.send(method, path, facilitator, body);
        assertThat(response.status()).as(method + " " + path + " " + body).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(samverka.storedEvents()).as("nothing stored").isEqualTo(before);
    }

    @Test
    void datesThatDoNotParseOrEndBeforeTheyStart() {
        String records = "/api/v1/projects/" + project + "/records";
        refused(400, "PUT", records + "/facts", "{\"name\":\"F\",\"startDate\":\"2020-13-45\"}");
        refused(400, "PUT", records + "/facts", "{\"name\":\"F\",\"startDate\":\"2020-09-25\",\"endDate\":\"2020-01-29\"}");
        refused(400, "PUT", records + "/milestones/M1",
                "{\"name\":\"M\",\"planned\":\"2020-10-30\",\"due\":\"2020-09-28\"}");
        refused(400, "PUT", records + "/milestones/M1", "{\"name\":\"M\",\"due\":\"vecka 44\"}");
        refused(404, "PUT", records + "/milestones/X1", "{\"name\":\"M\"}");
        refused(400, "PUT", records + "/status-reports/" + workshopId,
                "{\"rows\":[{\"area\":\"Budget\",\"light\":\"PURPLE\"}]}");
    }

    @Test
    void unknownAgendaItemsDecisionsAndPlanVersions() {
        String meeting = "/api/v1/workshops/" + workshopId + "/meeting";
        refused(404, "PUT", meeting + "/current", "{\"itemId\":\"a99\"}");
        refused(404, "POST", meeting + "/decisions/d9/close", null);
        refused(404, "POST", meeting + "/decisions",
                "{\"kind\":\"PLAN_APPROVAL\",\"proposal\":\"Godkänna\",\"planVersion\":\"9.9\"}");
        refused(400, "POST", meeting + "/decisions", "{\"proposal\":\"Välj\",\"options\":[\"Ja\"]}");
        refused(400, "PUT", meeting + "/agenda", "{\"items\":[]}");
        assertThat(meetings.meeting(facilitator, workshopId, "PUT", "/current", Map.of("itemId", "a2")).status())
                .isEqualTo(200);
    }
}
