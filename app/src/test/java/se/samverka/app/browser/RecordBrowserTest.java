package se.samverka.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import se.samverka.app.support.ApiClient;
import se.samverka.app.support.Chromium;
import se.samverka.app.support.RunningSamverka;

/**
 * The record in a real browser (Debian's headless Chromium): the facilitator follows the audit
 * trail live, verifies the chain, and steps the dashboard back through the meeting.
 */
class RecordBrowserTest {
    static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    static Path dataDir;
    @TempDir
    Path profiles;
    static RunningSamverka samverka;
    static ApiClient api;
    private WebDriver browser;

    @BeforeAll
    static void start() {
        samverka = RunningSamverka.start(dataDir);
        api = new ApiClient(samverka.baseUrl());
    }

    @AfterAll
    static void stop() {
        samverka.stop();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private WebDriver laptop() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BrowserTest.CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--lang=sv-SE",
                "--user-data-dir=" + Files.createDirectories(profiles.resolve("facilitator")));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(BrowserTest.CHROMEDRIVER).toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1280, 900));
        return browser;
    }

    private static WebElement byTestId(WebDriver driver, String id) {
        return Chromium.byTestId(driver, id, PATIENCE);
    }

    private static void waitFor(WebDriver driver, String what, Function<WebDriver, Boolean> check) {
        Chromium.waitFor(driver, what, check, PATIENCE);
    }

    private static int lines(WebDriver driver) {
        return driver.findElements(By.cssSelector("[data-testid='audit-line']")).size();
    }

    private static void click(WebDriver driver, WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        ((JavascriptExecutor) driver).executeScript("arguments[0].click();", element);
    }

    @Test
    void givenAMeeting_whenTheFacilitatorOpensTheRecord_thenTheTrailIsLiveTheChainHoldsAndTheDashboardReplays()
            throws Exception {
        WebDriver laptop = laptop();
        laptop.get(samverka.baseUrl() + "/#/login");
        byTestId(laptop, "login-username").sendKeys("admin");
        byTestId(laptop, "login-password").sendKeys(RunningSamverka.ADMIN_PASSWORD);
        byTestId(laptop, "login-submit").click();
        byTestId(laptop, "workshop-title").sendKeys("Styrgruppsmöte");
        byTestId(laptop, "create-workshop").click();
        WebElement joinCode = byTestId(laptop, "join-code");
        waitFor(laptop, "join code shown", d -> joinCode.getText().strip().matches("[A-Z2-9]{6}"));
        String code = joinCode.getText().strip();
        String workshopUrl = laptop.getCurrentUrl();
        String workshopId = workshopUrl.replaceAll(".*#/w/([^/]+)/dashboard.*", "$1");
        JsonNode anna = api.join(code, "Anna Öberg", "Uddevalla");
        api.rate(anna.get("token").asText(), workshopId, "set-goals", 2).require(200);
        long beforeChange = api.rate(anna.get("token").asText(), workshopId, "set-goals", 4).require(200)
                .get("version").asLong() - 1;

        click(laptop, byTestId(laptop, "dash-audit"));
        waitFor(laptop, "the trail shows the meeting so far", d -> lines(d) == 4);
        waitFor(laptop, "the trail is live", d ->
                "connected".equals(byTestId(d, "connection-status").getDomAttribute("data-state")));
        ((JavascriptExecutor) laptop).executeScript("window.__samverkaNoReload = true;");
        api.rate(anna.get("token").asText(), workshopId, "develop-department", 5).require(200);
        waitFor(laptop, "the new line arrives live", d -> lines(d) == 5);
        assertThat(laptop.findElements(By.cssSelector("[data-testid='audit-line']")).get(0).getText())
                .contains("Anna Öberg").contains("Utveckla avdelningen");
        assertThat(((JavascriptExecutor) laptop).executeScript("return window.__samverkaNoReload === true;"))
                .as("the trail was not reloaded").isEqualTo(true);

        click(laptop, byTestId(laptop, "audit-project"));
        click(laptop, byTestId(laptop, "verify-chain"));
        waitFor(laptop, "the chain holds", d ->
                "true".equals(byTestId(d, "verify-result").getDomAttribute("data-intact")));
        screenshot(laptop, "audit-trail");

        laptop.get(workshopUrl);
        waitFor(laptop, "dashboard live", d ->
                "connected".equals(byTestId(d, "connection-status").getDomAttribute("data-state")));
        waitFor(laptop, "dashboard shows the mean of 4", d ->
                "4".equals(byTestId(d, "cap-set-goals").getDomAttribute("data-mean")));
        click(laptop, byTestId(laptop, "replay-open"));
        WebElement slider = byTestId(laptop, "replay-slider");
        ((JavascriptExecutor) laptop).executeScript("const s = arguments[0];"
                + "Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(s, arguments[1]);"
                + "s.dispatchEvent(new Event('input', { bubbles: true }));", slider, String.valueOf(beforeChange));
        waitFor(laptop, "the dashboard as it stood before Anna changed her rating", d ->
                String.valueOf(beforeChange).equals(byTestId(d, "replay-position").getDomAttribute("data-version"))
                        && "2".equals(byTestId(d, "cap-set-goals").getDomAttribute("data-mean")));
        screenshot(laptop, "replay");
        click(laptop, byTestId(laptop, "replay-close"));
        waitFor(laptop, "back to live", d -> "4".equals(byTestId(d, "cap-set-goals").getDomAttribute("data-mean")));
    }

    private static void screenshot(WebDriver driver, String name) throws IOException {
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        Files.write(target.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
