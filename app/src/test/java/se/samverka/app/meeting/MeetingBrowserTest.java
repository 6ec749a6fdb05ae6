package se.samverka.app.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import se.samverka.app.support.BrowserServiceTest;

/**
 * A meeting in real browsers (Debian's headless Chromium): the facilitator moves the agenda and
 * a participant's phone and the projector follow; a member votes on the phone, the facilitator
 * closes the decision and every screen shows the outcome.
 */
class MeetingBrowserTest extends BrowserServiceTest {
    @Test
    void givenThreeScreens_whenFacilitatorMovesTheAgendaAndClosesTheDecision_thenEveryScreenFollows()
            throws Exception {
        MeetingApi meetings = new MeetingApi(api);
        JsonNode workshop = api.createWorkshop(facilitator, "Styrgruppsmöte Digital Motor Fyrbodal");
        String workshopId = workshop.get("id").asText();
        String project = workshop.get("projectId").asText();
        meetings.records(facilitator, project, "POST", "/plan-versions", Map.of("version", "0.2")).require(201);
        meetings.records(facilitator, project, "PUT", "/status-reports/" + workshopId, Map.of("rows", List.of(
                Map.of("area", "Budget", "light", "ON_TRACK"),
                Map.of("area", "Tid", "light", "MINOR", "deviation", "Viss förskjutning av tidsplan")))).require(200);
        meetings.records(facilitator, project, "PUT", "/milestones/M1", Map.of("name", "Projektplan fastställd",
                "planned", "2020-09-28", "due", "2020-10-30")).require(200);
        meetings.setAgenda(facilitator, workshopId);
        meetings.meeting(facilitator, workshopId, "PUT", "/current", Map.of("itemId", "a1")).require(200);
        JsonNode anna = api.join(workshop.get("joinCode").asText(), "Anna", "Uddevalla");
        meetings.meeting(facilitator, workshopId, "PUT", "/roles/" + anna.get("participantId").asText(),
                Map.of("steeringGroup", true)).require(200);

        WebDriver laptop = browser("facilitator", 1280, 1000);
        openAsFacilitator(laptop, facilitator, "#/w/" + workshopId + "/meeting");
        WebDriver phone = browser("participant", 390, 844);
        openAsParticipant(phone, anna, "#/w/" + workshopId + "/meeting");
        WebDriver projector = browser("projector", 1920, 1080);
        openAsFacilitator(projector, facilitator, "#/w/" + workshopId + "/projector");
        waitUntilLive(laptop, "meeting live");
        waitUntilLive(phone, "meeting live");
        for (WebDriver screen : List.of(laptop, phone, projector)) {
            waitFor(screen, "first item", d -> byTestId(d, "current-item").getText().equals("Statusrapport"));
        }
        waitFor(laptop, "Anna is present", d -> byTestId(d, "presence").getText().contains("Anna"));

        click(laptop, "move-a3");
        for (WebDriver screen : List.of(laptop, phone, projector)) {
            waitFor(screen, "the screen follows to Riskhantering",
                    d -> byTestId(d, "current-item").getText().equals("Riskhantering"));
        }

        meetings.meeting(facilitator, workshopId, "PUT", "/current", Map.of("itemId", "a4")).require(200);
        meetings.meeting(facilitator, workshopId, "POST", "/decisions", Map.of("kind", "PLAN_APPROVAL",
                "proposal", "Att godkänna upprättad projektplan v 0.2", "planVersion", "0.2")).require(201);
        click(phone, "vote-continue");
        waitFor(phone, "my vote shown", d -> byTestId(d, "my-vote").getText().contains("Fortsätt"));
        waitFor(laptop, "one vote counted", d -> byTestId(d, "decision-progress").getText().contains("1"));
        click(laptop, "close-decision");
        for (WebDriver screen : List.of(laptop, phone, projector)) {
            waitFor(screen, "the outcome is shown",
                    d -> byTestId(d, "decision-outcome").getText().contains("Fortsätt"));
        }
        await().atMost(patience).until(() -> meetings.recordsOf(facilitator, project).get("planVersions").get(0)
                .get("state").asText().equals("APPROVED"));

        click(phone, "records-link");
        waitFor(phone, "the plan version approved", d -> byTestId(d, "plan-0.2").getText().contains("Godkänd"));
        waitFor(phone, "a late milestone says so in words", d -> byTestId(d, "milestone-M1").getText()
                .contains("Försenad"));
        WebElement light = byTestId(phone, "status-report").findElement(By.cssSelector("[data-light='MINOR']"));
        waitFor(phone, "a traffic light as text", d -> light.getText().equals("Mindre komplikationer"));
    }

