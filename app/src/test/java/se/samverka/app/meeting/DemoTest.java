package se.samverka.app.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.samverka.app.support.ApiClient;
import se.samverka.app.support.RunningSamverka;

/** The Fyrbodal demo: loaded at the first start by real commands, and not again after a restart. */
class DemoTest {
    @TempDir
    Path dataDir;

    @Test
    void givenDemoEnabled_whenStartedTwice_thenTheFyrbodalMeetingIsLoadedOnce() {
        try (RunningSamverka samverka = RunningSamverka.start(dataDir, "samverka.demo.enabled=true")) {
            ApiClient api = new ApiClient(samverka.baseUrl());
            MeetingApi meetings = new MeetingApi(api);
            String admin = api.loginAdmin();
            await().atMost(Duration.ofSeconds(15)).until(() ->
                    meetings.meetingOf(admin, "fyrbodal-demo").get("decisions").size() == 1
                            && meetings.recordsOf(admin, "fyrbodal-prestudy").get("statusReports").size() == 1);
            JsonNode meeting = meetings.meetingOf(admin, "fyrbodal-demo");
            assertThat(meeting.get("agenda")).extracting(i -> i.get("title").asText())
                    .containsExactly("Statusrapport", "Aktiviteter", "Riskhantering", "Beslut");
            assertThat(meeting.get("currentItemId").asText()).isEqualTo("a1");
            assertThat(meeting.get("steeringGroup")).hasSize(4);
            JsonNode decision = meeting.get("decisions").get(0);
            assertThat(decision.get("proposal").asText()).isEqualTo("Att godkänna upprättad projektplan v 0.2");
            assertThat(decision.get("state").asText()).isEqualTo("open");
            assertThat(decision.get("agendaItemId").asText()).isEqualTo("a4");

            JsonNode records = meetings.recordsOf(admin, "fyrbodal-prestudy");
            assertThat(records.get("facts").get("totalCostSek").asLong()).isEqualTo(605000);
            assertThat(records.get("planVersions").get(0).get("state").asText()).isEqualTo("DRAFT");
            assertThat(records.get("milestones")).extracting(m -> m.get("id").asText())
                    .containsExactly("M1", "M2", "M3");
            assertThat(records.get("milestones").get(0).get("late").asBoolean()).as("due 2020-10-30, not reached")
                    .isTrue();
            assertThat(records.get("statusReports").get(0).get("rows").get(1).get("lightLabel").asText())
                    .isEqualTo("Mindre komplikationer");
            assertThat(records.get("activities")).hasSize(10);
            assertThat(records.get("activities").get(0).get("startWeek").asText()).isEqualTo("2020-W41");
            assertThat(records.get("activities").get(9).get("endWeek").asText()).isEqualTo("2021-W04");
            assertThat(records.get("organisations").get("names")).hasSize(14);
            assertThat(records.get("organisations").get("allowOther").asBoolean()).isFalse();
            await().atMost(Duration.ofSeconds(10)).until(() -> api.send("GET",
                    "/api/v1/projects/fyrbodal-prestudy/risks", admin, (String) null).require(200)
                    .get("risks").size() == 2);

            // The survey and the environment analysis' sources (issue 10).
            await().atMost(Duration.ofSeconds(15)).until(() -> api.send("GET",
                    "/api/v1/projects/fyrbodal-prestudy/environment", admin, (String) null).require(200)
                    .get("sources").size() == 12);
            JsonNode survey = await().atMost(Duration.ofSeconds(15)).until(() -> api.send("GET",
                    "/api/v1/projects/fyrbodal-prestudy/surveys/fyrbodal-nulage", admin, (String) null),
                    response -> response.status() == 200 && "OPEN".equals(response.body().get("status").asText()))
                    .body();
            assertThat(survey.get("questions")).hasSize(6);
            assertThat(survey.get("board").get("expected").asInt()).isEqualTo(14 * 4);

            long stored = samverka.storedEvents();
            samverka.stop();
            samverka.startAgain();
            assertThat(samverka.storedEvents()).as("loaded once").isEqualTo(stored);
        }
    }
}
