package se.samverka.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import se.samverka.app.support.Chromium;
import se.samverka.app.support.RunningSamverka;

/**
 * Two real browsers (Debian's Chromium, headless, driven by Debian's chromedriver; nothing is
 * downloaded): a facilitator on a laptop creates a workshop, a participant on a phone-sized
 * screen joins with the code and rates, and the facilitator's dashboard changes without a reload.
 */
class BrowserTest {
    static final String CHROMIUM = Chromium.BINARY;
    static final String CHROMEDRIVER = Chromium.DRIVER;
    static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    static Path dataDir;
    @TempDir
    Path profiles;
    static RunningSamverka samverka;
    private final List<WebDriver> browsers = new java.util.ArrayList<>();

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
        return Chromium.byTestId(driver, id, PATIENCE);
    }

    private static void waitFor(WebDriver driver, String what, java.util.function.Function<WebDriver, Boolean> check) {
        new WebDriverWait(driver, PATIENCE).withMessage(what).until(check::apply);
    }

    @Test
    void givenFacilitatorDashboard_whenParticipantRatesOnPhone_thenDashboardChangesWithoutReload() throws Exception {
        WebDriver laptop = browser("facilitator", 1280, 900);
        laptop.get(samverka.baseUrl() + "/#/login");
        byTestId(laptop, "login-username").sendKeys("admin");
        byTestId(laptop, "login-password").sendKeys(RunningSamverka.ADMIN_PASSWORD);
        byTestId(laptop, "login-submit").click();
        byTestId(laptop, "workshop-title").sendKeys("Förmågekartläggning Fyrbodal");
        byTestId(laptop, "create-workshop").click();
        WebElement joinCode = byTestId(laptop, "join-code");
        waitFor(laptop, "join code shown", d -> joinCode.getText().strip().matches("[A-Z2-9]{6}"));
        String code = joinCode.getText().strip();
        waitFor(laptop, "dashboard live", d ->
                "connected".equals(byTestId(d, "connection-status").getDomAttribute("data-state")));
        assertThat(byTestId(laptop, "cap-set-goals").getDomAttribute("data-count")).isEqualTo("0");
        // A marker that a reload would wipe out: the change must arrive live.
        ((JavascriptExecutor) laptop).executeScript("window.__samverkaNoReload = true;");

        WebDriver phone = browser("participant", 390, 844);
        phone.get(samverka.baseUrl() + "/#/join/" + code);
        byTestId(phone, "join-name").sendKeys("Anna");
        new Select(byTestId(phone, "join-organisation")).selectByVisibleText("Uddevalla");
        byTestId(phone, "join-submit").click();
        waitFor(phone, "rating page live", d ->
                "connected".equals(byTestId(d, "connection-status").getDomAttribute("data-state")));
        WebElement four = byTestId(phone, "rate-set-goals-4");
        ((JavascriptExecutor) phone).executeScript("arguments[0].scrollIntoView({block: 'center'});", four);
        ((JavascriptExecutor) phone).executeScript("arguments[0].click();", four);
        waitFor(phone, "rating saved", d ->
                "saved".equals(byTestId(d, "rated-set-goals").getDomAttribute("data-state")));
        screenshot(phone, "participant-phone");

        waitFor(laptop, "dashboard shows the rating", d ->
                "1".equals(byTestId(d, "cap-set-goals").getDomAttribute("data-count"))
                        && "4".equals(byTestId(d, "cap-set-goals").getDomAttribute("data-mean")));
        waitFor(laptop, "participant count", d -> byTestId(d, "participant-count").getText().strip().equals("1"));
        assertThat(((JavascriptExecutor) laptop).executeScript("return window.__samverkaNoReload === true;"))
                .as("the dashboard was not reloaded").isEqualTo(true);
        screenshot(laptop, "facilitator-dashboard");

        // The phone keeps its rating across a reload of the page.
        phone.navigate().refresh();
        waitFor(phone, "kept rating", d ->
                "saved".equals(byTestId(d, "rated-set-goals").getDomAttribute("data-state"))
                        && byTestId(d, "rate-set-goals-4").isSelected());
    }

    private static void screenshot(WebDriver driver, String name) throws IOException {
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        Files.write(target.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
