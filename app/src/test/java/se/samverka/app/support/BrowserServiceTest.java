package se.samverka.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;

/**
 * A {@link ServiceTest} with real browsers (Debian's headless Chromium, see {@link Chromium}):
 * each browser has a profile of its own and is closed after the test. The helpers find elements
 * by their {@code data-testid} and wait up to the class's patience, so a test reads as the steps
 * a person takes on the screens.
 */
public abstract class BrowserServiceTest extends ServiceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    protected Path profiles;
    /** How long a step may take before the test fails: long enough for two loaded cores. */
    protected final Duration patience;
    private final List<WebDriver> browsers = new ArrayList<>();

    protected BrowserServiceTest() {
        this(Duration.ofSeconds(20));
    }

    protected BrowserServiceTest(Duration patience) {
        this.patience = patience;
    }

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(WebDriver::quit);
        browsers.clear();
    }

    /** A fresh browser named {@code name} (its profile folder), its window {@code width} × {@code height}. */
    protected ChromeDriver browser(String name, int width, int height) throws IOException {
        return browser(name, width, height, options -> { });
    }

    /** As {@link #browser(String, int, int)}, with {@code more} Chromium options. */
    protected ChromeDriver browser(String name, int width, int height, Consumer<ChromeOptions> more)
            throws IOException {
        ChromeDriver driver = Chromium.open(profiles.resolve(name), width, height, more);
        browsers.add(driver);
        return driver;
    }

    /** Opens the service with a session already stored, as the login or join page would leave it. */
    protected static void openWithSession(WebDriver driver, String key, Object session, String hash)
            throws IOException {
        driver.get(samverka.baseUrl() + "/#/");
        ((JavascriptExecutor) driver).executeScript("localStorage.setItem(arguments[0], arguments[1]);", key,
                JSON.writeValueAsString(session));
        driver.get(samverka.baseUrl() + "/" + hash);
    }

    /** Opens {@code hash} as the admin facilitator holding {@code token}. */
    protected static void openAsFacilitator(WebDriver driver, String token, String hash) throws IOException {
        openWithSession(driver, "samverka.facilitator", Map.of("token", token, "username", "admin"), hash);
    }

    /** Opens {@code hash} as the participant the join answer {@code joined} describes. */
    protected static void openAsParticipant(WebDriver driver, JsonNode joined, String hash) throws IOException {
        openWithSession(driver, "samverka.participant", Map.of("token", joined.get("token").asText(),
                "workshopId", joined.get("workshopId").asText(),
                "participantId", joined.get("participantId").asText()), hash);
    }

    /** Logs the admin in through the login page. */
    protected void logIn(WebDriver driver) {
        driver.get(samverka.baseUrl() + "/#/login");
        byTestId(driver, "login-username").sendKeys("admin");
        byTestId(driver, "login-password").sendKeys(RunningSamverka.ADMIN_PASSWORD);
        byTestId(driver, "login-submit").click();
    }

    /** Creates a workshop from the facilitator's home screen; its join code once the dashboard shows it. */
    protected String createWorkshop(WebDriver driver, String title) {
        byTestId(driver, "workshop-title").sendKeys(title);
        byTestId(driver, "create-workshop").click();
        WebElement joinCode = byTestId(driver, "join-code");
        waitFor(driver, "join code shown", d -> joinCode.getText().strip().matches("[A-Z2-9]{6}"));
        return joinCode.getText().strip();
    }

    /** The workshop whose dashboard the browser shows. */
    protected static String workshopIdShown(WebDriver driver) {
        return driver.getCurrentUrl().replaceAll(".*#/w/([^/]+)/dashboard.*", "$1");
    }

    /** Joins the workshop with {@code code} through the join page, as {@code name} of {@code organisation}. */
    protected void join(WebDriver driver, String code, String name, String organisation) {
        driver.get(samverka.baseUrl() + "/#/join/" + code);
        byTestId(driver, "join-name").sendKeys(name);
        new Select(byTestId(driver, "join-organisation")).selectByVisibleText(organisation);
        byTestId(driver, "join-submit").click();
    }

    /** Waits until the screen's live connection is up. */
    protected void waitUntilLive(WebDriver driver, String what) {
        waitFor(driver, what, d -> "connected".equals(attributeIfPresent(d, "connection-status", "data-state")));
    }

    /** Leaves a marker in the page that a reload would wipe out, so {@link #notReloaded} can tell. */
    protected static void markAgainstReload(WebDriver driver) {
        ((JavascriptExecutor) driver).executeScript("window.__samverkaNoReload = true;");
    }

    /** Whether the page still holds the marker of {@link #markAgainstReload}: a change arrived live. */
    protected static Object notReloaded(WebDriver driver) {
        return ((JavascriptExecutor) driver).executeScript("return window.__samverkaNoReload === true;");
    }

    protected static By testId(String id) {
        return By.cssSelector("[data-testid='" + id + "']");
    }

    /** The first element with this test id, once the page has one. */
    protected WebElement byTestId(WebDriver driver, String id) {
        return Chromium.byTestId(driver, id, patience);
    }

    protected static boolean present(WebDriver driver, String id) {
        return !driver.findElements(testId(id)).isEmpty();
    }

    /** The attribute of the element with the test id, once the page has one. */
    protected String attribute(WebDriver driver, String id, String attribute) {
        return byTestId(driver, id).getDomAttribute(attribute);
    }

    /** The attribute of the element with the test id, or null while there is none: for checks inside waits. */
    protected static String attributeIfPresent(WebDriver driver, String id, String attribute) {
        List<WebElement> found = driver.findElements(testId(id));
        return found.isEmpty() ? null : found.get(0).getDomAttribute(attribute);
    }

    /** Waits until {@code check} holds; {@code what} names the wait in the failure. */
    protected void waitFor(WebDriver driver, String what, Function<WebDriver, Boolean> check) {
        Chromium.waitFor(driver, what, check, patience);
    }

    /**
     * Clicks through script after scrolling the element into view: on a small screen a sticky bar
     * may lie over it, which a test of what the click does need not fight.
     */
    protected static void click(WebDriver driver, WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        ((JavascriptExecutor) driver).executeScript("arguments[0].click();", element);
    }

    protected void click(WebDriver driver, String id) {
        click(driver, byTestId(driver, id));
    }

    /** A click as a person's: it fails when the element is covered or cannot take it. */
    protected static void clickAsAPerson(WebDriver driver, WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    /** Keeps what the screen shows in target/screenshots/{@code name}.png, to look at after a run. */
    protected static void screenshot(WebDriver driver, String name) throws IOException {
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        Files.write(target.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