    /** The facilitator takes an activity off the Gantt view; a member's phone follows without a reload. */
    @Test
    void givenATimeline_whenTheFacilitatorRemovesAnActivity_thenItLeavesTheGanttOnEveryScreen() throws Exception {
        MeetingApi meetings = new MeetingApi(api);
        JsonNode workshop = api.createWorkshop(facilitator, "Tidplan Digital Motor");
        String project = workshop.get("projectId").asText();
        meetings.records(facilitator, project, "PUT", "/activities/A1", Map.of("name", "Intervjuer sakkunniga",
                "startWeek", "2020-W41", "endWeek", "2020-W43")).require(200);
        meetings.records(facilitator, project, "PUT", "/activities/A2", Map.of("name", "Sammanställ scenario 1",
                "startWeek", "2020-W53", "endWeek", "2021-W02")).require(200);
        JsonNode anna = api.join(workshop.get("joinCode").asText(), "Anna", "Uddevalla");
        String hash = "#/p/" + project + "/records";

        WebDriver laptop = browser("facilitator", 1280, 1000);
        openAsFacilitator(laptop, facilitator, hash);
        WebDriver phone = browser("participant", 390, 844);
        openAsParticipant(phone, anna, hash);
        for (WebDriver screen : List.of(laptop, phone)) {
            waitUntilLive(screen, "records live");
            waitFor(screen, "both activities in the Gantt view", d -> present(d, "gantt-A1") && present(d, "gantt-A2"));
        }
        assertThat(present(phone, "remove-activity-A1")).as("only the facilitator may remove").isFalse();
        markAgainstReload(phone);

        ((JavascriptExecutor) laptop).executeScript("window.confirm = () => true;");
        click(laptop, "remove-activity-A1");
        for (WebDriver screen : List.of(laptop, phone)) {
            waitFor(screen, "A1 gone, A2 left", d -> !present(d, "gantt-A1") && present(d, "gantt-A2"));
        }
        assertThat(notReloaded(phone)).as("the phone was not reloaded").isEqualTo(true);
    }

    /** Minutes and erasure (issue 6) from the meeting screen. */
    @Test
    void givenAMeeting_whenTheFacilitatorDownloadsTheMinutesAndErasesAParticipant_thenProtocolAndNameGone()
            throws Exception {
        MeetingApi meetings = new MeetingApi(api);
        JsonNode workshop = api.createWorkshop(facilitator, "Styrgruppsmöte med protokoll");
        String workshopId = workshop.get("id").asText();
        meetings.setAgenda(facilitator, workshopId);
        JsonNode anna = api.join(workshop.get("joinCode").asText(), "Anna Protokollsdotter", "Uddevalla");
        meetings.meeting(anna.get("token").asText(), workshopId, "PUT", "/presence", null).require(200);

        WebDriver laptop = browser("facilitator", 1280, 1000);
        openAsFacilitator(laptop, facilitator, "#/w/" + workshopId + "/meeting");
        waitUntilLive(laptop, "meeting live");
        waitFor(laptop, "Anna is present", d -> byTestId(d, "presence").getText().contains("Anna Protokollsdotter"));
        JavascriptExecutor js = (JavascriptExecutor) laptop;
        // The file the button hands to the browser is caught where it becomes a blob address; the
        // confirmation dialog of the erasure is answered yes.
        js.executeScript("window.__download = null; const make = URL.createObjectURL.bind(URL);"
                + " URL.createObjectURL = (blob) => { window.__download = blob; return make(blob); };"
                + " window.confirm = () => true;");

        click(laptop, "minutes-md");
        waitFor(laptop, "the minutes downloaded", d -> Boolean.TRUE.equals(
                js.executeScript("return window.__download !== null;")));
        laptop.manage().timeouts().scriptTimeout(patience);
        String minutes = (String) js.executeAsyncScript(
                "const done = arguments[arguments.length - 1]; window.__download.text().then(done);");
        assertThat(minutes).contains("# Protokoll – Styrgruppsmöte med protokoll", "## §2 Närvaro",
                "- Anna Protokollsdotter", "## Justering");

        click(laptop, "erase-Anna Protokollsdotter");
        waitFor(laptop, "the name is gone from the screen", d -> {
            String presence = byTestId(d, "presence").getText();
            return presence.contains("Raderad deltagare") && !presence.contains("Protokollsdotter");
        });
        await().atMost(patience).until(() -> meetings.meetingOf(facilitator, workshopId).get("present").get(0)
                .get("displayName").asText().equals("Raderad deltagare"));
    }
}
