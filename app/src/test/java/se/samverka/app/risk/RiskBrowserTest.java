package se.samverka.app.risk;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import se.samverka.app.support.ApiClient;
import se.samverka.app.support.Chromium;
import se.samverka.app.support.RunningSamverka;

/**
 * Two real browsers on the risk screen of one project (Debian's Chromium and chromedriver,
 * headless): the facilitator reassesses R1 on a laptop, and on a participant's phone the risk
 * moves on the matrix and the escalation appears, without a reload.
 */
class RiskBrowserTest {
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
        // Live screens re-render while they are read: an element found a moment ago may be replaced.
        new WebDriverWait(driver, PATIENCE).withMessage(what).ignoring(StaleElementReferenceException.class)
                .until(check::apply);
    }

    private static void click(WebDriver driver, WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        ((JavascriptExecutor) driver).executeScript("arguments[0].click();", element);
    }

    @Test
    void givenTwoScreensOnTheRiskRegister_whenFacilitatorReassessesR1_thenItMovesAndEscalatesOnTheOtherScreen()
            throws Exception {
        ApiClient api = new ApiClient(samverka.baseUrl());
        RiskApi risks = new RiskApi(api);
        String facilitator = api.loginAdmin();
        JsonNode workshop = api.createWorkshop(facilitator, "Styrgruppsmöte Digital Motor Fyrbodal");
        String project = workshop.get("projectId").asText();
        JsonNode anna = api.join(workshop.get("joinCode").asText(), "Anna", "Uddevalla");
        // The pre-study's two risks, both medium: R1 2 × 5 = 10 and R2 4 × 3 = 12.
        risks.register(facilitator, project, "Ändrat uppdrag e-samordnarroll från VästKom", 2, 5).require(201);
        risks.register(facilitator, project, "Projektdeltagare kan inte prioritera att delta i projektet", 4, 3)
                .require(201);
        String hash = "#/p/" + project + "/risks";

        WebDriver laptop = browser("facilitator", 1280, 1000);
        openWithSession(laptop, "samverka.facilitator",
                Map.of("token", facilitator, "username", "admin"), hash);
        WebDriver phone = browser("participant", 390, 844);
        openWithSession(phone, "samverka.participant", Map.of("token", anna.get("token").asText(),
                "workshopId", anna.get("workshopId").asText(), "participantId",
                anna.get("participantId").asText()), hash);
        for (WebDriver screen : List.of(laptop, phone)) {
            waitFor(screen, "risk screen live", d ->
                    "connected".equals(byTestId(d, "connection-status").getDomAttribute("data-state")));
            waitFor(screen, "R1 placed at S 2, K 5", d ->
                    "2-5".equals(byTestId(d, "matrix-risk-R1").getDomAttribute("data-cell")));
        }
        assertThat(byTestId(phone, "cell-2-5").getDomAttribute("data-level")).isEqualTo("MEDIUM");
        assertThat(byTestId(phone, "cell-2-5").getText()).contains("10 · Medel");
        assertThat(phone.findElements(By.cssSelector("[data-testid='escalation-banner']"))).isEmpty();
        // A marker that a reload would wipe out: the change must arrive live.
        ((JavascriptExecutor) phone).executeScript("window.__samverkaNoReload = true;");

        click(laptop, byTestId(laptop, "matrix-risk-R1"));
        new Select(byTestId(laptop, "reassess-R1-probability")).selectByVisibleText("4");
        new Select(byTestId(laptop, "reassess-R1-impact")).selectByVisibleText("4");
        byTestId(laptop, "reassess-R1-reason").sendKeys("VästKom har sagt upp avtalet om e-samordnare");
        click(laptop, byTestId(laptop, "reassess-R1-submit"));

        waitFor(phone, "R1 moved to S 4, K 4", d ->
                "4-4".equals(byTestId(d, "matrix-risk-R1").getDomAttribute("data-cell")));
        WebElement banner = byTestId(phone, "escalation-banner");
        waitFor(phone, "escalation shown", d -> banner.getText().contains("R1 kräver nu beslut av uppdragsbeställaren"));
        assertThat(banner.getDomAttribute("data-risk")).isEqualTo("R1");
        assertThat(byTestId(phone, "cell-4-4").getDomAttribute("data-level")).isEqualTo("HIGH");
        assertThat(byTestId(phone, "level-R1").getText()).isEqualTo("Hög");
        assertThat(byTestId(phone, "risk-row-R1").getDomAttribute("data-value")).isEqualTo("16");
        // The register is sorted by value: R1 (16) now comes before R2 (12).
        List<String> order = phone.findElements(By.cssSelector("[data-testid^='risk-row-']")).stream()
                .map(row -> row.getDomAttribute("data-testid")).toList();
        assertThat(order).containsExactly("risk-row-R1", "risk-row-R2");
        assertThat(((JavascriptExecutor) phone).executeScript("return window.__samverkaNoReload === true;"))
                .as("the phone was not reloaded").isEqualTo(true);
        waitFor(laptop, "escalation on the facilitator's screen too", d ->
                byTestId(d, "escalation-banner").getText().contains("R1"));
        screenshot(phone, "risk-phone-escalated");
        screenshot(laptop, "risk-laptop-escalated");

        // Every screen of the meeting shows it: the phone's rating page and the facilitator's dashboard.
        phone.get(samverka.baseUrl() + "/#/w/" + workshop.get("id").asText() + "/rate");
        waitFor(phone, "escalation on the rating page", d ->
                byTestId(d, "escalation-banner").getText().contains("R1"));
        laptop.get(samverka.baseUrl() + "/#/w/" + workshop.get("id").asText() + "/dashboard");
        waitFor(laptop, "escalation on the dashboard", d ->
                byTestId(d, "escalation-banner").getText().contains("R1"));
    }

    private static void screenshot(WebDriver driver, String name) throws IOException {
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        Files.write(target.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
