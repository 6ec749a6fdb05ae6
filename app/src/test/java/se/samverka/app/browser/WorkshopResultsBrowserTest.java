package se.samverka.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
 * A sealed rating round in real browsers (Debian's Chromium, headless): participants from three
 * municipalities rate — one on a phone-sized screen through the real UI, two through the API to
 * spare the machine — while the facilitator's dashboard, the fourth screen, shows the voter count
 * rising but no values. After close and reveal the heatmap (organisations × capabilities) and the
 * common strengths and weaknesses appear there live, without a reload.
 */
class WorkshopResultsBrowserTest {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final String STRONG = "set-goals";
    static final String WEAK = "understand-priorities";

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

    private static WebElement byTestId(WebDriver driver, String id) {
        return new WebDriverWait(driver, PATIENCE).withMessage("element " + id).until(d -> {
            List<WebElement> found = d.findElements(testId(id));
            return found.isEmpty() ? null : found.get(0);
        });
    }

    private static By testId(String id) {
        return By.cssSelector("[data-testid='" + id + "']");
    }

    private static boolean present(WebDriver driver, String id) {
        return !driver.findElements(testId(id)).isEmpty();
    }

    /** The attribute of the element with the test id, or null while there is none. */
    private static String attribute(WebDriver driver, String id, String attribute) {
        List<WebElement> found = driver.findElements(testId(id));
        return found.isEmpty() ? null : found.get(0).getDomAttribute(attribute);
    }

    private static void waitFor(WebDriver driver, String what, Function<WebDriver, Boolean> check) {
        new WebDriverWait(driver, PATIENCE).withMessage(what).ignoring(StaleElementReferenceException.class)
                .until(check::apply);
    }

    private static void click(WebDriver driver, WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        ((JavascriptExecutor) driver).executeScript("arguments[0].click();", element);
    }

    @Test
    void givenSealedRound_whenThreeMunicipalitiesRate_thenFourthScreenShowsOnlyCountsUntilRevealThenHeatmapLive()
            throws Exception {
        // The fourth screen: the facilitator's dashboard on a laptop.
        WebDriver laptop = browser("facilitator", 1280, 900);
        laptop.get(samverka.baseUrl() + "/#/login");
        byTestId(laptop, "login-username").sendKeys("admin");
        byTestId(laptop, "login-password").sendKeys(RunningSamverka.ADMIN_PASSWORD);
        byTestId(laptop, "login-submit").click();
        byTestId(laptop, "workshop-title").sendKeys("Förmågekartläggning Fyrbodal, runda");
        byTestId(laptop, "create-workshop").click();
        WebElement joinCode = byTestId(laptop, "join-code");
        waitFor(laptop, "join code shown", d -> joinCode.getText().strip().matches("[A-Z2-9]{6}"));
        String code = joinCode.getText().strip();
        waitFor(laptop, "dashboard live", d -> "connected".equals(attribute(d, "connection-status", "data-state")));

        // Anna from Uddevalla joins on a phone; Tanum and Trollhättan join through the API.
        WebDriver phone = browser("uddevalla", 360, 800);
        phone.get(samverka.baseUrl() + "/#/join/" + code);
        byTestId(phone, "join-name").sendKeys("Anna");
        new Select(byTestId(phone, "join-organisation")).selectByVisibleText("Uddevalla");
        byTestId(phone, "join-submit").click();
        waitFor(phone, "rating page live", d -> "connected".equals(attribute(d, "connection-status", "data-state")));
        waitFor(phone, "free rating shown", d -> "free".equals(attribute(d, "rate-phase", "data-phase")));
        ApiClient api = new ApiClient(samverka.baseUrl());
        JsonNode tanum = api.join(code, "Tove", "Tanum");
        JsonNode trollhattan = api.join(code, "Tariq", "Trollhättan");
        String workshopId = tanum.get("workshopId").asText();
        waitFor(laptop, "three participants", d -> byTestId(d, "participant-count").getText().strip().equals("3"));

        // The facilitator opens a sealed round over "set goals" and its sub-capabilities.
        ((JavascriptExecutor) laptop).executeScript("window.__samverkaNoReload = true;");
        new Select(byTestId(laptop, "round-scope-kind")).selectByValue("SUBTREE");
        new Select(byTestId(laptop, "round-scope-target")).selectByValue(STRONG);
        assertThat(byTestId(laptop, "round-sealed").isSelected()).as("sealed is the default").isTrue();
        click(laptop, byTestId(laptop, "open-round"));
        waitFor(laptop, "round open", d -> "open".equals(attribute(d, "current-round", "data-state")));
        assertThat(attribute(laptop, "voter-count", "data-count")).isEqualTo("0");

        // The phone follows into the round live: only the round's capabilities, sealed, no aggregates.
        waitFor(phone, "round open on the phone", d -> "open".equals(attribute(d, "rate-phase", "data-phase")));
        assertThat(present(phone, "round-sealed-note")).isTrue();
        assertThat(present(phone, "rate-develop-department-3")).as("outside the round").isFalse();
        click(phone, byTestId(phone, "rate-" + STRONG + "-4"));
        waitFor(phone, "rating saved", d -> "saved".equals(attribute(d, "rated-" + STRONG, "data-state")));
        click(phone, byTestId(phone, "rate-" + WEAK + "-2"));
        waitFor(phone, "second rating saved", d -> "saved".equals(attribute(d, "rated-" + WEAK, "data-state")));
        assertThat(phone.findElements(By.cssSelector(".aggregate"))).as("a sealed round shows no aggregates")
                .isEmpty();
        screenshot(phone, "round-participant-phone");

        waitFor(laptop, "one has voted", d -> "1".equals(attribute(d, "voter-count", "data-count")));
        waitFor(laptop, "Anna listed as voted", d -> byTestId(d, "voted-names").getText().contains("Anna"));
        waitFor(phone, "the phone sees one voter", d -> "1".equals(attribute(d, "voter-count", "data-count")));

        rate(api, tanum, workshopId, STRONG, 4);
        rate(api, tanum, workshopId, WEAK, 1);
        waitFor(laptop, "two have voted", d -> "2".equals(attribute(d, "voter-count", "data-count")));
        rate(api, trollhattan, workshopId, STRONG, 5);
        rate(api, trollhattan, workshopId, WEAK, 2);
        waitFor(laptop, "three have voted", d -> "3".equals(attribute(d, "voter-count", "data-count")));

        // Sealed: the fourth screen shows counts and nothing else.
        assertThat(present(laptop, "round-sealed-note")).isTrue();
        assertThat(present(laptop, "round-results")).isFalse();
        assertThat(attribute(laptop, "results", "data-rating-count")).isEqualTo("0");
        assertThat(present(laptop, "heat-Uddevalla-" + STRONG)).isFalse();
        assertThat(present(laptop, "strength-" + STRONG)).isFalse();
        assertThat(present(laptop, "weakness-" + WEAK)).isFalse();
        screenshot(laptop, "round-sealed-dashboard");

        click(laptop, byTestId(laptop, "close-round"));
        waitFor(laptop, "round closed", d -> "closed".equals(attribute(d, "current-round", "data-state")));
        waitFor(phone, "the phone waits for the facilitator",
                d -> "waiting".equals(attribute(d, "rate-phase", "data-phase")));
        assertThat(present(laptop, "heat-Uddevalla-" + STRONG)).as("closed is still sealed").isFalse();
        click(laptop, byTestId(laptop, "reveal-round"));

        // Revealed: heatmap and strengths and weaknesses arrive live on the fourth screen.
        waitFor(laptop, "round revealed", d -> "revealed".equals(attribute(d, "current-round", "data-state")));
        waitFor(laptop, "heatmap cells", d ->
                "4".equals(attribute(d, "heat-Uddevalla-" + STRONG, "data-mean"))
                        && "4".equals(attribute(d, "heat-Tanum-" + STRONG, "data-mean"))
                        && "5".equals(attribute(d, "heat-Trollhättan-" + STRONG, "data-mean"))
                        && "1".equals(attribute(d, "heat-Tanum-" + WEAK, "data-mean")));
        waitFor(laptop, "a common strength", d -> present(d, "strength-" + STRONG));
        waitFor(laptop, "a common weakness", d -> present(d, "weakness-" + WEAK));
        WebElement heatmap = byTestId(laptop, "heatmap");
        assertThat(heatmap.getTagName()).isEqualTo("table");
        assertThat(heatmap.findElements(By.cssSelector("thead th")).stream().map(WebElement::getText).toList())
                .contains("Tanum", "Trollhättan", "Uddevalla");
        assertThat(attribute(laptop, "heat-Uddevalla-" + STRONG, "data-count")).isEqualTo("1");
        assertThat(byTestId(laptop, "round-result-" + STRONG).getDomAttribute("data-count")).isEqualTo("3");
        assertThat(((JavascriptExecutor) laptop).executeScript("return window.__samverkaNoReload === true;"))
                .as("the dashboard was not reloaded").isEqualTo(true);
        screenshot(laptop, "round-revealed-dashboard");

        waitFor(phone, "the phone hears of the reveal",
                d -> "revealed".equals(attribute(d, "rate-phase", "data-round-state")));
        screenshot(phone, "round-revealed-phone");
    }

    private static void rate(ApiClient api, JsonNode participant, String workshopId, String capabilityId, int score) {
        api.send("PUT", "/api/v1/workshops/" + workshopId + "/capabilities/" + capabilityId + "/rating",
                participant.get("token").asText(), Map.of("score", score)).require(200);
    }

    private static void screenshot(WebDriver driver, String name) throws IOException {
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        Files.write(target.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
