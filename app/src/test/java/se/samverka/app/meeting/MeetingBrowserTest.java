package se.samverka.app.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import se.samverka.app.support.ApiClient;
import se.samverka.app.support.Chromium;
import se.samverka.app.support.RunningSamverka;

/**
 * Two real browsers on the risk screen of one project (Debian's Chromium and chromedriver,
 * headless): the facilitator reassesses R1 on a laptop, and on a participant's phone the risk
 * moves on the matrix and the escalation appears, without a reload.
 */
/**
 * A meeting in real browsers (Debian's headless Chromium): the facilitator moves the agenda and
 * a participant's phone and the projector follow; a member votes on the phone, the facilitator
 * closes the decision and every screen shows the outcome.
 */
class MeetingBrowserTest {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final Duration PATIENCE = Duration.ofSeconds(20);
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;
    @TempDir
    Path profiles;
    static RunningSamverka samverka;
    private final List<WebDriver> browsers = new ArrayList<>();

    @BeforeAll
    static void start() {
        samverka = RunningSamverka.start(dataDir);
    }

    @AfterAll
    static void stop() {
        samverka.stop();
    }

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(WebDriver::quit);
    }

    private WebDriver browser(String name, int width, int height) throws IOException {
        WebDriver driver = Chromium.open(profiles.resolve(name), width, height);
        browsers.add(driver);
        return driver;
    }

    /** Opens the service with a session already stored, as the login or join page would leave it. */
    private static void openWithSession(WebDriver driver, String key, Object session, String hash) throws IOException {
        driver.get(samverka.baseUrl() + "/#/");
        ((JavascriptExecutor) driver).executeScript("localStorage.setItem(arguments[0], arguments[1]);", key,
                JSON.writeValueAsString(session));
        driver.get(samverka.baseUrl() + "/" + hash);
    }

    private static WebElement byTestId(WebDriver driver, String id) {
        return Chromium.byTestId(driver, id, PATIENCE);
    }

    private static void waitFor(WebDriver driver, String what, Function<WebDriver, Boolean> check) {
        Chromium.waitFor(driver, what, check, PATIENCE);
    }

    private static void click(WebDriver driver, WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        ((JavascriptExecutor) driver).executeScript("arguments[0].click();", element);
    }

    private static void connected(WebDriver screen) {
        waitFor(screen, "meeting live", d ->
                "connected".equals(byTestId(d, "connection-status").getDomAttribute("data-state")));
    }

    @Test
    void givenThreeScreens_whenFacilitatorMovesTheAgendaAndClosesTheDecision_thenEveryScreenFollows()
            throws Exception {
        ApiClient api = new ApiClient(samverka.baseUrl());
        MeetingApi meetings = new MeetingApi(api);
        String facilitator = api.loginAdmin();
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
        openWithSession(laptop, "samverka.facilitator", Map.of("token", facilitator, "username", "admin"),
                "#/w/" + workshopId + "/meeting");
        WebDriver phone = browser("participant", 390, 844);
        openWithSession(phone, "samverka.participant", Map.of("token", anna.get("token").asText(),
                "workshopId", workshopId, "participantId", anna.get("participantId").asText()),
                "#/w/" + workshopId + "/meeting");
        WebDriver projector = browser("projector", 1920, 1080);
        openWithSession(projector, "samverka.facilitator", Map.of("token", facilitator, "username", "admin"),
                "#/w/" + workshopId + "/projector");
        connected(laptop);
        connected(phone);
        for (WebDriver screen : List.of(laptop, phone, projector)) {
            waitFor(screen, "first item", d -> byTestId(d, "current-item").getText().equals("Statusrapport"));
        }
        waitFor(laptop, "Anna is present", d -> byTestId(d, "presence").getText().contains("Anna"));

        click(laptop, byTestId(laptop, "move-a3"));
        for (WebDriver screen : List.of(laptop, phone, projector)) {
            waitFor(screen, "the screen follows to Riskhantering",
                    d -> byTestId(d, "current-item").getText().equals("Riskhantering"));
        }

        meetings.meeting(facilitator, workshopId, "PUT", "/current", Map.of("itemId", "a4")).require(200);
        meetings.meeting(facilitator, workshopId, "POST", "/decisions", Map.of("kind", "PLAN_APPROVAL",
                "proposal", "Att godkänna upprättad projektplan v 0.2", "planVersion", "0.2")).require(201);
        click(phone, byTestId(phone, "vote-continue"));
        waitFor(phone, "my vote shown", d -> byTestId(d, "my-vote").getText().contains("Fortsätt"));
        waitFor(laptop, "one vote counted", d -> byTestId(d, "decision-progress").getText().contains("1"));
        click(laptop, byTestId(laptop, "close-decision"));
        for (WebDriver screen : List.of(laptop, phone, projector)) {
            waitFor(screen, "the outcome is shown",
                    d -> byTestId(d, "decision-outcome").getText().contains("Fortsätt"));
        }
        await().atMost(PATIENCE).until(() -> meetings.recordsOf(facilitator, project).get("planVersions").get(0)
                .get("state").asText().equals("APPROVED"));

        click(phone, byTestId(phone, "records-link"));
        waitFor(phone, "the plan version approved", d -> byTestId(d, "plan-0.2").getText().contains("Godkänd"));
        waitFor(phone, "a late milestone says so in words", d -> byTestId(d, "milestone-M1").getText()
                .contains("Försenad"));
        WebElement light = byTestId(phone, "status-report").findElement(By.cssSelector("[data-light='MINOR']"));
        waitFor(phone, "a traffic light as text", d -> light.getText().equals("Mindre komplikationer"));
    }

    /** Minutes and erasure (issue 6) from the meeting screen. */
    @Test
    void givenAMeeting_whenTheFacilitatorDownloadsTheMinutesAndErasesAParticipant_thenProtocolAndNameGone()
            throws Exception {
        ApiClient api = new ApiClient(samverka.baseUrl());
        MeetingApi meetings = new MeetingApi(api);
        String facilitator = api.loginAdmin();
        JsonNode workshop = api.createWorkshop(facilitator, "Styrgruppsmöte med protokoll");
        String workshopId = workshop.get("id").asText();
        meetings.setAgenda(facilitator, workshopId);
        JsonNode anna = api.join(workshop.get("joinCode").asText(), "Anna Protokollsdotter", "Uddevalla");
        meetings.meeting(anna.get("token").asText(), workshopId, "PUT", "/presence", null).require(200);

        WebDriver laptop = browser("facilitator", 1280, 1000);
        openWithSession(laptop, "samverka.facilitator", Map.of("token", facilitator, "username", "admin"),
                "#/w/" + workshopId + "/meeting");
        connected(laptop);
        waitFor(laptop, "Anna is present", d -> byTestId(d, "presence").getText().contains("Anna Protokollsdotter"));
        JavascriptExecutor js = (JavascriptExecutor) laptop;
        // The file the button hands to the browser is caught where it becomes a blob address; the
        // confirmation dialog of the erasure is answered yes.
        js.executeScript("window.__download = null; const make = URL.createObjectURL.bind(URL);"
                + " URL.createObjectURL = (blob) => { window.__download = blob; return make(blob); };"
                + " window.confirm = () => true;");

        click(laptop, byTestId(laptop, "minutes-md"));
        waitFor(laptop, "the minutes downloaded", d -> Boolean.TRUE.equals(
                js.executeScript("return window.__download !== null;")));
        laptop.manage().timeouts().scriptTimeout(PATIENCE);
        String minutes = (String) js.executeAsyncScript(
                "const done = arguments[arguments.length - 1]; window.__download.text().then(done);");
        assertThat(minutes).contains("# Protokoll – Styrgruppsmöte med protokoll", "## §2 Närvaro",
                "- Anna Protokollsdotter", "## Justering");

        click(laptop, byTestId(laptop, "erase-Anna Protokollsdotter"));
        waitFor(laptop, "the name is gone from the screen", d -> {
            String presence = byTestId(d, "presence").getText();
            return presence.contains("Raderad deltagare") && !presence.contains("Protokollsdotter");
        });
        await().atMost(PATIENCE).until(() -> meetings.meetingOf(facilitator, workshopId).get("present").get(0)
                .get("displayName").asText().equals("Raderad deltagare"));
    }
}
